#!/usr/bin/env python3
"""Builds evaluation-pairs.csv: labelled name pairs for the screening matcher.

Label 1 = the query names the listed entity; 0 = a different entity. Generated variants of the
built-in list names (case, punctuation, legal form, word order, typos, spacing) plus hand-written
pairs (Chinese vs Latin script, traditional characters, Wade-Giles vs pinyin, hard negatives).
No row is taken from OpenSanctions data. Deterministic: re-running gives the same file.
Run: python3 make-evaluation-pairs.py > evaluation-pairs.csv
"""
import csv, random, sys

rng = random.Random(20250304)

# Latin names of the built-in list (src/main/resources/screening/cn-lists.yaml), kind.
LISTED = [
    ("Lockheed Martin Corporation", "COMPANY"), ("Raytheon Missiles & Defense", "COMPANY"),
    ("PVH Group", "COMPANY"), ("Illumina, Inc.", "COMPANY"), ("TCOM, Limited Partnership", "COMPANY"),
    ("Stick Rudder Enterprises LLC", "COMPANY"), ("Teledyne Brown Engineering, Inc.", "COMPANY"),
    ("Huntington Ingalls Industries Inc.", "COMPANY"), ("S3 AeroDefense", "COMPANY"),
    ("Cubic Corporation", "COMPANY"), ("TextOre", "COMPANY"), ("ACT1 Federal", "COMPANY"),
    ("Exovera", "COMPANY"), ("Planate Management Group", "COMPANY"), ("Leidos", "COMPANY"),
    ("Gibbs & Cox", "COMPANY"), ("IP Video Market Info", "COMPANY"), ("Sourcemap", "COMPANY"),
    ("Skydio", "COMPANY"), ("Rapid Flight", "COMPANY"), ("Red Six Solutions", "COMPANY"),
    ("Shield AI", "COMPANY"), ("HavocAI", "COMPANY"), ("Neros Technologies", "COMPANY"),
    ("Group W", "COMPANY"), ("Aerkomm", "COMPANY"), ("General Atomics Aeronautical Systems", "COMPANY"),
    ("General Dynamics Land Systems", "COMPANY"), ("AeroVironment", "COMPANY"),
    ("BRINC Drones, Inc.", "COMPANY"), ("SYNEXXUS, Inc.", "COMPANY"), ("Firestorm Labs, Inc.", "COMPANY"),
    ("Kratos Unmanned Aerial Systems, Inc.", "COMPANY"), ("Domo Tactical Communications", "COMPANY"),
    ("Insitu, Inc.", "COMPANY"), ("Dedrone by Axon", "COMPANY"), ("DZYNE Technologies", "COMPANY"),
    ("Elbit Systems of America", "COMPANY"), ("Epirus", "COMPANY"), ("Exelis", "COMPANY"),
    ("Alliant Techsystems Operations", "COMPANY"), ("Teledyne FLIR", "COMPANY"), ("VSE Corporation", "COMPANY"),
    ("Cubic Global Defense", "COMPANY"), ("Recorded Future", "COMPANY"), ("BAE Systems Inc.", "COMPANY"),
    ("Halifax International Security Forum", "ORGANISATION"), ("TechInsights", "COMPANY"),
]

LEGAL = {"Inc.", "Inc", "Corporation", "Corp.", "Corp", "LLC", "Group", "Limited", "Partnership", "Ltd."}
SWAPS = [", Inc.", " Inc", " Corp.", " LLC", " Co., Ltd.", " Corporation", ""]

rows = []

def add(query, listed, label, category, kind=""):
    rows.append((query, listed, kind, label, category))

def words(name):
    return name.replace(",", "").split()

def core(name):
    return " ".join(w for w in words(name) if w not in LEGAL)

def typo(name):
    ws = words(core(name))
    i = max(range(len(ws)), key=lambda k: len(ws[k]))
    w = ws[i]
    if len(w) < 4:
        return None
    p = rng.randrange(1, len(w) - 1)
    op = rng.choice(["swap", "drop", "double", "sub"])
    if op == "swap":
        w = w[:p] + w[p + 1] + w[p] + w[p + 2:]
    elif op == "drop":
        w = w[:p] + w[p + 1:]
    elif op == "double":
        w = w[:p] + w[p] + w[p:]
    else:
        w = w[:p] + rng.choice("aeiou") + w[p + 1:]
    ws[i] = w
    return " ".join(ws)

