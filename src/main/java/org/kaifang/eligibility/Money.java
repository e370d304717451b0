package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formats yuan amounts with thousands separators: {@code 10,000,000}. */
final class Money {

    private Money() {}

    static String format(BigDecimal yuan) {
        var format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(yuan.setScale(2, RoundingMode.HALF_UP));
    }
}
