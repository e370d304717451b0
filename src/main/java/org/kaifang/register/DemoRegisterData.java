package org.kaifang.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.kaifang.licensing.ExistingLicence;
import org.kaifang.licensing.LicenceKind;
import org.kaifang.licensing.LicenceStatus;
import org.kaifang.licensing.LicensedService;
import org.kaifang.licensing.Termination;

/**
 * The synthetic demo register, made up deterministically from a fixed seed: the same licences every time. Every
 * holder's name says 演示 / Demo, and every licence is flagged {@code synthetic}.
 *
 * <ul>
 *   <li>{@value #FOREIGN} foreign-invested holders, numbered {@code 合字B…-YYYYNNNN} (issued by MIIT), whose first
 *       issue dates follow the public counts of FIEs (telecom-vas-brief §6.2): 78 by mid-2017, 232 by March 2020, 2,220
 *       by September 2024, 2,343 at the end of 2024, over 2,400 at the end of February 2025 (and 1,855 on 28 February
 *       2024, which the reported +30% year on year implies).
 *   <li>{@value #DOMESTIC} domestic holders, about a fifth cross-regional (MIIT, {@code B2-…}) and the rest provincial
 *       ({@code 沪B2-…}), whose growth follows CAICT's totals (§6.1), registered mostly where the public counts put
 *       them (Beijing, Guangdong, Shanghai first).
 *   <li>Services drawn from the licence-item mix of August 2022 (§6.1): ICP, EDI, SP, ISP, IDC, call centre, other.
 *   <li>The first-batch pilot approvals the news named (§1.5): four Shanghai firms on 2025-02-26, and T-Systems, Siemens
 *       Digital Technology (Shenzhen) and Airbus China among the thirteen on 2025-02-28, with the source and no number.
 *       Their names and dates are as reported; their services and areas are inferred, and they say so.
 * </ul>
 */
final class DemoRegisterData {

    static final int FOREIGN = 2_410;
    static final int DOMESTIC = 10_000;
    static final long SEED = 20_250_228L;

    /** Cumulative FIE counts (telecom-vas-brief §6.2), with the first and last dates the demo spreads them over. */
    static final Map<LocalDate, Integer> FOREIGN_GROWTH = growth(
            "2002-06-01",
            0,
            "2004-11-30",
            4,
            "2017-06-30",
            78,
            "2019-09-30",
            166,
            "2020-03-31",
            232,
            // Not a published count: what ">2,400 at the end of February 2025, +30% year on year" (§6.2, [V]) implies
            // a year before 2025-02-28 ([I]): 2,412 holders then (with the seven pilot approvals) over 1,855 is +30.0%.
            "2024-02-28",
            1_855,
            "2024-09-30",
            2_220,
            "2024-12-31",
            2_343,
            "2025-02-27",
            2_405,
            "2025-06-30",
            FOREIGN);

    /** Domestic holders, as a share of 10,000 scaled from CAICT's totals (§6.1; 2023–2025 extrapolated [I]). */
    static final Map<LocalDate, Integer> DOMESTIC_GROWTH = growth(
            "2009-01-01",
            0,
            "2016-03-31",
            1_725,
            "2017-03-31",
            2_043,
            "2019-02-28",
            3_237,
            "2021-06-30",
            5_314,
            "2022-08-31",
            6_709,
            "2024-12-31",
            9_000,
            "2025-06-30",
            DOMESTIC);

    /** Licence items in August 2022 (§6.1): what a drawn service is. */
    private static final List<Item> ITEMS = List.of(
            new Item("B25", "PUBLISHING_PLATFORM", 89_802, false),
            new Item("B21", "EDI", 43_837, true),
            new Item("B25", "INSTANT_MESSAGING", 18_191, false),
            new Item("B14", "USER_ACCESS", 10_622, false),
            new Item("B11", "IDC", 7_609, false),
            new Item("B24", "DOMESTIC_CALL_CENTRE", 7_583, false),
            new Item("B12", "CDN", 4_000, false),
            new Item("B13", "IP_VPN", 3_000, false),
            new Item("B22", "MULTIPARTY", 2_500, true),
            new Item("B23", "STORE_FORWARD", 1_640, true),
            new Item("B26", null, 1_500, true));