for name, kind in LISTED:
    add(name.upper(), name, 1, "case")
    add(name.lower().replace(",", "").replace(".", ""), name, 1, "case+punctuation")
    add(name.replace("&", "and").replace(",", " ,").replace(".", ""), name, 1, "punctuation")
    add(core(name) + rng.choice(SWAPS), name, 1, "legal form")
    ws = words(core(name))
    if len(ws) >= 2:
        add(" ".join(ws[1:] + ws[:1]), name, 1, "word order")
    t = typo(name)
    if t:
        add(t, name, 1, "typo")
    if len(ws) >= 2:
        add("".join(ws), name, 1, "run together")
    elif len(ws[0]) >= 7:
        k = len(ws[0]) // 2
        add(ws[0][:k] + " " + ws[0][k:], name, 1, "split")

# Chinese script: list names and their variants (the list's own Chinese names, brief §7.4 / issue 4).
CHINESE_POSITIVE = [
    ("洛克希德·马丁公司", "洛克希德·马丁公司"), ("洛克希德马丁公司", "洛克希德·马丁公司"),
    ("洛克希德·馬丁公司", "洛克希德·马丁公司"), ("洛克希德・马丁", "洛克希德·马丁公司"),
    ("洛克希德·马丁有限公司", "洛克希德·马丁公司"), ("洛克希德·玛丁公司", "洛克希德·马丁公司"),
    ("ＬＯＣＫＨＥＥＤ ＭＡＲＴＩＮ", "Lockheed Martin Corporation"),
    ("雷神导弹与防务公司", "雷神导弹与防务公司"), ("雷神導彈與防務公司", "雷神导弹与防务公司"),
    ("雷神导弹与防务有限公司", "雷神导弹与防务公司"), ("雷神导弹防务公司", "雷神导弹与防务公司"),
    ("华为技术有限公司", "華為技術有限公司"), ("华为技术", "华为技术有限公司"), ("華為", "华为"),
    ("中兴通讯股份有限公司", "中興通訊"), ("腾讯控股有限公司", "腾讯"), ("阿里巴巴集团控股有限公司", "阿里巴巴"),
    ("阿里巴巴集团", "阿里巴巴集团控股有限公司"), ("因美纳公司", "因美纳"), ("PVH集团", "PVH集团"),
    ("PVH 集團", "PVH集团"), ("中国移动通信集团有限公司", "中國移動通信"), ("小米科技有限责任公司", "小米科技"),
    ("字节跳动有限公司", "字節跳動"), ("大疆创新科技有限公司", "大疆创新"), ("海康威视", "海康威視數字技術股份有限公司"),
]
for q, l in CHINESE_POSITIVE:
    add(q, l, 1, "chinese")

CHINESE_NEGATIVE = [
    ("洛克希德·马丁航空公司", "洛克希德·马丁公司"), ("洛克希德·马丁风险投资公司", "洛克希德·马丁公司"),
    ("洛克希德·马丁导弹与火控公司", "洛克希德·马丁公司"), ("雷神导弹系统公司", "雷神导弹与防务公司"),
    ("雷神技术公司", "雷神导弹与防务公司"), ("华夏技术有限公司", "华为技术有限公司"), ("中国联通", "中国移动"),
    ("阿里妈妈", "阿里巴巴"), ("腾讯音乐", "腾讯"), ("中兴通讯", "中信集团"), ("马丁公司", "洛克希德·马丁公司"),
    ("通用动力陆地系统公司", "通用原子航空系统公司"), ("通用动力任务系统公司", "通用动力陆地系统公司"),
    ("小米科技", "小鹏汽车"), ("大疆创新", "大华股份"), ("海康威视", "海信集团"),
]
for q, l in CHINESE_NEGATIVE:
    add(q, l, 0, "chinese hard negative")

