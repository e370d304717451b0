package org.kaifang.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.licensing.LicenceChange;
import org.kaifang.licensing.LicenceChanged;
import org.kaifang.licensing.LicenceId;
import org.kaifang.licensing.LicenceKind;
import org.kaifang.licensing.LicenceStatus;
import org.kaifang.licensing.LicenceView;
import org.kaifang.licensing.LicensedService;
import org.kaifang.licensing.Termination;

/** Licence views and their events as the licensing module publishes them, for the register's tests. */
public final class LicenceViews {

    public static final Instant AT = Instant.parse("2025-03-03T02:00:00Z");

    private LicenceViews() {}

    public static LicenceView licence(String id, String number, String holder, @Nullable String holderEn, String uscc) {
        return new LicenceView(
                new LicenceId(id),
                LicenceKind.LICENCE,
                number,
                holder,
                holderEn,
                uscc,
                null,
                "王小明",
                new BigDecimal("10000000"),
                "MIIT",
                number.startsWith("合字"),
                false,
                null,
                List.of(
                        new LicensedService("B25", "ICP", List.of("CN")),
                        new LicensedService("B21", null, List.of("CN"))),
                LocalDate.parse("2025-03-03"),
                LocalDate.parse("2025-03-03"),
                LocalDate.parse("2030-03-02"),
                LicenceStatus.NORMAL,
                List.of(),
                null,
                null,
                false,
                null,
                1);
    }

    public static LicenceView withServices(LicenceView v, List<LicensedService> services) {
        return new LicenceView(
                v.id(),
                v.kind(),
                v.number(),
                v.holder(),
                v.holderEn(),
                v.uscc(),
                v.organisation(),
                v.legalRepresentative(),
                v.registeredCapitalCny(),
                v.authority(),
                v.foreignInvested(),
                v.pilot(),
                v.pilotArea(),
                services,
                v.issuedOn(),
                v.validFrom(),
                v.validUntil(),
                v.status(),
                v.conditions(),
                v.termination(),
                v.application(),
                v.synthetic(),
                v.source(),
                v.version());
    }

    public static LicenceView pilot(LicenceView v, String area) {
        return new LicenceView(
                v.id(),
                LicenceKind.PILOT_APPROVAL,
                null,
                v.holder(),
                v.holderEn(),
                v.uscc(),
                v.organisation(),
                v.legalRepresentative(),
                v.registeredCapitalCny(),
                v.authority(),
                true,
                true,
                area,
                v.services(),
                v.issuedOn(),
                v.validFrom(),
                null,
                v.status(),
                List.of("试点条件"),
                v.termination(),
                v.application(),
                true,
                "https://example.org/news",
                v.version());
    }

    /** {@code v} revoked on {@code on}, one version later. */
    public static LicenceView revoked(LicenceView v, LocalDate on) {
        return new LicenceView(
                v.id(),
                v.kind(),
                v.number(),
                v.holder(),
                v.holderEn(),
                v.uscc(),
                v.organisation(),
                v.legalRepresentative(),
                v.registeredCapitalCny(),
                v.authority(),
                v.foreignInvested(),
                v.pilot(),
                v.pilotArea(),
                v.services(),
                v.issuedOn(),
                v.validFrom(),
                v.validUntil(),
                LicenceStatus.REVOKED,
                v.conditions(),
                new Termination(LicenceStatus.REVOKED, "以欺骗手段取得许可", "电信业务经营许可管理办法 第四十三条", on),
                v.application(),
                v.synthetic(),
                v.source(),
                v.version() + 1);
    }

    public static LicenceChanged issued(LicenceView v) {
        return new LicenceChanged(v, LicenceChange.ISSUED, "registrar", AT, null);
    }

    public static LicenceChanged changed(LicenceView v, LicenceChange change, Instant at) {
        return new LicenceChanged(v, change, "approver", at, "reason with, \"quotes\"\nand a line");
    }
}
