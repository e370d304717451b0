package org.kaifang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void groupsThousandsAndDropsZeroFractions() {
        assertThat(Money.format(new BigDecimal("10000000"))).isEqualTo("10,000,000");
        assertThat(Money.format(new BigDecimal("1000000.50"))).isEqualTo("1,000,000.5");
        assertThat(Money.format(new BigDecimal("999.999"))).isEqualTo("1,000");
        assertThat(Money.format(new BigDecimal("0"))).isEqualTo("0");
        assertThat(Money.format(new BigDecimal("123456.78"))).isEqualTo("123,456.78");
    }

    @Property
    void agreesWithTheDecimalFormatPattern(
            @ForAll @BigRange(min = "-1000000000000", max = "1000000000000") @Scale(4) BigDecimal yuan) {
        var reference = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        assertThat(Money.format(yuan)).isEqualTo(reference.format(yuan.setScale(2, java.math.RoundingMode.HALF_UP)));
    }
}