    /** Province-level divisions: code, number prefix, capital's name (zh, en), weight for where holders are. */
    private static final List<Province> PROVINCES = List.of(
            new Province("440000", "粤", "深圳", "Shenzhen", 160),
            new Province("110000", "京", "北京", "Beijing", 150),
            new Province("310000", "沪", "上海", "Shanghai", 100),
            new Province("330000", "浙", "杭州", "Hangzhou", 80),
            new Province("320000", "苏", "南京", "Nanjing", 70),
            new Province("370000", "鲁", "济南", "Jinan", 45),
            new Province("350000", "闽", "福州", "Fuzhou", 40),
            new Province("510000", "川", "成都", "Chengdu", 40),
            new Province("420000", "鄂", "武汉", "Wuhan", 30),
            new Province("410000", "豫", "郑州", "Zhengzhou", 30),
            new Province("430000", "湘", "长沙", "Changsha", 25),
            new Province("340000", "皖", "合肥", "Hefei", 25),
            new Province("500000", "渝", "重庆", "Chongqing", 20),
            new Province("120000", "津", "天津", "Tianjin", 18),
            new Province("610000", "陕", "西安", "Xi'an", 18),
            new Province("130000", "冀", "石家庄", "Shijiazhuang", 15),
            new Province("210000", "辽", "沈阳", "Shenyang", 14),
            new Province("360000", "赣", "南昌", "Nanchang", 12),
            new Province("460000", "琼", "海口", "Haikou", 12),
            new Province("450000", "桂", "南宁", "Nanning", 10),
            new Province("530000", "云", "昆明", "Kunming", 10),
            new Province("140000", "晋", "太原", "Taiyuan", 8),
            new Province("220000", "吉", "长春", "Changchun", 7),
            new Province("230000", "黑", "哈尔滨", "Harbin", 7),
            new Province("520000", "贵", "贵阳", "Guiyang", 8),
            new Province("150000", "蒙", "呼和浩特", "Hohhot", 5),
            new Province("620000", "甘", "兰州", "Lanzhou", 4),
            new Province("650000", "新", "乌鲁木齐", "Urumqi", 4),
            new Province("640000", "宁", "银川", "Yinchuan", 2),
            new Province("630000", "青", "西宁", "Xining", 2),
            new Province("540000", "藏", "拉萨", "Lhasa", 1));

    /** Where FIEs are: mostly the three big hubs. */
    private static final Map<String, Integer> FOREIGN_WEIGHTS =
            Map.of("310000", 380, "110000", 250, "440000", 230, "320000", 60, "330000", 40, "120000", 20);

