package org.kaifang.licensing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kaifang.applications.ApplicationChanged;
import org.kaifang.applications.ApplicationStatus;
import org.kaifang.applications.ApplicationType;
import org.kaifang.applications.Applications;
import org.kaifang.applications.ApprovedApplication;
import org.kaifang.eligibility.DeterminationRequest;
import org.kaifang.eligibility.EligibilityCheck;
import org.kaifang.eligibility.RequestReader;
import org.kaifang.rules.AreaKind;
import org.kaifang.rules.Membership;
import org.kaifang.rules.RulePack;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues a licence, or a pilot approval, when a {@code NEW_LICENCE} or {@code PILOT_APPROVAL} application is approved.
 * The listener is synchronous, so the licence is stored in the approval's transaction: an approval that cannot be
 * issued (no counter, a broken request) is rolled back with it rather than left without a licence.
 *
 * <p>The licence's authority, and so its number's prefix, is the one the eligibility engine routes the request to:
 * MIIT for foreign-invested ({@code 合字}) and cross-regional licences, a province's communications administration (its
 * abbreviation, e.g. {@code 沪}) for provincial ones. Validity is {@code licence.validity-years} from the rule pack,
 * counted from the day of the approval.
 */
@Component
class Issuance {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Applications applications;
    private final EligibilityCheck eligibility;
    private final LicenceStore store;
    private final NumberCounters counters;
    private final ProvinceAbbreviations abbreviations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Issuance(
            Applications applications,
            EligibilityCheck eligibility,
            LicenceStore store,
            NumberCounters counters,
            ProvinceAbbreviations abbreviations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.applications = applications;
        this.eligibility = eligibility;
        this.store = store;
        this.counters = counters;
        this.abbreviations = abbreviations;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(ApplicationChanged e) {
        if (e.to() != ApplicationStatus.APPROVED) {
            return;
        }
        if (e.type() == ApplicationType.NEW_LICENCE || e.type() == ApplicationType.PILOT_APPROVAL) {
            issue(applications.approved(e.application()));
        }
    }

    /** Issues what {@code approved} asked for, stores it and publishes {@link LicenceChange#ISSUED}. */
    LicenceView issue(ApprovedApplication approved) {
        var pack = eligibility.pack();
        var request = new RequestReader(pack).read(JSON.readTree(approved.request()));
        var authority = eligibility.engine().determine(request).authority().code();
        var pilot = approved.type() == ApplicationType.PILOT_APPROVAL;
        var on = approved.decidedOn();
        var province = authority.startsWith("CA-") ? authority.substring(3) : null;
        String prefix;
        if (pilot) {
            prefix = pack.parameter("licence.number-prefix.pilot").require(on).text();
        } else if (province != null) {
            prefix = abbreviations.of(province);
        } else if (request.foreignInvested()) {
            prefix = pack.parameter("licence.number-prefix.foreign-invested")
                    .require(on)
                    .text();
        } else {
            prefix = "";
        }
        var categories = request.services().stream()
                .map(s -> LicenceNumber.category(s.code()))
                .toList();
        var number = new LicenceNumber(prefix, categories, on.getYear(), counters.next(prefix, on.getYear()));
        var years =
                pack.parameter("licence.validity-years").require(on).decimal().intValueExact();
        var services = request.services().stream()
                .map(s -> new LicensedService(s.code(), s.item(), s.coverage()))
                .toList();
        var pilotArea = pilot ? pilotArea(pack, request) : null;
        var view = new LicenceView(
                new LicenceId(UUID.randomUUID().toString()),
                pilot ? LicenceKind.PILOT_APPROVAL : LicenceKind.LICENCE,
                number.toString(),
                approved.applicantName(),
                null,
                request.applicant().uscc(),
                approved.applicant(),
                null,
                request.applicant().registeredCapitalCny(),
                province == null ? "MIIT" : province,
                request.foreignInvested(),
                pilot,
                pilotArea,
                services,
                on,
                on,
                on.plusYears(years).minusDays(1),
                LicenceStatus.NORMAL,
                pilot ? pilotConditions(pack, request, pilotArea, on) : List.of(),
                null,
                approved.id().toString(),
                false,
                null,
                1);
        var change = new LicenceChanged(view, LicenceChange.ISSUED, approved.approver(), clock.instant(), null);
        store.insert(List.of(change));
        events.publishEvent(change);
        return view;
    }

    /** The pilot area the applicant's seat lies in; the seat's division code when the pack names none. */
    private static String pilotArea(RulePack pack, DeterminationRequest request) {
        var seat = request.applicant().seat();
        for (var area : pack.areas()) {
            if (area.kind() == AreaKind.VAS_PILOT
                    && area.inForceOn(request.asOf())
                    && area.membership(seat, request.applicant().zones()) == Membership.INSIDE) {
                return area.id();
            }
        }
        return seat;
    }

    /**
     * The pilot's conditions (telecom-vas-brief §1.4), each from the rule pack with its citation and confidence: seat
     * and facilities in the pilot area, and coverage confined to it for the services the pack confines.
     */
    private static List<String> pilotConditions(
            RulePack pack, DeterminationRequest request, String area, java.time.LocalDate on) {
        var conditions = new ArrayList<String>();
        for (var key : List.of("pilot.seat-in-area", "pilot.facilities-in-area")) {
            var parameter = pack.parameter(key);
            var value = parameter.at(on);
            if (value.isPresent() && Boolean.TRUE.equals(value.get().value())) {
                conditions.add(condition(
                                pack,
                                parameter.description().zh(),
                                parameter.description().en(),
                                value.get()) + " — " + area);
            }
        }
        var confined = pack.parameter("pilot.coverage-confined").at(on);
        if (confined.isPresent()) {
            for (var service : request.services()) {
                if (confined.get().strings().contains(service.code())
                        || confined.get().strings().contains(service.key())) {
                    conditions.add(condition(
                                    pack,
                                    service.key() + " 覆盖范围限于试点地区",
                                    service.key() + " coverage confined to the pilot area",
                                    confined.get())
                            + " — " + area);
                }
            }
        }
        return conditions;
    }

    private static String condition(RulePack pack, String zh, String en, org.kaifang.rules.DatedValue value) {
        var cite = value.citation();
        var instrument = pack.instruments().get(cite.instrument());
        var source = instrument == null ? cite.instrument() : instrument.title().zh();
        return zh + " / " + en + " (" + source + (cite.article() == null ? "" : " " + cite.article()) + "; "
                + value.confidence() + ")";
    }
}
