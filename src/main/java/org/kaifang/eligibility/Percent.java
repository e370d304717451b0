package org.kaifang.eligibility;

import java.math.BigDecimal;

/** Formats percentages as the law writes them: {@code 50}, {@code 50.01}. */
final class Percent {

    private Percent() {}

    static String format(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString();
    }
}