    private static final String[] BRANDS_ZH = {
        "云帆", "星河", "远景", "博睿", "汇通", "启明", "华信", "天擎", "恒达", "盛联", "智选", "鼎新", "海纳", "青禾",
        "蓝桥", "卓越", "锐思", "光合", "易达", "润泽", "嘉和", "众望", "朗程", "北辰", "南山", "东篱", "西岭", "方圆",
        "百川", "千帆", "万象", "九州", "长风", "明德", "同舟", "致远", "新元", "丰泰", "瑞丰", "和光"
    };
    private static final String[] BRANDS_EN = {
        "Yunfan",
        "Xinghe",
        "Yuanjing",
        "Borui",
        "Huitong",
        "Qiming",
        "Huaxin",
        "Tianqing",
        "Hengda",
        "Shenglian",
        "Zhixuan",
        "Dingxin",
        "Haina",
        "Qinghe",
        "Lanqiao",
        "Zhuoyue",
        "Ruisi",
        "Guanghe",
        "Yida",
        "Runze",
        "Jiahe",
        "Zhongwang",
        "Langcheng",
        "Beichen",
        "Nanshan",
        "Dongli",
        "Xiling",
        "Fangyuan",
        "Baichuan",
        "Qianfan",
        "Wanxiang",
        "Jiuzhou",
        "Changfeng",
        "Mingde",
        "Tongzhou",
        "Zhiyuan",
        "Xinyuan",
        "Fengtai",
        "Ruifeng",
        "Heguang"
    };
    private static final String[][] TRADES = {
        {"信息技术", "Information Technology"},
        {"网络科技", "Network Technology"},
        {"数据服务", "Data Services"},
        {"通信技术", "Communication Technology"},
        {"电子商务", "E-commerce"},
        {"云计算", "Cloud Computing"},
        {"数字科技", "Digital Technology"},
        {"软件", "Software"}
    };
    private static final String[] FOREIGN_ORIGIN = {"港资", "外资", "合资"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞"};
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private record Item(String code, @Nullable String item, int weight, boolean nationwide) {}

    private record Province(String code, String prefix, String city, String cityEn, int weight) {}

    private final Random random = new Random(SEED);
    private final Map<String, Integer> serials = new TreeMap<>();
    private final Set<String> names = new HashSet<>();
    private final Set<String> usccs = new HashSet<>();

    /** The whole demo register: foreign-invested licences, domestic ones, then the named pilot approvals. */
    static List<ExistingLicence> generate() {
        return new DemoRegisterData().all();
    }

    private List<ExistingLicence> all() {
        var licences = new ArrayList<ExistingLicence>(FOREIGN + DOMESTIC + 8);
        for (int i = 0; i < FOREIGN; i++) {
            licences.add(licence(true, dateAt(FOREIGN_GROWTH, (i + 0.5) / FOREIGN)));
        }
        for (int i = 0; i < DOMESTIC; i++) {
            licences.add(licence(false, dateAt(DOMESTIC_GROWTH, (i + 0.5) / DOMESTIC)));
        }
        licences.addAll(pilots());
        return licences;
    }

    private ExistingLicence licence(boolean foreign, LocalDate issued) {
        var province = foreign ? foreignProvince() : province();
        var crossRegional = foreign || random.nextInt(100) < 22;
        var services = services(province, crossRegional);
        var categories = new LinkedHashSet<String>();
        services.stream().map(s -> s.code().substring(0, 2)).sorted().forEach(categories::add);
        var prefix = (foreign ? "合字" : crossRegional ? "" : province.prefix()) + String.join(".", categories);
        var number = prefix + "-" + issued.getYear() + String.format("%04d", serial(prefix, issued.getYear()));
        var trade = TRADES[random.nextInt(TRADES.length)];
        var brand = random.nextInt(BRANDS_ZH.length);
        var holder = unique(province.city() + BRANDS_ZH[brand] + "演示" + trade[0]
                + (foreign ? "（" + FOREIGN_ORIGIN[random.nextInt(FOREIGN_ORIGIN.length)] + "）" : "") + "有限公司");
        var holderEn = BRANDS_EN[brand] + " Demo " + trade[1] + " (" + province.cityEn() + ") Co., Ltd.";
        // Licences are valid 5 years and renewed: the current term is the latest 5-year term since first issue.
        var validFrom = issued;
        var today = LocalDate.parse("2025-06-30");
        while (!validFrom.plusYears(5).isAfter(today)) {
            validFrom = validFrom.plusYears(5);
        }
        var validUntil = validFrom.plusYears(5).minusDays(1);
        var status = LicenceStatus.NORMAL;
        Termination termination = null;
        if (!foreign) {
            var roll = random.nextInt(1000);
            var since = ChronoUnit.DAYS.between(issued, today);
            var on = issued.plusDays(since <= 1 ? 0 : 1 + random.nextLong(since - 1));
            if (roll < 60) {
                status = LicenceStatus.CANCELLED;
                termination = new Termination(status, "经营者申请注销 (the holder asked)", "电信业务经营许可管理办法 第三十条", on);
            } else if (roll < 80) {
                status = LicenceStatus.EXPIRED;
                validUntil = on;
                validFrom = on.minusYears(5).plusDays(1).isAfter(issued)
                        ? on.minusYears(5).plusDays(1)
                        : issued;
                termination = new Termination(status, "有效期届满 (validity ended)", "电信业务经营许可管理办法 第二十七条", on);
            } else if (roll < 90) {
                status = LicenceStatus.REVOKED;
                termination = new Termination(status, "以欺骗手段取得许可 (obtained by deception)", "电信业务经营许可管理办法 第四十三条", on);
            } else if (roll < 95) {
                status = LicenceStatus.WITHDRAWN;
                termination = new Termination(status, "违法经营，情节严重 (serious violations)", "电信业务经营许可管理办法 第四十二条", on);
            }
        }
        return new ExistingLicence(
                LicenceKind.LICENCE,
                number,
                holder,
                holderEn,
                uscc(province.code()),
                SURNAMES[random.nextInt(SURNAMES.length)]
                        + GIVEN[random.nextInt(GIVEN.length)]
                        + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : ""),
                BigDecimal.valueOf((1 + random.nextInt(200)) * 500_000L),
                crossRegional ? "MIIT" : province.code(),
                foreign,
                false,
                null,
                services,
                issued,
                validFrom,
                validUntil,
                status,
                List.of(),
                termination,
                true,
                null);
    }

