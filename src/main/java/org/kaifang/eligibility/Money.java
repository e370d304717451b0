package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats yuan amounts with thousands separators: {@code 10,000,000}. */
final class Money {

    private Money() {}

    static String format(BigDecimal yuan) {
        // "#,##0.##" by hand: DecimalFormat is not thread-safe, and building one per call cost more than the rules.
        var rounded = yuan.setScale(2, RoundingMode.HALF_UP);
        var plain = rounded.abs().toPlainString();
        int point = plain.length() - 3;
        var fraction = plain.substring(point + 1);
        var out = new StringBuilder(plain.length() + plain.length() / 3 + 1);
        if (rounded.signum() < 0) {
            out.append('-');
        }
        for (int i = 0; i < point; i++) {
            if (i > 0 && (point - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        if (fraction.equals("00")) {
            return out.toString();
        }
        return out.append('.')
                .append(fraction.endsWith("0") ? fraction.substring(0, 1) : fraction)
                .toString();
    }
}
