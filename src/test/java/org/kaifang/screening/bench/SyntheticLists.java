package org.kaifang.screening.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic restricted-party lists for benchmarks, reproducible from a seed: company and person names in Latin and
 * Chinese script, with legal forms, as an OpenSanctions-style CSV ({@code cn_sanctions} columns). Mix: 45% Latin
 * company names (a third with a Chinese alias), 25% Latin person names, 20% Chinese company names, 10% Chinese person
 * names. Every row has its own QID, so N rows make N entries. Nothing here comes from real list data.
 */
public final class SyntheticLists {

    static final String HEADER = "Type,QID,Name,Alias,Chinese name,Country,Topics,Summary,Chinese summary,Body,List,"
            + "Date,End date,Source URL\n";

    private static final String[] ONSETS = {
        "b", "br", "c", "ch", "cl", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pr", "qu", "r", "s", "st",
        "t", "tr", "v", "w", "z"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"};
    private static final String[] CODAS = {"", "", "n", "r", "s", "x", "l", "m", "nt", "rk", "th", "ck"};
    private static final String[] INDUSTRIES = {
        "Aerospace",
        "Avionics",
        "Defense",
        "Systems",
        "Technologies",
        "Electronics",
        "Photonics",
        "Semiconductor",
        "Robotics",
        "Dynamics",
        "Analytics",
        "Networks",
        "Logistics",
        "Marine",
        "Energy",
        "Materials",
        "Instruments",
        "Software",
        "Security",
        "Optics",
        "Engineering",
        "Trading",
        "Industries",
        "Labs",
        "Microsystems",
        "Sensors",
        "Composites",
        "Telecom",
        "Satellite",
        "Medical"
    };
    private static final String[] LEGAL_FORMS = {
        "Inc.",
        "Corporation",
        "Corp.",
        "LLC",
        "Ltd.",
        "Limited",
        "Co., Ltd.",
        "GmbH",
        "S.A.",
        "PLC",
        "Holdings Inc.",
        "Group",
        "AG",
        "B.V.",
        "Pte. Ltd."
    };
    private static final String[] GIVEN = {
        "James",
        "Mary",
        "Robert",
        "Patricia",
        "John",
        "Jennifer",
        "Michael",
        "Linda",
        "David",
        "Elizabeth",
        "William",
        "Barbara",
        "Richard",
        "Susan",
        "Joseph",
        "Jessica",
        "Thomas",
        "Sarah",
        "Charles",
        "Karen",
        "Daniel",
        "Nancy",
        "Matthew",
        "Lisa",
        "Anthony",
        "Margaret",
        "Mark",
        "Sandra",
        "Steven",
        "Ashley",
        "Andrew",
        "Emily",
        "Kenneth",
        "Donna",
        "Joshua",
        "Michelle",
        "Kevin",
        "Carol",
        "Brian",
        "Amanda",
        "Hsiao-wen",
        "Ting-yu",
        "Chih-ming",
        "Mei-ling",
        "Wei",
        "Jun",
        "Yuki",
        "Hiroshi",
        "Olga",
        "Dmitri",
        "Ingrid",
        "Lars",
        "Amara",
        "Kwame",
        "Priya",
        "Arjun",
        "Lucia",
        "Mateo",
        "Sofia",
        "Noah"
    };
    private static final String[] FAMILY = {
        "Smith",
        "Johnson",
        "Williams",
        "Brown",
        "Jones",
        "Garcia",
        "Miller",
        "Davis",
        "Rodriguez",
        "Martinez",
        "Hernandez",
        "Lopez",
        "Wilson",
        "Anderson",
        "Thomas",
        "Taylor",
        "Moore",
        "Jackson",
        "Martin",
        "Lee",
        "Thompson",
        "White",
        "Harris",
        "Clark",
        "Lewis",
        "Robinson",
        "Walker",
        "Young",
        "Allen",
        "King",
        "Wang",
        "Li",
        "Zhang",
        "Liu",
        "Chen",
        "Yang",
        "Huang",
        "Chao",
        "Wu",
        "Chou",
        "Hsu",
        "Sun",
        "Ma",
        "Chu",
        "Hu",
        "Kuo",
        "Lin",
        "Ho",
        "Kao",
        "Lo",
        "Tanaka",
        "Suzuki",
        "Petrov",
        "Ivanova",
        "Novak",
        "Kowalski",
        "Nielsen",
        "Okafor",
        "Mensah",
        "Sharma",
        "Patel",
        "Rossi",
        "Silva",
        "Dubois",
        "Muller",
        "Schmidt",
        "Fischer",
        "Weber",
        "Becker",
        "Hoffmann"
    };
    private static final String BRAND_HAN =
            "华星龙腾宇航天瑞达鑫泰恒盛新光明远博通安信海宏中兴创科凯德立嘉联合美精诚金源" + "东方北斗云峰辰晨曦锐志高翔飞鸿鹏程奥维普睿智汇森林江河川岳山石磊晶晟昊昱哲铭轩宸钧铭灏";
    private static final String[] INDUSTRY_HAN = {
        "科技", "电子", "航空", "航天", "防务", "光电", "半导体", "通信", "网络", "软件", "信息技术", "精密仪器", "新材料", "能源", "机器人", "国际贸易", "卫星",
        "医疗器械", "安全技术", "系统集成"
    };
    private static final String[] LEGAL_HAN = {"有限公司", "股份有限公司", "有限责任公司", "集团有限公司", "公司"};
    private static final String[] PLACE_HAN = {"", "", "", "北京", "上海", "深圳", "香港", "台湾", "天津", "杭州", "美国", "新加坡"};
    private static final String SURNAME_HAN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任";
    private static final String GIVEN_HAN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏建红志文辉力定宇欣怡梓涵子轩浩然思远";
    private static final String[] LISTS = {"UEL", "List of export controls", "AFSL", "Export control watch list"};

    private SyntheticLists() {}

    /** One generated row: type, names, list. */
    public record Row(String type, String name, String alias, String chineseName, String list) {}

    /** {@code n} rows from {@code seed}. */
    public static List<Row> rows(int n, long seed) {
        var random = new SplittableRandom(seed);
        var rows = new ArrayList<Row>(n);
        for (var i = 0; i < n; i++) {
            rows.add(row(random));
        }
        return rows;
    }

    static Row row(SplittableRandom random) {
        var list = LISTS[random.nextInt(LISTS.length)];
        var kind = random.nextInt(100);
        if (kind < 45) {
            var name = latinCompany(random);
            var alias = random.nextInt(3) == 0 ? chineseCompany(random) : "";
            return new Row("Company", name, "", alias, list);
        }
        if (kind < 70) {
            return new Row("Person", latinPerson(random), "", "", list);
        }
        if (kind < 90) {
            return new Row("Company", chineseCompany(random), "", "", list);
        }
        return new Row("Person", chinesePerson(random), "", "", list);
    }

    static String latinCompany(SplittableRandom random) {
        var out = new StringBuilder(brand(random));
        if (random.nextInt(4) == 0) {
            out.append(' ').append(brand(random));
        }
        out.append(' ').append(INDUSTRIES[random.nextInt(INDUSTRIES.length)]);
        if (random.nextInt(3) == 0) {
            out.append(' ').append(INDUSTRIES[random.nextInt(INDUSTRIES.length)]);
        }
        return out.append(' ')
                .append(LEGAL_FORMS[random.nextInt(LEGAL_FORMS.length)])
                .toString();
    }

    static String brand(SplittableRandom random) {
        var syllables = 2 + random.nextInt(2);
        var word = new StringBuilder();
        for (var s = 0; s < syllables; s++) {
            word.append(ONSETS[random.nextInt(ONSETS.length)])
                    .append(VOWELS[random.nextInt(VOWELS.length)])
                    .append(s == syllables - 1 ? CODAS[random.nextInt(CODAS.length)] : "");
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static String latinPerson(SplittableRandom random) {
        var given = GIVEN[random.nextInt(GIVEN.length)];
        var family = FAMILY[random.nextInt(FAMILY.length)];
        var middle = random.nextInt(3) == 0 ? " " + (char) ('A' + random.nextInt(26)) + "." : "";
        return random.nextInt(5) == 0 ? family + " " + given : given + middle + " " + family;
    }

    static String chineseCompany(SplittableRandom random) {
        var brand = new StringBuilder();
        var chars = 2 + random.nextInt(2);
        for (var c = 0; c < chars; c++) {
            brand.append(BRAND_HAN.charAt(random.nextInt(BRAND_HAN.length())));
        }
        return PLACE_HAN[random.nextInt(PLACE_HAN.length)]
                + brand
                + INDUSTRY_HAN[random.nextInt(INDUSTRY_HAN.length)]
                + LEGAL_HAN[random.nextInt(LEGAL_HAN.length)];
    }

    static String chinesePerson(SplittableRandom random) {
        var name = new StringBuilder().append(SURNAME_HAN.charAt(random.nextInt(SURNAME_HAN.length())));
        var chars = 1 + random.nextInt(2);
        for (var c = 0; c < chars; c++) {
            name.append(GIVEN_HAN.charAt(random.nextInt(GIVEN_HAN.length())));
        }
        return name.toString();
    }

    /** The rows as the OpenSanctions {@code cn_sanctions} CSV, UTF-8. */
    public static byte[] csv(List<Row> rows) {
        var out = new StringBuilder(rows.size() * 120).append(HEADER);
        var i = 0;
        for (var row : rows) {
            i++;
            var topics =
                    row.list().equals("List of export controls") || row.list().startsWith("Export control")
                            ? "export.control"
                            : "sanction.counter";
            out.append(row.type())
                    .append(",Q")
                    .append(i)
                    .append(',')
                    .append(quote(row.name()))
                    .append(',')
                    .append(quote(row.alias()))
                    .append(',')
                    .append(quote(row.chineseName()))
                    .append(",US,")
                    .append(topics)
                    .append(",Synthetic,,Synthetic body,")
                    .append(quote(row.list()))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%02d.%02d.20%02d", 1 + i % 28, 1 + i % 12, 18 + i % 8))
                    .append(",,https://example.test/notice/")
                    .append(i % 500)
                    .append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    /**
     * Queries against {@code rows}: every other one a listed name in a variant a user might type (lower case, legal
     * form dropped, one letter wrong, words swapped), the others freshly generated names that are not listed.
     */
    public static List<String> queries(List<Row> rows, int count, long seed) {
        var random = new SplittableRandom(seed);
        var queries = new ArrayList<String>(count);
        for (var q = 0; q < count; q++) {
            if (q % 2 == 0) {
                var row = rows.get(random.nextInt(rows.size()));
                queries.add(variant(row.name(), random));
            } else {
                var row = row(random);
                queries.add(row.name().replace('a', 'o').replace('e', 'i'));
            }
        }
        return queries;
    }

    static String variant(String name, SplittableRandom random) {
        if (name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return random.nextBoolean() ? name : name.replace("有限公司", "");
        }
        return switch (random.nextInt(4)) {
            case 0 -> name.toLowerCase(Locale.ROOT);
            case 1 -> name.replaceAll(" (Inc\\.|Corporation|Corp\\.|LLC|Ltd\\.|Limited|GmbH|PLC|AG|Group)$", "");
            case 2 -> {
                var at = 1 + random.nextInt(Math.max(1, name.length() - 2));
                yield name.substring(0, at) + (char) ('a' + random.nextInt(26)) + name.substring(at + 1);
            }
            default -> {
                var words = name.split(" ");
                if (words.length < 2) {
                    yield name;
                }
                var tmp = words[0];
                words[0] = words[1];
                words[1] = tmp;
                yield String.join(" ", words);
            }
        };
    }
}