    private List<LicensedService> services(Province province, boolean crossRegional) {
        var count = random.nextInt(100) < 68 ? 1 : random.nextInt(100) < 75 ? 2 : 3;
        var chosen = new LinkedHashMap<String, LicensedService>();
        while (chosen.size() < count) {
            var item = item();
            List<String> coverage;
            if (item.nationwide() || (crossRegional && random.nextInt(100) < 60)) {
                coverage = List.of(Areas.NATIONWIDE);
            } else if (item.code().equals("B11")) {
                // IDC is licensed per city.
                coverage = List.of(province.code().substring(0, 2) + "0100");
            } else if (crossRegional) {
                var areas = new LinkedHashSet<String>();
                areas.add(province.code());
                for (int i = random.nextInt(4); i > 0; i--) {
                    areas.add(province().code());
                }
                coverage = List.copyOf(areas);
            } else {
                coverage = List.of(province.code());
            }
            var key = item.item() == null ? item.code() : item.code() + "/" + item.item();
            chosen.putIfAbsent(key, new LicensedService(item.code(), item.item(), coverage));
        }
        return List.copyOf(chosen.values());
    }

    private Item item() {
        var total = ITEMS.stream().mapToInt(Item::weight).sum();
        var roll = random.nextInt(total);
        for (var item : ITEMS) {
            roll -= item.weight();
            if (roll < 0) {
                return item;
            }
        }
        return ITEMS.getLast();
    }

    private Province province() {
        var total = PROVINCES.stream().mapToInt(Province::weight).sum();
        var roll = random.nextInt(total);
        for (var p : PROVINCES) {
            roll -= p.weight();
            if (roll < 0) {
                return p;
            }
        }
        return PROVINCES.getLast();
    }

    private Province foreignProvince() {
        var total =
                FOREIGN_WEIGHTS.values().stream().mapToInt(Integer::intValue).sum() + 200;
        var roll = random.nextInt(total);
        for (var p : PROVINCES) {
            var weight = FOREIGN_WEIGHTS.get(p.code());
            if (weight != null) {
                roll -= weight;
                if (roll < 0) {
                    return p;
                }
            }
        }
        return province();
    }

    /** The next serial for a prefix and year, with gaps as other licences would leave. */
    private int serial(String prefix, int year) {
        var key = prefix + year;
        var next = serials.getOrDefault(key, 0) + 1 + random.nextInt(3);
        serials.put(key, next);
        return next;
    }

    private String unique(String name) {
        var candidate = name;
        for (int i = 2; !names.add(candidate); i++) {
            candidate = name.replace("有限公司", "第" + i + "有限公司");
        }
        return candidate;
    }

    /** A USCC with a valid check character (GB 32100-2015), registered in {@code division}. */
    private String uscc(String division) {
        while (true) {
            var code = new StringBuilder("91").append(division.substring(0, 4)).append("00");
            for (int i = 0; i < 9; i++) {
                code.append(USCC_CHARS.charAt(random.nextInt(USCC_CHARS.length())));
            }
            code.append(check(code));
            var uscc = code.toString();
            if (usccs.add(uscc)) {
                return uscc;
            }
        }
    }

