package org.kaifang.licensing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.kaifang.applications.ActionRefused;
import org.kaifang.applications.ApplicationChanged;
import org.kaifang.applications.ApplicationStatus;
import org.kaifang.applications.ApplicationType;
import org.kaifang.applications.Applications;
import org.kaifang.applications.ApprovedApplication;
import org.kaifang.eligibility.DeterminationRequest;
import org.kaifang.eligibility.EligibilityCheck;
import org.kaifang.eligibility.RequestReader;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Approved {@code CHANGE} and {@code RENEWAL} applications amend or renew the licence their request names in its
 * {@code licence} property (number or id), in the approval's transaction. A licence that cannot be changed so (not the
 * applicant's, not in force, outside the renewal window) refuses the approval with a reason ({@link ActionRefused},
 * 409), and nothing is stored.
 *
 * <p>A change amends the holder's name, USCC, registered capital, foreign investment, and services with their coverage;
 * the number stays (Kaifang's choice [I]: whether MIIT renumbers a licence whose categories change was not found). A
 * renewal extends validity by {@code licence.validity-years} from the old expiry; it keeps only the licensed services
 * the renewal asks for again (services never opened are not renewed, Order 42 art. 27) and adds none. Its window opens
 * {@code licence.renewal-lead-days} before expiry; the application must be submitted in it.
 */
@Component
class Lifecycle {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Applications applications;
    private final EligibilityCheck eligibility;
    private final LicenceStore store;
    private final Licences licences;

    Lifecycle(Applications applications, EligibilityCheck eligibility, LicenceStore store, Licences licences) {
        this.applications = applications;
        this.eligibility = eligibility;
        this.store = store;
        this.licences = licences;
    }

    @EventListener
    void on(ApplicationChanged e) {
        if (e.to() != ApplicationStatus.APPROVED) {
            return;
        }
        if (e.type() == ApplicationType.CHANGE) {
            amend(applications.approved(e.application()));
        } else if (e.type() == ApplicationType.RENEWAL) {
            renew(applications.approved(e.application()));
        }
    }

    LicenceView amend(ApprovedApplication approved) {
        var body = JSON.readTree(approved.request());
        var request = new RequestReader(eligibility.pack()).read(body);
        var licence = named(approved, body, request);
        var next = with(
                licence,
                approved.applicantName(),
                request.applicant().uscc() == null
                        ? licence.uscc()
                        : request.applicant().uscc(),
                approved.applicant(),
                request.applicant().registeredCapitalCny() == null
                        ? licence.registeredCapitalCny()
                        : request.applicant().registeredCapitalCny(),
                request.foreignInvested(),
                request.services().stream()
                        .map(s -> new LicensedService(s.code(), s.item(), s.coverage()))
                        .toList(),
                licence.validUntil(),
                approved.id().toString());
        next = withHolder(next, body.get("holder"));
        return licences.save(next, LicenceChange.AMENDED, approved.approver(), "application " + approved.id());
    }

    LicenceView renew(ApprovedApplication approved) {
        var body = JSON.readTree(approved.request());
        var request = new RequestReader(eligibility.pack()).read(body);
        var licence = named(approved, body, request);
        var pack = eligibility.pack();
        var until = licence.validUntil();
        if (until == null) {
            throw refused("Licence " + licence.number() + " has no end date to renew");
        }
        var lead = pack.parameter("licence.renewal-lead-days")
                .require(approved.submittedOn())
                .decimal()
                .intValueExact();
        var opens = until.minusDays(lead);
        if (approved.submittedOn().isBefore(opens) || approved.submittedOn().isAfter(until)) {
            throw refused("A renewal of licence " + licence.number() + " must be submitted between " + opens + " and "
                    + until + " (Order 42 art. 27: " + lead + " days before expiry); it was submitted on "
                    + approved.submittedOn());
        }
        var asked = new HashSet<String>();
        request.services().forEach(s -> asked.add(s.key()));
        var kept = new ArrayList<LicensedService>();
        for (var s : licence.services()) {
            if (asked.remove(s.key())) {
                kept.add(s);
            }
        }
        if (!asked.isEmpty()) {
            throw refused("A renewal keeps licensed services only; " + String.join(", ", asked) + " are not on licence "
                    + licence.number() + " (apply for a change)");
        }
        if (kept.isEmpty()) {
            throw refused("A renewal keeps at least one of the licence's services");
        }
        var years = pack.parameter("licence.validity-years")
                .require(until)
                .decimal()
                .intValueExact();
        var next = with(
                licence,
                licence.holder(),
                licence.uscc(),
                approved.applicant(),
                licence.registeredCapitalCny(),
                licence.foreignInvested(),
                kept,
                until.plusYears(years),
                approved.id().toString());
        return licences.save(next, LicenceChange.RENEWED, approved.approver(), "application " + approved.id());
    }

    /** The licence the request names, locked, if the applicant holds it and it is in force. */
    private LicenceView named(ApprovedApplication approved, JsonNode body, DeterminationRequest request) {
        var reference = body.get("licence");
        if (reference == null || !reference.isString() || reference.asString().isBlank()) {
            throw refused("A " + approved.type() + " application names its licence in the request's \"licence\""
                    + " (its number or id)");
        }
        var text = reference.asString().strip();
        var found = store.byNumber(text).or(() -> byId(text)).flatMap(l -> store.lock(l.id()));
        var licence = found.orElseThrow(() -> refused("No licence " + text));
        var holder = approved.applicant().equals(licence.organisation())
                || (licence.organisation() == null
                        && licence.uscc() != null
                        && licence.uscc().equals(request.applicant().uscc()));
        if (!holder) {
            throw refused("Licence " + text + " is not held by the applicant");
        }
        if (licence.status() != LicenceStatus.NORMAL) {
            throw refused("Licence " + text + " is " + licence.status().en() + "; only a licence in force changes");
        }
        return licence;
    }

    private Optional<LicenceView> byId(String text) {
        try {
            return store.find(new LicenceId(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ActionRefused refused(String message) {
        return new ActionRefused(ActionRefused.Kind.CONFLICT, "", message);
    }

    /**
     * The licence with the legal representative and shareholders the request's {@code holder} states (checked by the
     * request reader on submission); what it leaves out stays as it was.
     */
    private static LicenceView withHolder(LicenceView l, @org.jspecify.annotations.Nullable JsonNode holder) {
        if (holder == null || !holder.isObject()) {
            return l;
        }
        var representative = holder.get("legalRepresentative");
        var shareholders = holder.get("shareholders");
        var named = representative != null && representative.isString()
                ? representative.asString().strip()
                : l.legalRepresentative();
        var held = l.shareholders();
        if (shareholders != null && shareholders.isArray()) {
            var list = new ArrayList<Shareholder>();
            for (var s : shareholders) {
                list.add(new Shareholder(
                        s.get("name").asString().strip(), s.get("percent").decimalValue()));
            }
            held = list;
        }
        return new LicenceView(
                l.id(),
                l.kind(),
                l.number(),
                l.holder(),
                l.holderEn(),
                l.uscc(),
                l.organisation(),
                named,
                l.registeredCapitalCny(),
                l.authority(),
                l.foreignInvested(),
                l.pilot(),
                l.pilotArea(),
                l.services(),
                l.issuedOn(),
                l.validFrom(),
                l.validUntil(),
                l.status(),
                l.conditions(),
                l.termination(),
                l.application(),
                l.synthetic(),
                l.source(),
                l.version(),
                held);
    }

    private static LicenceView with(
            LicenceView l,
            String holder,
            @org.jspecify.annotations.Nullable String uscc,
            String organisation,
            java.math.@org.jspecify.annotations.Nullable BigDecimal capital,
            boolean foreignInvested,
            List<LicensedService> services,
            @org.jspecify.annotations.Nullable LocalDate validUntil,
            String application) {
        return new LicenceView(
                l.id(),
                l.kind(),
                l.number(),
                holder,
                l.holderEn(),
                uscc,
                organisation,
                l.legalRepresentative(),
                capital,
                l.authority(),
                foreignInvested,
                l.pilot(),
                l.pilotArea(),
                services,
                l.issuedOn(),
                l.validFrom(),
                validUntil,
                l.status(),
                l.conditions(),
                l.termination(),
                application,
                l.synthetic(),
                l.source(),
                l.version() + 1,
                l.shareholders());
    }
}
