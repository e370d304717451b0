package org.kaifang.licensing;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything public about a licence or pilot approval, as it stands after a change. This is what the register shows and
 * exports; confidential parts of a licence file (annual-report items kept private under art. 35) are never in it.
 *
 * @param number the licence number (e.g. {@code 合字B1.B2-20250145}); {@code null} for a pilot approval known only
 *     from the news, which gets no invented number
 * @param holder the holder's registered Chinese name
 * @param holderEn the holder's English name, if known
 * @param uscc the holder's unified social credit code, if known
 * @param organisation the holder's Kaifang organisation id, if it has an account
 * @param authority {@code MIIT}, or the province-level division code of the issuing communications administration
 * @param foreignInvested whether the holder is a foreign-invested telecom enterprise
 * @param pilot whether this was granted under the 2024 opening-up pilot
 * @param pilotArea the pilot area's code for a pilot approval
 * @param validUntil the last day of validity; {@code null} for a pilot approval without a stated term
 * @param conditions special conditions, and for a pilot approval its pilot conditions
 * @param termination why it is no longer in force; {@code null} while {@code NORMAL}
 * @param application the application it was issued or last changed on, if any
 * @param synthetic whether this is made-up demo data (the demo register); shown on every page that shows it
 * @param source a public source for data not issued in Kaifang (e.g. the news report of a pilot approval)
 * @param version increases by one with every change
 * @param shareholders the holder's shareholders with their shares, as last amended by a {@code CHANGE} application;
 *     empty when none were given (licences issued or recorded before this field existed read as empty). Public: a
 *     limited company's shareholders and their contributions are published under the 2014 Interim Regulations on
 *     Enterprise Information Disclosure (企业信息公示暂行条例) art. 9 [I: Kaifang's reading]
 */
public record LicenceView(
        LicenceId id,
        LicenceKind kind,
        @Nullable String number,
        String holder,
        @Nullable String holderEn,
        @Nullable String uscc,
        @Nullable String organisation,
        @Nullable String legalRepresentative,
        @Nullable BigDecimal registeredCapitalCny,
        String authority,
        boolean foreignInvested,
        boolean pilot,
        @Nullable String pilotArea,
        List<LicensedService> services,
        LocalDate issuedOn,
        LocalDate validFrom,
        @Nullable LocalDate validUntil,
        LicenceStatus status,
        List<String> conditions,
        @Nullable Termination termination,
        @Nullable String application,
        boolean synthetic,
        @Nullable String source,
        long version,
        List<Shareholder> shareholders) {

    @JsonCreator
    public LicenceView {
        services = List.copyOf(services);
        conditions = List.copyOf(conditions);
        // JSON written before shareholders were kept has none: read as an empty list.
        shareholders = shareholders == null ? List.of() : List.copyOf(shareholders);
    }

    /** A view without shareholders: for fixtures and licences whose shareholders are not known. */
    public LicenceView(
            LicenceId id,
            LicenceKind kind,
            @Nullable String number,
            String holder,
            @Nullable String holderEn,
            @Nullable String uscc,
            @Nullable String organisation,
            @Nullable String legalRepresentative,
            @Nullable BigDecimal registeredCapitalCny,
            String authority,
            boolean foreignInvested,
            boolean pilot,
            @Nullable String pilotArea,
            List<LicensedService> services,
            LocalDate issuedOn,
            LocalDate validFrom,
            @Nullable LocalDate validUntil,
            LicenceStatus status,
            List<String> conditions,
            @Nullable Termination termination,
            @Nullable String application,
            boolean synthetic,
            @Nullable String source,
            long version) {
        this(
                id,
                kind,
                number,
                holder,
                holderEn,
                uscc,
                organisation,
                legalRepresentative,
                registeredCapitalCny,
                authority,
                foreignInvested,
                pilot,
                pilotArea,
                services,
                issuedOn,
                validFrom,
                validUntil,
                status,
                conditions,
                termination,
                application,
                synthetic,
                source,
                version,
                List.of());
    }
}