    static char check(CharSequence first17) {
        var sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        return USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    /** The date by which {@code share} of the holders had a licence, between the points of {@code growth}. */
    static LocalDate dateAt(Map<LocalDate, Integer> growth, double share) {
        var points = new ArrayList<>(growth.entrySet());
        var total = points.getLast().getValue();
        var target = share * total;
        for (int i = 1; i < points.size(); i++) {
            var from = points.get(i - 1);
            var to = points.get(i);
            if (target <= to.getValue()) {
                var days = ChronoUnit.DAYS.between(from.getKey(), to.getKey());
                var fraction = (target - from.getValue()) / (double) (to.getValue() - from.getValue());
                // At least a day after the point before, so that a holder past a count is not counted on its date.
                return from.getKey().plusDays(Math.max(1, Math.round(days * fraction)));
            }
        }
        return points.getLast().getKey();
    }

    private static Map<LocalDate, Integer> growth(Object... pairs) {
        var growth = new LinkedHashMap<LocalDate, Integer>();
        for (int i = 0; i < pairs.length; i += 2) {
            growth.put(LocalDate.parse((String) pairs[i]), (Integer) pairs[i + 1]);
        }
        return growth;
    }

    static final String SHANGHAI_SOURCE =
            "https://regional.chinadaily.com.cn/shanghaipudong/chinashftz/2025-02/28/c_1076115.htm";
    static final String FIRST_BATCH_SOURCE = "https://en.people.cn/n3/2025/0301/c90000-20283229.html";

    /** The first-batch pilot approvals named in the news (telecom-vas-brief §1.5), without numbers. */
    private static List<ExistingLicence> pilots() {
        var shanghai = LocalDate.parse("2025-02-26");
        var batch = LocalDate.parse("2025-02-28");
        return List.of(
                pilot(
                        "西门子在沪子公司（演示：全称未公开）",
                        "Siemens subsidiary in Shanghai",
                        "CN-PILOT-SH",
                        "310000",
                        shanghai,
                        SHANGHAI_SOURCE),
                pilot(
                        "中国银行在沪子公司（演示：全称未公开）",
                        "Bank of China subsidiary in Shanghai",
                        "CN-PILOT-SH",
                        "310000",
                        shanghai,
                        SHANGHAI_SOURCE),
                pilot(
                        "汇丰在沪子公司（演示：全称未公开）",
                        "HSBC subsidiary in Shanghai",
                        "CN-PILOT-SH",
                        "310000",
                        shanghai,
                        SHANGHAI_SOURCE),
                pilot(
                        "猎聘在沪子公司（演示：全称未公开）",
                        "Liepin subsidiary in Shanghai",
                        "CN-PILOT-SH",
                        "310000",
                        shanghai,
                        SHANGHAI_SOURCE),
                pilot(
                        "T-Systems（中国）（演示：中文全称未核实）",
                        "T-Systems P.R. China Ltd.",
                        "CN-PILOT-BJ",
                        "110000",
                        batch,
                        FIRST_BATCH_SOURCE),
                pilot(
                        "西门子数字科技（深圳）有限公司（演示：中文全称未核实）",
                        "Siemens Digital Technology (Shenzhen) Co., Ltd.",
                        "CN-PILOT-SZ",
                        "440300",
                        batch,
                        FIRST_BATCH_SOURCE),
                pilot("空中客车（中国）（演示：中文全称未核实）", "Airbus China", "CN-PILOT-BJ", "110000", batch, FIRST_BATCH_SOURCE));
    }

    private static ExistingLicence pilot(
            String holder, String holderEn, String area, String division, LocalDate on, String source) {
        return new ExistingLicence(
                LicenceKind.PILOT_APPROVAL,
                null,
                holder,
                holderEn,
                null,
                null,
                null,
                "MIIT",
                true,
                true,
                area,
                List.of(
                        new LicensedService("B14", "USER_ACCESS", List.of(division)),
                        new LicensedService("B25", "PUBLISHING_PLATFORM", List.of(division))),
                on,
                on,
                null,
                LicenceStatus.NORMAL,
                List.of(
                        "试点批复：名称与日期据新闻报道；业务与地区为演示推定 (name and date as reported; services and area"
                                + " inferred for the demo)",
                        "工信部通信函〔2024〕107号 增值电信业务扩大对外开放试点"),
                null,
                true,
                source);
    }
}