# Wade-Giles (and Taiwanese usage) against pinyin, and against the characters. Person names.
PERSONS = [
    ("Wang Ting-yu", "Wang Dingyu", "王定宇"), ("Su Tseng-chang", "Su Zhenchang", "苏贞昌"),
    ("Tsai Chi-chang", "Cai Qichang", "蔡其昌"), ("Koo Li-hsiung", "Gu Lixiong", "顾立雄"),
    ("Lin Fei-fan", "Lin Feifan", "林飞帆"), ("Chen Chiao-hua", "Chen Jiaohua", "陈椒华"),
    ("You Si-kun", "You Xikun", "游锡堃"), ("Mao Tse-tung", "Mao Zedong", "毛泽东"),
    ("Teng Hsiao-ping", "Deng Xiaoping", "邓小平"), ("Chou En-lai", "Zhou Enlai", "周恩来"),
    ("Chiang Chieh-shih", "Jiang Jieshi", "蒋介石"), ("Lai Ching-te", "Lai Qingde", "赖清德"),
    ("Chen Shui-bian", "Chen Shuibian", "陈水扁"), ("Hou Yu-ih", "Hou Youyi", "侯友宜"),
    ("Lu Hsiu-lien", "Lu Xiulian", "吕秀莲"), ("Kuo Tai-ming", "Guo Taiming", "郭台铭"),
    ("Chen Chien-jen", "Chen Jianren", "陈建仁"), ("Cho Jung-tai", "Zhuo Rongtai", "卓荣泰"),
    ("Hsieh Chang-ting", "Xie Changting", "谢长廷"), ("Yu Shyi-kun", "You Xikun", "游锡堃"),
    ("Liu Shih-fang", "Liu Shifang", "刘世芳"), ("Cheng Li-chun", "Zheng Lijun", "郑丽君"),
    ("Lin Chia-lung", "Lin Jialong", "林佳龙"), ("Chiu Chui-cheng", "Qiu Chuizheng", "邱垂正"),
    ("Huang Kuo-chang", "Huang Guochang", "黄国昌"), ("Wu Chao-hsieh", "Wu Zhaoxie", "吴钊燮"),
]
for wg, py, han in PERSONS:
    add(wg, han, 1, "wade-giles vs chinese", "PERSON")
    add(py, han, 1, "pinyin vs chinese", "PERSON")
    add(wg, py, 1, "wade-giles vs pinyin", "PERSON")
    add(wg.replace("-", ""), han, 1, "wade-giles unhyphenated vs chinese", "PERSON")
    surname, given = wg.split(" ", 1)
    add(given + " " + surname, han, 1, "given name first vs chinese", "PERSON")

PERSON_NEGATIVE = [
    ("Wang Ting-yu", "王定国"), ("Wang Ting-yu", "汪定宇"), ("Su Tseng-chang", "苏贞华"),
    ("Lin Fei-fan", "林飞龙"), ("Chen Shui-bian", "陈水生"), ("Lai Ching-te", "赖清华"),
    ("Kuo Tai-ming", "郭台生"), ("Mao Tse-tung", "毛泽民"), ("Teng Hsiao-ping", "邓小华"),
    ("Chou En-lai", "周恩泽"), ("Li Wu", "吕武"), ("Hou Yu-ih", "侯友谊"), ("Cheng Li-chun", "郑丽文"),
    ("Huang Kuo-chang", "黄国书"), ("Wu Chao-hsieh", "吴昭燮"), ("Lin Chia-lung", "林佳明"),
]
for q, l in PERSON_NEGATIVE:
    add(q, l, 0, "person hard negative (chinese)", "PERSON")

LATIN_PERSON_NEGATIVE = [
    ("Li Wu", "Lu Wu"), ("Wang Ting-yu", "Wang Ting-kuo"), ("Chris Smith", "Iain Duncan Smith"),
    ("Marco Rubio", "Marco Rubini"), ("Ted Cruz", "Ted Crews"), ("Tom Cotton", "Tom Cotter"),
    ("Michael Chong", "Michael Cheng Li"), ("Chen Chien-jen", "Chen Chien-kuo"), ("Lin Fei-fan", "Lin Fei-lung"),
    ("Kevin McDonnell", "Kevin McDonald"), ("John Bolton", "John Boulton Smith"), ("Pat Toomey", "Pat Toole"),
    ("Hsiao Mei-chin", "Hsiao Mei-ling"), ("Koo Li-hsiung", "Ko Li-hsien"), ("Tsai Chi-chang", "Tsai Chih-hung"),
    ("Adam King", "Adam Kingsley"),
]
for q, l in LATIN_PERSON_NEGATIVE:
    add(q, l, 0, "person hard negative (latin)", "PERSON")

