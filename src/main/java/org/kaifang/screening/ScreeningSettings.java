package org.kaifang.screening;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings for restricted-party screening, bound from {@code kaifang.screening.*}. The defaults are the
 * {@link Thresholds#DEFAULT} chosen on the evaluation set (docs/screening.md); imports are bounded by
 * {@code max-import-bytes}.
 */
@Validated
@ConfigurationProperties("kaifang.screening")
record ScreeningSettings(
        @DefaultValue("0.90") @DecimalMin("0.5") @DecimalMax("1.0")
        double matchThreshold,

        @DefaultValue("0.80") @DecimalMin("0.5") @DecimalMax("1.0")
        double possibleMatchThreshold,

        /** The largest list file an import accepts, in bytes; 50 MiB unless set. */
        @DefaultValue("52428800") @Min(1) long maxImportBytes) {

    Thresholds thresholds() {
        return new Thresholds(matchThreshold, possibleMatchThreshold);
    }
}
