package org.kaifang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.kaifang.rules.RulePackFixtures;

/**
 * The DMN decision table of the side-by-side benchmark ({@link DmnCapTable}) and Kaifang's engine decide the same caps,
 * so the benchmark compares two engines answering the same law.
 */
class DmnCapTableTests {

    private static final EligibilityEngine ENGINE = new EligibilityEngine(RulePackFixtures.bundledPack());
    private static final DmnCapTable.Dmn DMN = DmnCapTable.compile(ENGINE);

    @Test
    void bothEnginesGiveTheSameCapOnEveryItemPlaceAndDateOfTheSharedCases() {
        var cases = DmnCapTable.cases(ENGINE, 40, 9L);
        var disagreements = new ArrayList<String>();
        for (var c : cases) {
            var kaifang = DmnCapTable.Cap.of(ENGINE.determine(c.request(BigDecimal.valueOf(100)))
                    .services()
                    .getFirst());
            var dmn = DMN.cap(c);
            if (!kaifang.sameAs(dmn)) {
                disagreements.add(c.service() + "/" + c.item() + " in "
                        + c.place().id() + " on " + c.date() + ": Kaifang " + kaifang + ", DMN " + dmn);
            }
        }

        assertThat(cases).hasSizeGreaterThan(21 * 7 * 20);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void theTableHasOneRulePerPeriodOfEachItemInEachPlaceAndCoversThemAll() {
        var rules = DmnCapTable.rules(ENGINE);

        assertThat(rules).hasSizeGreaterThanOrEqualTo(21 * 7);
        // Capped and uncapped cells, permitted, referred and refused outcomes all occur, so the table is no constant.
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.cap().percent()).isEqualByComparingTo("50");
            assertThat(r.cap().outcome()).isEqualTo(Outcome.NOT_PERMITTED);
        });
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.cap().percent()).isNull();
            assertThat(r.cap().outcome()).isEqualTo(Outcome.PERMITTED);
        });
        assertThat(rules).anySatisfy(r -> assertThat(r.cap().outcome()).isEqualTo(Outcome.REFER));
        assertThat(DMN.xml()).contains("hitPolicy=\"UNIQUE\"").contains("<rule id=\"r" + (rules.size() - 1) + "\">");
    }
}