# Hard negatives: different entities with similar names (siblings, namesakes, near spellings).
HARD_NEGATIVE = [
    ("Cubic Global Defense", "Cubic Corporation"), ("Teledyne FLIR", "Teledyne Brown Engineering, Inc."),
    ("General Dynamics Land Systems", "General Atomics Aeronautical Systems"),
    ("General Dynamics Mission Systems", "General Dynamics Land Systems"),
    ("General Dynamics Information Technology", "General Dynamics Land Systems"),
    ("Lockheed Martin Aeronautics", "Lockheed Martin Corporation"),
    ("Lockheed Martin Ventures", "Lockheed Martin Corporation"),
    ("Lockheed Martin Missiles and Fire Control", "Lockheed Martin Corporation"),
    ("Lockheed Martin Space", "Lockheed Martin Corporation"),
    ("Raytheon Missile Systems", "Raytheon Missiles & Defense"), ("Raytheon Technologies", "Raytheon Missiles & Defense"),
    ("Raytheon Intelligence & Space", "Raytheon Missiles & Defense"), ("Raytheon Canada", "Raytheon Missiles & Defense"),
    ("Epirus Biopharmaceuticals", "Epirus"), ("Skyworks Solutions", "Skydio"), ("Shield Insurance Agency", "Shield AI"),
    ("Red Hat Solutions", "Red Six Solutions"), ("Red Six Media", "Red Six Solutions"), ("SourceForge", "Sourcemap"),
    ("Rapid Flight Training Academy", "Rapid Flight"), ("Exelixis", "Exelis"), ("Exovera", "Exelis"),
    ("Neros Pharmaceuticals", "Neros Technologies"), ("Neuros Technologies Limited", "Neros Technologies"),
    ("Kratos Defense & Security Solutions", "Kratos Unmanned Aerial Systems, Inc."),
    ("Kratos Unmanned Systems Training", "Kratos Unmanned Aerial Systems, Inc."),
    ("Domo Inc.", "Domo Tactical Communications"), ("Firestorm Pizza", "Firestorm Labs, Inc."),
    ("Recorded Books", "Recorded Future"), ("Future Recordings Ltd", "Recorded Future"),
    ("Elbit Systems Ltd.", "Elbit Systems of America"), ("Elbit Imaging", "Elbit Systems of America"),
    ("Halifax Building Society", "Halifax International Security Forum"),
    ("International Security Forum", "Halifax International Security Forum"),
    ("TechTarget Insights", "TechInsights"), ("Dedrone Holdings", "Dedrone by Axon"),
    ("Axon Enterprise", "Dedrone by Axon"), ("Huntington Bancshares", "Huntington Ingalls Industries Inc."),
    ("Ingalls Shipbuilding", "Huntington Ingalls Industries Inc."), ("Stick Shift Enterprises", "Stick Rudder Enterprises LLC"),
    ("Gibbs & Dandy", "Gibbs & Cox"), ("Cox Enterprises", "Gibbs & Cox"), ("Video Market Info", "IP Video Market Info"),
    ("Planet Management Group", "Planate Management Group"), ("Aerkomm Pacific", "Aerkomm"),
    ("AeroVironment Holdings Japan", "AeroVironment"), ("Insight Inc.", "Insitu, Inc."),
    ("Illumina Cambridge Research", "Illumina, Inc."), ("PVH Europe", "PVH Group"),
    ("Alliant Energy", "Alliant Techsystems Operations"), ("Alliant Techsystems Innovation", "Alliant Techsystems Operations"),
    ("BAE Systems Land and Armaments", "BAE Systems Inc."), ("VSE Aviation", "VSE Corporation"),
    ("S3 Aerospace", "S3 AeroDefense"), ("ACT Federal", "ACT1 Federal"), ("TextOre Health", "TextOre"),
    ("Leidos Biomedical Research", "Leidos"), ("Group M", "Group W"), ("WPP Group", "Group W"),
    ("TCOM Holdings", "TCOM, Limited Partnership"), ("Brinc Financial", "BRINC Drones, Inc."),
    ("Synnex Corporation", "SYNEXXUS, Inc."), ("HavocAI Labs Europe", "HavocAI"),
    ("DZYNE Robotics", "DZYNE Technologies"), ("Cubic Transportation Systems", "Cubic Corporation"),
]
for q, l in HARD_NEGATIVE:
    add(q, l, 0, "hard negative")

# Easy negatives: two different list names at random.
names = [n for n, _ in LISTED]
for _ in range(40):
    a, b = rng.sample(names, 2)
    add(a, b, 0, "different list entries")

w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["query", "listed", "kind", "label", "category"])
for r in rows:
    w.writerow(r)
