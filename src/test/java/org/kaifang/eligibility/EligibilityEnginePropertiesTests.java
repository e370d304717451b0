package org.kaifang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kaifang.rules.Division;
import org.kaifang.rules.RulePack;
import org.kaifang.rules.RulePackLoader;

/** Invariants of the engine over any valid request: it always decides, explains and cites. */
class EligibilityEnginePropertiesTests {

    private static final RulePack PACK = RulePackLoader.fromDirectory(Path.of("rules/telecom-vas"));
    private static final EligibilityEngine ENGINE = new EligibilityEngine(PACK);

    @Property(tries = 2000)
    void everyValidRequestGetsAConsistentCitedDetermination(@ForAll("requests") DeterminationRequest request) {
        var d = ENGINE.determine(request);

        var worst = Outcome.PERMITTED;
        for (var finding : d.findings()) {
            worst = worst.and(finding.outcome());
        }
        for (var service : d.services()) {
            worst = worst.and(service.outcome());
        }
        assertThat(d.overall()).isEqualTo(worst);
        assertThat(d.services()).hasSameSizeAs(request.services());
        for (var service : d.services()) {
            assertThat(service.findings()).isNotEmpty();
            var standing = service.findings().stream()
                    .filter(Finding::stands)
                    .map(Finding::outcome)
                    .reduce(Outcome.PERMITTED, Outcome::and);
            assertThat(service.outcome()).isEqualTo(standing);
            if (service.outcome() == Outcome.PERMITTED) {
                assertThat(service.hints()).isEmpty();
            }
            if (service.foreignEquityCapPercent() != null && service.outcome() != Outcome.NOT_PERMITTED) {
                assertThat(request.foreignEquityPercent()).isLessThanOrEqualTo(service.foreignEquityCapPercent());
            }
        }
        for (var finding : all(d)) {
            assertThat(finding.citation().document()).isNotBlank();
            assertThat(finding.message().zh()).doesNotContain("{");
            assertThat(finding.message().en()).doesNotContain("{");
        }
        if (d.authority().code().startsWith("CA-")) {
            assertThat(d.licenceScope()).isEqualTo(LicenceScope.PROVINCIAL);
            assertThat(request.foreignInvested() && !request.asOf().isBefore(LocalDate.of(2022, 5, 1)))
                    .as("a foreign-invested applicant goes to MIIT from 2022-05-01")
                    .isFalse();
        }
        if (d.licenceScope() == LicenceScope.CROSS_REGIONAL) {
            assertThat(d.authority().code()).isEqualTo("MIIT");
        }
    }

    @Property(tries = 500)
    void moreForeignEquityNeverImprovesAnOutcome(
            @ForAll("requests") DeterminationRequest request, @ForAll("percent") BigDecimal more) {
        var lower = request.foreignEquityPercent().min(more);
        var higher = request.foreignEquityPercent().max(more);
        if (lower.signum() == 0) {
            return;
        }
        var low = ENGINE.determine(withEquity(request, lower));
        var high = ENGINE.determine(withEquity(request, higher));
        for (int i = 0; i < low.services().size(); i++) {
            assertThat(high.services().get(i).outcome().ordinal())
                    .as(request.services().get(i).key() + " at " + lower + "% vs " + higher + "%")
                    .isGreaterThanOrEqualTo(low.services().get(i).outcome().ordinal());
        }
    }

    private static DeterminationRequest withEquity(DeterminationRequest r, BigDecimal equity) {
        return new DeterminationRequest(r.asOf(), r.applicant(), equity, r.services());
    }

    private static List<Finding> all(Determination d) {
        var findings = new ArrayList<>(d.findings());
        d.services().forEach(s -> findings.addAll(s.findings()));
        return findings;
    }

    @Provide
    Arbitrary<BigDecimal> percent() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, BigDecimal.valueOf(100))
                .ofScale(2)
                .edgeCases(c ->
                        c.add(new BigDecimal("50")).add(new BigDecimal("50.01")).add(new BigDecimal("49")));
    }

    @Provide
    Arbitrary<DeterminationRequest> requests() {
        var mainland = PACK.divisions().listed().stream()
                .filter(Division::mainland)
                .map(Division::code)
                .toList();
        var provinces = PACK.divisions().provinces().stream()
                .filter(Division::mainland)
                .map(Division::code)
                .toList();
        var seats = Arbitraries.of(mainland);
        var dates = Arbitraries.integers()
                .between(0, 365 * 7)
                .map(days -> PACK.coverageFrom().plusDays(days));
        var zones = Arbitraries.of(List.<String>of(), List.of("CN-FTZ"), List.of("CN-SH-LINGANG", "CN-FTZ"));
        var capital =
                Arbitraries.of(null, new BigDecimal("500000"), new BigDecimal("1000000"), new BigDecimal("10000000"));
        var credit = Arbitraries.of(
                Set.<CreditStatus>of(), Set.of(CreditStatus.BAD_LIST), Set.of(CreditStatus.DISHONEST_LIST));
        var keys = new ArrayList<String[]>();
        for (var category : PACK.catalogue().all()) {
            if (category.items().isEmpty()) {
                keys.add(new String[] {category.code(), null});
            }
            for (var item : category.items()) {
                keys.add(new String[] {category.code(), item.code()});
            }
        }
        var coverage = Arbitraries.oneOf(
                Arbitraries.just(List.of("CN")),
                Arbitraries.of(provinces).list().ofMinSize(1).ofMaxSize(3).uniqueElements());
        var facilities = Arbitraries.of(mainland).list().ofMaxSize(2).uniqueElements();
        var content = Arbitraries.of(ContentType.class).set().ofMaxSize(2);
        var service = Combinators.combine(Arbitraries.of(keys), coverage, facilities, content)
                .as((key, cov, fac, con) ->
                        new RequestedService(key[0], key[1], cov, fac, "B25".equals(key[0]) ? con : Set.of()));
        var services = service.list().ofMinSize(1).ofMaxSize(4).uniqueElements(RequestedService::key);
        var applicant = Combinators.combine(seats, zones, capital, credit)
                .as((seat, z, cap, cr) -> new Applicant(
                        "Generated Co.",
                        null,
                        seat,
                        z.isEmpty() || z.contains("CN-SH-LINGANG") && !seat.startsWith("31") ? List.of() : z,
                        cap,
                        cr));
        return Combinators.combine(dates, applicant, percent(), services)
                .as((LocalDate date, Applicant a, BigDecimal equity, List<RequestedService> s) ->
                        new DeterminationRequest(date, a, equity, s));
    }
}
