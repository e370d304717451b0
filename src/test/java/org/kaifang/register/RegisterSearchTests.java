package org.kaifang.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaifang.register.LicenceViews.issued;
import static org.kaifang.register.LicenceViews.licence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.licensing.LicensedService;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Partial-name search through the token key and its index (V15), capped counts and the count taken from the facet
 * counts, on H2 and PostgreSQL: the same results whichever way a search is run.
 */
class RegisterSearchTests {

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findsAChineseNameByAnyRunOfItsCharactersOneTwoOrMany(Database db) {
        var register = register(db, Register.COUNT_LIMIT);
        register.apply(issued(licence("A", "B2-20250001", "上海示例信息技术有限公司", null, null)));
        register.apply(issued(licence("B", "B2-20250002", "北京数据网络科技有限公司", null, null)));
        register.apply(issued(licence("C", "B2-20250003", "深圳ABC网络服务有限公司", "ABC Shenzhen", null)));

        assertThat(ids(register, "信息技术")).containsExactly("A");
        assertThat(ids(register, "例信")).containsExactly("A");
        assertThat(ids(register, "网")).containsExactlyInAnyOrder("B", "C");
        assertThat(ids(register, "网络")).containsExactlyInAnyOrder("B", "C");
        assertThat(ids(register, "科技有限")).containsExactly("B");
        assertThat(ids(register, "有限公司")).containsExactlyInAnyOrder("B", "C", "A");
        assertThat(ids(register, "技术有限公司")).containsExactly("A");
        assertThat(ids(register, "数 据"))
                .as("whitespace in the query is ignored")
                .containsExactly("B");
        assertThat(ids(register, "信技")).as("characters not next to each other").isEmpty();
        assertThat(ids(register, "限有")).as("characters in the wrong order").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findsNamesMixingLatinLettersAndChineseCharactersInAnyCase(Database db) {
        var register = register(db, Register.COUNT_LIMIT);
        register.apply(issued(licence("C", "B2-20250003", "深圳ABC网络服务有限公司", "ABC Shenzhen", null)));
        register.apply(issued(licence("D", "B2-20250004", "上海AB网络有限公司", null, null)));

        assertThat(ids(register, "abc网络")).containsExactly("C");
        assertThat(ids(register, "ABC网")).containsExactly("C");
        assertThat(ids(register, "b网")).containsExactly("D");
        assertThat(ids(register, "网络")).containsExactlyInAnyOrder("C", "D");
        assertThat(ids(register, "深圳abc")).containsExactly("C");
        assertThat(ids(register, "abc shenzhen")).as("the English name").containsExactly("C");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMatchOfTheTokenKeyAcrossCharacterBoundariesIsNotAMatch(Database db) {
        var register = register(db, Register.COUNT_LIMIT);
        // Until V20, 中国's tokens ("ffxh6l") were found out of step in these three characters' ("1ffxh6l00"), and a
        // second key had to throw the match out. Since V20 a key can only match at a character.
        var name = new String(Character.toChars(1 * 1296 + 15 * 36 + 15))
                + new String(Character.toChars(33 * 1296 + 17 * 36 + 6))
                + new String(Character.toChars(21 * 1296))
                + "有限公司";
        register.apply(issued(licence("X", "B2-20250009", name, null, null)));
        register.apply(issued(licence("Y", "B2-20250010", "中国示例有限公司", null, null)));
        register.apply(issued(licence("Z", "B2-20250011", "\uD840\uDC00\uD840\uDC01科技有限公司", null, null)));

        assertThat(ids(register, "中国")).containsExactly("Y");
        assertThat(ids(register, "\uD840\uDC01科技"))
                .as("a character outside the BMP, as two units")
                .containsExactly("Z");
        assertThat(ids(register, "\uD840\uDC01\uD840\uDC00")).isEmpty();
    }

    @Test
    void theTokenKeyContainsAQuerysKeyExactlyWhenTheNameContainsTheQuery() {
        // Characters whose four-character tokens share letters and digits in every position, ASCII, and a pair.
        var alphabet = new String[] {"中", "国", "网", "络", "a", "B", "7", "有", "限", "\uD840\uDC00", "\u4e2e", "\u4e2c"};
        var random = new java.util.Random(20);
        for (int i = 0; i < 20_000; i++) {
            var name = new StringBuilder();
            for (int k = random.nextInt(8) + 1; k > 0; k--) {
                name.append(alphabet[random.nextInt(alphabet.length)]);
            }
            var query = new StringBuilder();
            for (int k = random.nextInt(3) + 1; k > 0; k--) {
                query.append(alphabet[random.nextInt(alphabet.length)]);
            }
            var n = name.toString().toLowerCase(java.util.Locale.ROOT);
            var q = query.toString().toLowerCase(java.util.Locale.ROOT);
            assertThat(NameKey.tokens(n).contains(NameKey.tokens(q)))
                    .as("%s in %s", q, n)
                    .isEqualTo(n.contains(q));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pastTheCountLimitTheTotalIsCappedAndTheFacetsLeftOutButThePageIsInHolderOrder(Database db) {
        var register = register(db, 3);
        RegisterTests.seed(register);

        var many = register.search(query(Map.of("q", "有限公司")));
        assertThat(many.capped()).isTrue();
        assertThat(many.total()).isEqualTo(3);
        assertThat(many.facets()).isEmpty();
        assertThat(many.licences())
                .hasSize(4)
                .as("the same page, in holder order, as when all matches are counted and sorted")
                .isEqualTo(register(db, Register.COUNT_LIMIT)
                        .search(query(Map.of("q", "有限公司")))
                        .licences());

        var few = register.search(query(Map.of("q", "示例")));
        assertThat(few.capped()).isFalse();
        assertThat(few.total()).isEqualTo(2);
        assertThat(few.facets().get("status")).containsOnly(Map.entry("NORMAL", 1L), Map.entry("REVOKED", 1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSearchByOneFacetValueIsCountedFromTheFacetCountsAndAgreesWithCounting(Database db) {
        var register = register(db, Register.COUNT_LIMIT);
        RegisterTests.seed(register);

        for (var filter : List.of(
                Map.of("service", "B25"),
                Map.of("area", "310000"),
                Map.of("status", "REVOKED"),
                Map.of("foreignInvested", "true"),
                Map.of("pilot", "false"),
                Map.of("service", "B99"))) {
            var page = register.search(query(filter));
            var withText = new HashMap<>(filter);
            // The same search with a text every licence matches is counted, not read from the facet counts.
            withText.put("q", "有限公司");
            assertThat(page.total())
                    .as(filter.toString())
                    .isEqualTo(register.search(query(withText)).total());
            assertThat(page.total())
                    .as(filter.toString())
                    .isEqualTo(page.licences().size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aUsccOrNumberTheRegisterHoldsFindsThatLicenceAloneAndAnyOtherTextSearchesNames(Database db) {
        var register = register(db, Register.COUNT_LIMIT);
        RegisterTests.seed(register);
        register.apply(issued(licence("N", "B2-20250099", "数字91310000MA1FL0AB1X有限公司", null, null)));

        assertThat(ids(register, "91310000ma1fl0ab1x"))
                .as("the USCC, in any case")
                .containsExactly("A");
        assertThat(ids(register, "合字B2-20250145")).containsExactly("A");
        assertThat(ids(register, "91310000MA1FL0AB1"))
                .as("not a whole USCC: part of a name")
                .containsExactly("N");
        assertThat(ids(register, "B2-20250099"))
                .as("a number held, with a filter it does not pass")
                .containsExactly("N");
        assertThat(register.search(query(Map.of("q", "B2-20250099", "status", "REVOKED")))
                        .licences())
                .isEmpty();
    }

    @Test
    void theSearchTableIsBuiltFromLicencesWrittenBeforeV20WithTheirServicesAndAreas() {
        for (var db : Databases.upTo("19")) {
            var jdbc = JdbcClient.create(db.dataSource());
            var a = LicenceViews.withServices(
                    licence(
                            "A",
                            "B2-20250001",
                            "上海示例信息技术有限公司",
                            "Example IT (Shanghai) Co., Ltd.",
                            "91310000MA1FL0AB1X"),
                    List.of(
                            new LicensedService("B25", "ICP", List.of("310000")),
                            new LicensedService("B11", "IRCS", List.of("310115", "110105"))));
            var b = LicenceViews.revoked(
                    licence("B", "B2-20250002", "北京数据网络科技有限公司", null, null), java.time.LocalDate.parse("2025-05-05"));
            // A: written after V15 (with a token key of V15's form); B: before V15 (none).
            for (var v : List.of(a, b)) {
                jdbc.sql("""
                                insert into register.licence (id, kind, number, holder, holder_en, name_key, name_tok,
                                  name_key_en, uscc, authority, foreign_invested, pilot, status, issued_on, valid_until,
                                  synthetic, version, changed_at, changed_on, view_json)
                                values (:id, :kind, :number, :holder, :holderEn, 'x', :tok, :en, :uscc, 'MIIT', :fi,
                                  false, :status, :issued, null, false, 1, :at, :on, :json)""")
                        .param("id", v.id().value())
                        .param("kind", v.kind().name())
                        .param("number", v.number())
                        .param("holder", v.holder())
                        .param("holderEn", v.holderEn())
                        .param("tok", v == a ? "old" : null)
                        .param("en", v.holderEn() == null ? null : v.holderEn().toLowerCase(java.util.Locale.ROOT))
                        .param("uscc", v.uscc())
                        .param("fi", v.foreignInvested())
                        .param("status", v.status().name())
                        .param("issued", v.issuedOn())
                        .param("at", java.time.OffsetDateTime.parse("2025-03-03T02:00:00Z"))
                        .param("on", java.time.LocalDate.parse("2025-03-03"))
                        .param("json", Register.JSON.writeValueAsString(v))
                        .update();
                Register.services(v)
                        .forEach(code -> jdbc.sql(
                                        "insert into register.licence_service (licence_id, code) values (:id, :code)")
                                .param("id", v.id().value())
                                .param("code", code)
                                .update());
                Register.areas(v)
                        .forEach(area -> jdbc.sql(
                                        "insert into register.licence_area (licence_id, area) values (:id, :area)")
                                .param("id", v.id().value())
                                .param("area", area)
                                .update());
            }

            Databases.migrate(db);

            var register = register(db, Register.COUNT_LIMIT);
            assertThat(ids(register, "示例")).as(db.name()).containsExactly("A");
            assertThat(ids(register, "网络科技")).as(db.name()).containsExactly("B");
            assertThat(ids(register, "example it")).as(db.name()).containsExactly("A");
            var page = register.search(query(Map.of("q", "有限公司")));
            assertThat(page.total()).as(db.name()).isEqualTo(2);
            assertThat(page.facets().get("service"))
                    .as(db.name())
                    .isEqualTo(counts(Register.services(a), Register.services(b)))
                    .containsEntry("B11", 1L);
            assertThat(page.facets().get("area"))
                    .as(db.name())
                    .isEqualTo(counts(Register.areas(a), Register.areas(b)))
                    .containsEntry("110000", 1L);
            assertThat(page.facets().get("status"))
                    .as(db.name())
                    .containsOnly(Map.entry("NORMAL", 1L), Map.entry("REVOKED", 1L));
            assertThat(ids(register(db, Register.COUNT_LIMIT), "B2-20250002")).containsExactly("B");
            assertThat(jdbc.sql("select count(*) from register.licence_search where name_tok = :tok")
                            .param("tok", NameKey.tokens("北京数据网络科技有限公司"))
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void aLookupIsGivenTheQuerysPairsThatAreNotCommonOrItsRarestOrNoneWhenTheQueryIsFrequent() {
        var keys = new java.util.ArrayList<String>();
        for (int i = 0; i < 200; i++) {
            keys.add(NameKey.tokens((i % 10 == 0 ? "深圳" : "上海") + "万象" + i + "演示有限公司"));
        }
        var sample = NameGrams.Sample.of(keys, java.time.Instant.now());

        assertThat(NameGrams.lookup(NameKey.tokens("深圳演示有限公司"), sample))
                .as("演示有限公司 is in every name: its pairs are left out")
                .containsExactly(pairs("深圳演"));
        assertThat(NameGrams.lookup(NameKey.tokens("北京"), sample))
                .as("nothing common")
                .containsExactly(NameKey.tokens("北京"));
        assertThat(NameGrams.lookup(NameKey.tokens("鑫"), sample))
                .as("one character: the character")
                .containsExactly(NameKey.tokens("鑫"));
        assertThat(NameGrams.lookup(NameKey.tokens("123演示"), sample))
                .as("in one name; 演示 is in every name, 12, 23 and 3演 in 12, 2 and 20")
                .containsExactly(pairs("123演"));
        assertThat(NameGrams.lookup(NameKey.tokens("示有限公司"), sample))
                .as("every pair common and the query in every name: walk")
                .isNull();
        assertThat(NameGrams.lookup(NameKey.tokens("深圳万象"), sample))
                .as("in 10% of the names: walking the holder index finds them at once")
                .isNull();
        var few = NameGrams.Sample.of(keys.subList(0, 99), java.time.Instant.now());
        assertThat(NameGrams.lookup(NameKey.tokens("深圳万象"), few))
                .as("too few names to judge: every pair")
                .containsExactly(pairs("深圳万象"));

        var allCommon = new java.util.ArrayList<String>();
        for (int i = 0; i < 200; i++) {
            allCommon.add(NameKey.tokens(
                    (i % 2 == 0 ? "甲乙" : "") + "0" + (i % 3 != 0 ? "乙丙" : "") + "0" + (i % 5 != 0 ? "丙丁" : "") + i));
        }
        assertThat(NameGrams.lookup(NameKey.tokens("甲乙丙丁"), NameGrams.Sample.of(allCommon, java.time.Instant.now())))
                .as("甲乙, 乙丙 and 丙丁 in 50%, 67% and 80% of the names, the query in none: the two rarest")
                .containsExactly(NameKey.tokens("甲乙"), NameKey.tokens("乙丙"));
    }

    @Test
    void aNamesGramsAreItsCharactersThenItsPairs() {
        assertThat(NameGrams.grams(NameKey.tokens("中国网")))
                .containsExactly(
                        NameKey.tokens("中"),
                        NameKey.tokens("国"),
                        NameKey.tokens("网"),
                        NameKey.tokens("中国"),
                        NameKey.tokens("国网"));
        assertThat(NameGrams.grams(NameKey.tokens("中"))).containsExactly(NameKey.tokens("中"));
        assertThat(NameGrams.literal(List.of("aa49", "aa50aa51"))).isEqualTo("{aa49,aa50aa51}");
    }

    /** The token keys of the pairs of adjacent characters of {@code text}, in order. */
    private static String[] pairs(String text) {
        var pairs = new java.util.ArrayList<String>();
        for (int i = 0; i + 1 < text.length(); i++) {
            pairs.add(NameKey.tokens(text.substring(i, i + 2)));
        }
        return pairs.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSearchWhoseCommonCharactersAreLeftOutOfTheIndexLookupFindsWhatTheWholeQueryMatches(Database db) {
        var register = register(db, Register.COUNT_LIMIT);
        var names = new java.util.LinkedHashMap<String, String>();
        var chars = "云帆众望百川万象千帆蓝桥".toCharArray();
        for (int i = 0; i < 150; i++) {
            var name = (i % 3 == 0 ? "深圳" : "上海") + chars[i % 7] + chars[(i * 3) % 11] + "演示有限公司";
            names.put("N" + i, name);
            register.apply(issued(licence("N" + i, "B2-2025" + (1000 + i), name, null, null)));
        }
        for (var q : List.of("深圳" + chars[1] + chars[3] + "演示", "帆演示有限", "演示有限公司", "圳" + chars[2])) {
            var expected = names.entrySet().stream()
                    .filter(e -> e.getValue().contains(q))
                    .map(Map.Entry::getKey)
                    .toList();
            var page = register.search(query(Map.of("q", q, "size", "100")));
            assertThat(page.total()).as(q).isEqualTo(expected.size());
            assertThat(page.licences())
                    .as(q)
                    .hasSize(Math.min(100, expected.size()))
                    .extracting(l -> l.id().value())
                    .isSubsetOf(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSearchFindsExactlyTheNamesThatContainTheQueryWhicheverGramsItLooksUpOrWhenItWalks(Database db) {
        var register = register(db, Register.COUNT_LIMIT);
        // Few characters, so that some are in most names (common pairs, queries frequent enough to walk) and runs of
        // digits and letters repeat; a character outside the BMP and spaces, which the key leaves out.
        var alphabet = new String[] {
            "有", "限", "公", "司", "深", "圳", "演", "示", "1", "2", "3", "4", "5", "a", "B", "\uD840\uDC00", " "
        };
        var random = new java.util.Random(29);
        var names = new java.util.LinkedHashMap<String, String>();
        var englishNames = new java.util.HashMap<String, String>();
        for (int i = 0; i < 300; i++) {
            var name = new StringBuilder(i % 2 == 0 ? "深圳演示" : "");
            for (int k = random.nextInt(10) + 3; k > 0; k--) {
                name.append(alphabet[random.nextInt(alphabet.length)]);
            }
            name.append("有限公司");
            names.put("R" + i, name.toString());
            // Some with an English name, so that a query without a Chinese character finds some licences by it, some
            // by the Chinese name, and some by both (counted once).
            String english = null;
            if (i % 3 == 0) {
                var made = new StringBuilder();
                for (int k = random.nextInt(6) + 3; k > 0; k--) {
                    made.append("aB12 3".charAt(random.nextInt(6)));
                }
                english = made.toString().strip() + " Ltd";
                englishNames.put("R" + i, english);
            }
            register.apply(issued(licence("R" + i, "B2-2026" + (1000 + i), name.toString(), english, null)));
        }
        if (db.name().startsWith("PostgreSQL")) {
            var jdbc = JdbcClient.create(db.dataSource());
            for (var name : names.values()) {
                var key = NameKey.tokens(name);
                assertThat(jdbc.sql("select array_to_string(register.name_grams(:tok), ',')")
                                .param("tok", key)
                                .query(String.class)
                                .single())
                        .as("the index's grams of %s are NameGrams.grams's", name)
                        .isEqualTo(String.join(",", NameGrams.grams(key)));
            }
        }
        var all = List.copyOf(names.values());
        for (int i = 0; i < 250; i++) {
            String q;
            if (i % 5 == 4) {
                // Latin letters, digits and a space: in English names, in Chinese ones, or in both.
                var made = new StringBuilder();
                for (int k = random.nextInt(3) + 1; k > 0; k--) {
                    made.append("aB12 3".charAt(random.nextInt(6)));
                }
                q = made.toString();
            } else if (i % 4 == 3) {
                var made = new StringBuilder();
                for (int k = random.nextInt(4) + 1; k > 0; k--) {
                    made.append(alphabet[random.nextInt(alphabet.length - 1)]);
                }
                q = made.toString();
            } else {
                var name = all.get(random.nextInt(all.size()));
                var from = random.nextInt(name.length() - 1);
                q = name.substring(from, Math.min(name.length(), from + 1 + random.nextInt(7)));
            }
            if (q.isBlank()
                    || Character.isLowSurrogate(q.charAt(0))
                    || Character.isHighSurrogate(q.charAt(q.length() - 1))) {
                continue;
            }
            var wanted = q.strip().replace(" ", "").toLowerCase(java.util.Locale.ROOT);
            var wantedInEnglish = NameKey.hasHan(q) ? null : q.strip().toLowerCase(java.util.Locale.ROOT);
            var expected = names.entrySet().stream()
                    .filter(e -> e.getValue()
                                    .replace(" ", "")
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .contains(wanted)
                            || (wantedInEnglish != null
                                    && englishNames.containsKey(e.getKey())
                                    && englishNames
                                            .get(e.getKey())
                                            .toLowerCase(java.util.Locale.ROOT)
                                            .contains(wantedInEnglish)))
                    .map(Map.Entry::getKey)
                    .collect(java.util.stream.Collectors.toSet());
            var page = register.search(query(Map.of("q", q, "size", "100")));
            assertThat(page.total()).as("%s: %s", db.name(), q).isEqualTo(expected.size());
            assertThat(page.licences())
                    .as("%s: %s", db.name(), q)
                    .hasSize(Math.min(100, expected.size()))
                    .extracting(l -> l.id().value())
                    .isSubsetOf(expected);
        }
    }

    @Test
    void theTokenKeyHasFourCharactersPerUnitAndIgnoresCaseAndWhitespace() {
        assertThat(NameKey.tokens("中国")).isEqualTo("hs13io69");
        assertThat(NameKey.tokens(" A b ")).isEqualTo(NameKey.tokens("ab")).hasSize(8);
    }

    private static Map<String, Long> counts(java.util.Set<String> a, java.util.Set<String> b) {
        var counts = new java.util.TreeMap<String, Long>();
        java.util.stream.Stream.concat(a.stream(), b.stream()).forEach(v -> counts.merge(v, 1L, Long::sum));
        return counts;
    }

    private static Register register(Database db, long countLimit) {
        RegisterIndexes.ensure(db.dataSource());
        return new Register(db.dataSource(), countLimit);
    }

    private static RegisterQuery query(Map<String, String> parameters) {
        return RegisterQuery.parse(new HashMap<String, @Nullable String>(parameters));
    }

    private static List<String> ids(Register register, String text) {
        return register.search(query(Map.of("q", text))).licences().stream()
                .map(l -> l.id().value())
                .toList();
    }
}
