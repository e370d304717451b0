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
        // 中 and 国 are "ffx" and "h6l" in the token key. These three characters are "1ff", "xh6" and "l00": their
        // tokens hold "ffxh6l" out of step with the characters, which the index finds and the check throws out.
        var name = new String(Character.toChars(1 * 1296 + 15 * 36 + 15))
                + new String(Character.toChars(33 * 1296 + 17 * 36 + 6))
                + new String(Character.toChars(21 * 1296))
                + "有限公司";
        assertThat(NameKey.tokens(name)).contains(NameKey.tokens("中国"));
        register.apply(issued(licence("X", "B2-20250009", name, null, null)));
        register.apply(issued(licence("Y", "B2-20250010", "中国示例有限公司", null, null)));

        assertThat(ids(register, "中国")).containsExactly("Y");
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
    void licencesWrittenBeforeTheTokenKeyAreGivenItAtStartUp(Database db) {
        var register = register(db, Register.COUNT_LIMIT);
        RegisterTests.seed(register);
        JdbcClient.create(db.dataSource())
                .sql("update register.licence set name_tok = null")
                .update();
        assertThat(ids(register, "示例")).isEmpty();

        RegisterIndexes.ensure(db.dataSource());

        assertThat(ids(register, "示例")).containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void theTokenKeyHasThreeDigitsPerCharacterAndIgnoresCaseAndWhitespace() {
        assertThat(NameKey.tokens("中国")).isEqualTo("ffxh6l");
        assertThat(NameKey.tokens(" A b ")).isEqualTo(NameKey.tokens("ab")).hasSize(6);
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
