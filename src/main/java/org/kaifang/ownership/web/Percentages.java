package org.kaifang.ownership.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.kaifang.ownership.OwnershipAnalysis;
import org.kaifang.ownership.Share;

/** Shares as people read them: "60%", "30–40%", at most four decimals, no trailing zeros. */
final class Percentages {

    private Percentages() {}

    /** A share (a fraction, exact or a band) as per cent. */
    static String share(Share share) {
        return share.exact()
                ? number(share.low() * 100) + "%"
                : number(share.low() * 100) + "–" + number(share.high() * 100) + "%";
    }

    /** A value already in per cent, with its bounds when they differ from it. */
    static String withRange(double percent, OwnershipAnalysis.Range range) {
        return range.low() == range.high()
                ? number(percent) + "%"
                : number(percent) + "% (" + number(range.low()) + "–" + number(range.high()) + "%)";
    }

    static String percent(double percent) {
        return number(percent) + "%";
    }

    static String number(double percent) {
        var text = BigDecimal.valueOf(percent)
                .setScale(4, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
        return text.equals("-0") ? "0" : text;
    }
}
