package org.kaifang.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kaifang.register.LicenceViews.AT;
import static org.kaifang.register.LicenceViews.changed;
import static org.kaifang.register.LicenceViews.issued;
import static org.kaifang.register.LicenceViews.licence;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.licensing.CreditList;
import org.kaifang.licensing.CreditListEntry;
import org.kaifang.licensing.LicenceChange;
import org.kaifang.licensing.LicenceId;
import org.kaifang.licensing.LicenceStatus;
import org.kaifang.licensing.LicensedService;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;

/** The register's read model, kept from licensing's events and searched, on H2 and PostgreSQL. */
class RegisterTests {

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    private static Register register(Database db) {
        RegisterIndexes.ensure(db.dataSource());
        return new Register(db.dataSource());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keepsTheLatestVersionAndTheWholeHistoryWhateverTheOrderOfTheEvents(Database db) {
        var register = register(db);
        var v1 =
                licence("L1", "合字B2-20250145", "上海示例信息技术有限公司", "Example IT (Shanghai) Co., Ltd.", "91310000MA1FL0AB1X");
        var v2 = LicenceViews.revoked(v1, LocalDate.parse("2025-06-01"));

        register.apply(changed(v2, LicenceChange.REVOKED, AT.plusSeconds(86_400)));
        register.apply(issued(v1));
        register.apply(issued(v1));

        var held = register.licence(new LicenceId("L1")).orElseThrow();
        assertThat(held.status()).isEqualTo(LicenceStatus.REVOKED);
        assertThat(held.termination().reason()).isEqualTo("以欺骗手段取得许可");
        assertThat(register.licenceNumbered("合字B2-20250145")).contains(held);
        assertThat(register.history(new LicenceId("L1")))
                .extracting(HistoryEntry::version, HistoryEntry::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, LicenceChange.ISSUED),
                        org.assertj.core.groups.Tuple.tuple(2L, LicenceChange.REVOKED));
        assertThat(register.history(new LicenceId("L1")).get(1).reason()).contains("\"quotes\"\nand");
        var facets = register.search(RegisterQuery.all()).facets();
        assertThat(facets.get("status")).containsExactly(Map.entry("REVOKED", 1L));
        assertThat(facets.get("service")).containsOnly(Map.entry("B21", 1L), Map.entry("B25", 1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aBatchKeepsWhatOneByOneWouldNewHeldAndRepeatedLicencesAlike(Database db) {
        var register = register(db);
        var held = licence("H", "B2-20250009", "已有公司", null, null);
        register.apply(issued(held));
        var fresh = licence("F", "B2-20250010", "新公司", null, null);

        register.applyAll(List.of(
                issued(fresh),
                changed(LicenceViews.revoked(held, LocalDate.parse("2025-06-01")), LicenceChange.REVOKED, AT),
                changed(LicenceViews.revoked(fresh, LocalDate.parse("2025-06-02")), LicenceChange.REVOKED, AT),
                issued(fresh)));

        assertThat(register.licence(new LicenceId("F")).orElseThrow().status()).isEqualTo(LicenceStatus.REVOKED);
        assertThat(register.licence(new LicenceId("H")).orElseThrow().status()).isEqualTo(LicenceStatus.REVOKED);
        assertThat(register.history(new LicenceId("F"))).hasSize(2);
        assertThat(register.search(RegisterQuery.all()).facets().get("status")).containsOnly(Map.entry("REVOKED", 2L));
        assertThat(register.search(RegisterQuery.all()).total()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findsByPartialNamesInEitherLanguageByUsccAndByNumber(Database db) {
        var register = register(db);
        seed(register);

        assertThat(numbers(register, Map.of("q", "示例"))).containsExactlyInAnyOrder("合字B2-20250145", "沪B2-20190001");
        assertThat(numbers(register, Map.of("q", "数据"))).containsExactly("B1.B2-20200002");
        assertThat(numbers(register, Map.of("q", "例"))).hasSize(2);
        assertThat(numbers(register, Map.of("q", "例信"))).containsExactly("合字B2-20250145");
        assertThat(numbers(register, Map.of("q", "example it"))).containsExactly("合字B2-20250145");
        assertThat(numbers(register, Map.of("q", "50%"))).isEmpty();
        assertThat(numbers(register, Map.of("q", "91310000ma1fl0ab1x"))).containsExactly("合字B2-20250145");
        assertThat(numbers(register, Map.of("q", "沪B2-20190001"))).containsExactly("沪B2-20190001");
        assertThat(numbers(register, Map.of("q", "不存在"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void filtersByServiceAreaStatusForeignInvestmentAndPilotWithFacetsOfWhatMatched(Database db) {
        var register = register(db);
        seed(register);

        assertThat(numbers(register, Map.of("service", "B11"))).containsExactly("B1.B2-20200002");
        assertThat(numbers(register, Map.of("area", "310115")))
                .containsExactlyInAnyOrder("B1.B2-20200002", "沪B2-20190001");
        assertThat(numbers(register, Map.of("area", "cn"))).containsExactly("合字B2-20250145");
        assertThat(numbers(register, Map.of("status", "revoked"))).containsExactly("沪B2-20190001");
        assertThat(numbers(register, Map.of("foreignInvested", "true", "pilot", "false")))
                .containsExactly("合字B2-20250145");
        var pilots = register.search(query(Map.of("pilot", "true")));
        assertThat(pilots.licences())
                .singleElement()
                .satisfies(l -> assertThat(l.number()).isNull());

        var b25 = register.search(query(Map.of("service", "B25")));
        assertThat(b25.total()).isEqualTo(3);
        assertThat(b25.facets().get("status")).containsOnly(Map.entry("NORMAL", 2L), Map.entry("REVOKED", 1L));
        assertThat(b25.facets().get("area"))
                .containsOnly(Map.entry("CN", 1L), Map.entry("310000", 1L), Map.entry("460000", 1L));
        assertThat(b25.facets().get("pilot")).containsOnly(Map.entry("false", 2L), Map.entry("true", 1L));

        var all = register.search(RegisterQuery.all());
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.facets().get("service")).containsEntry("B25", 3L).containsEntry("B11", 1L);
        assertThat(all.facets().get("foreignInvested")).containsOnly(Map.entry("false", 2L), Map.entry("true", 2L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pagesThroughResultsInHolderOrder(Database db) {
        var register = register(db);
        for (var i = 0; i < 7; i++) {
            register.apply(issued(licence("P" + i, "B2-2025000" + i, "公司" + (char) ('甲' + i), null, null)));
        }

        var second = register.search(query(Map.of("q", "公司", "size", "3", "page", "1")));

        assertThat(second.total()).isEqualTo(7);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.licences()).extracting(l -> l.id().value()).containsExactly("P3", "P4", "P5");
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keepsCreditListEntriesAsTheyNowStand(Database db) {
        var register = register(db);
        var listed = new CreditListEntry(
                "C1",
                CreditList.BAD,
                "上海示例信息技术有限公司",
                "91310000MA1FL0AB1X",
                "合字B2-20250145",
                LocalDate.parse("2025-07-01"),
                "未按规定报送年报",
                "上海市通信管理局",
                null,
                null,
                false);
        register.apply(listed, AT);
        register.apply(
                new CreditListEntry(
                        "C1",
                        CreditList.BAD,
                        listed.operator(),
                        listed.uscc(),
                        listed.licenceNumber(),
                        listed.listedOn(),
                        listed.reason(),
                        listed.authority(),
                        LocalDate.parse("2025-08-01"),
                        "已补报年报",
                        false),
                AT.plusSeconds(1));

        assertThat(register.creditList(CreditList.BAD, null)).singleElement().satisfies(e -> {
            assertThat(e.removedOn()).isEqualTo(LocalDate.parse("2025-08-01"));
            assertThat(e.removalReason()).isEqualTo("已补报年报");
        });
        assertThat(register.creditList(CreditList.BAD, LocalDate.parse("2025-07-15")))
                .hasSize(1);
        assertThat(register.creditList(CreditList.BAD, LocalDate.parse("2025-08-01")))
                .isEmpty();
        assertThat(register.creditList(CreditList.DISHONEST, null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void partialNameSearchHasAGramsIndexAndEnglishNamesATrigramIndexOnPostgres(Database db) {
        var indexed = RegisterIndexes.ensure(db.dataSource());
        assertThat(indexed).isEqualTo(db.name().startsWith("PostgreSQL"));
        if (indexed) {
            assertThat(org.springframework.jdbc.core.simple.JdbcClient.create(db.dataSource())
                            .sql("select indexname from pg_indexes where schemaname = 'register'"
                                    + " and tablename = 'licence_search' and indexdef like '%USING gin%'")
                            .query(String.class)
                            .list())
                    .containsExactlyInAnyOrder("licence_search_grams", "licence_search_en_trgm");
            assertThat(RegisterIndexes.ensure(db.dataSource()))
                    .as("again: nothing to do")
                    .isTrue();
        }
    }

    @org.junit.jupiter.api.Test
    void nodesStartingAtOnceOnAFreshDatabaseAllGetTheSearchIndexes() throws Exception {
        var db = org.kaifang.testing.Databases.embeddedPostgres();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var nodes = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < 4; i++) {
                nodes.add(pool.submit(() -> {
                    start.await();
                    return RegisterIndexes.ensure(db.dataSource());
                }));
            }
            start.countDown();
            for (var node : nodes) {
                assertThat(node.get(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(db.dataSource());
        assertThat(jdbc.sql("select count(*) from pg_proc where proname = 'name_grams'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from pg_locks where locktype = 'advisory'")
                        .query(Long.class)
                        .single())
                .as("every node let the lock go")
                .isZero();
    }

    @org.junit.jupiter.api.Test
    void aQueryWithBadParametersNamesEachOfThem() {
        assertThatThrownBy(() -> RegisterQuery.parse(Map.of(
                        "service", "ICP", "area", "Shanghai", "status", "gone", "pilot", "maybe", "size", "1000")))
                .isInstanceOfSatisfying(
                        RegisterQuery.InvalidQuery.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("service", "area", "status", "pilot", "size"));
        assertThatThrownBy(() -> RegisterQuery.parse(Map.of("page", "100000")))
                .isInstanceOfSatisfying(
                        RegisterQuery.InvalidQuery.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("page"));
    }

    /** Four licences: an FIE's nationwide one, a Shanghai one revoked, a cross-regional one, a Hainan pilot. */
    static void seed(Register register) {
        register.apply(issued(licence(
                "A", "合字B2-20250145", "上海示例信息技术有限公司", "Example IT (Shanghai) Co., Ltd.", "91310000MA1FL0AB1X")));
        var shanghai = LicenceViews.withServices(
                licence("B", "沪B2-20190001", "上海另一示例网络有限公司", null, "91310115MA1HXXXX2Y"),
                List.of(new LicensedService("B25", "ICP", List.of("310000"))));
        register.apply(issued(shanghai));
        register.apply(
                changed(LicenceViews.revoked(shanghai, LocalDate.parse("2025-05-05")), LicenceChange.REVOKED, AT));
        register.apply(issued(LicenceViews.withServices(
                licence("C", "B1.B2-20200002", "北京数据云有限公司", "Beijing Data Cloud", null),
                List.of(new LicensedService("B11", "IRCS", List.of("310115", "110105"))))));
        register.apply(issued(LicenceViews.pilot(
                LicenceViews.withServices(
                        licence("D", "unused", "海南试点科技有限公司", "Hainan Pilot Tech", null),
                        List.of(new LicensedService("B25", "ICP", List.of("460000")))),
                "HAINAN_FTP")));
    }

    private static RegisterQuery query(Map<String, String> parameters) {
        return RegisterQuery.parse(new HashMap<String, @Nullable String>(parameters));
    }

    private static List<String> numbers(Register register, Map<String, String> parameters) {
        return register.search(query(parameters)).licences().stream()
                .map(l -> l.number() == null ? "—" : l.number())
                .toList();
    }
}
