package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.rules.Area;
import org.kaifang.rules.AreaKind;
import org.kaifang.rules.Bilingual;
import org.kaifang.rules.Citation;
import org.kaifang.rules.Confidence;
import org.kaifang.rules.DatedValue;
import org.kaifang.rules.Membership;
import org.kaifang.rules.RulePack;
import org.kaifang.rules.ServiceCategory;
import org.kaifang.rules.ServiceKind;

/**
 * Judges a {@link DeterminationRequest} against a rule pack. A pure function of the facts, the date and the pack: it
 * performs no I/O, reads no clock, and is safe to share between threads.
 *
 * <p>Foreign-equity rules follow default logic: the national cap of the negative list is the default, and more specific
 * provisions (the e-commerce opening, the Hainan Free Trade Port list, the free trade zones, the 2024 pilot) are
 * exceptions to it. The engine tries every provision that could apply, chooses the one that gives the applicant the
 * best lawful outcome, and marks the findings it displaces as overridden.
 */
public final class EligibilityEngine {

    private final RulePack pack;
    private final RestrictedParties restricted;
    private final List<Area> pilotAreas;
    private final @Nullable Area hainan;
    private final java.util.Set<String> ownListAreas;
    private final java.util.concurrent.ConcurrentHashMap<BigDecimal, String> capTexts =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Bilingual> labels = new java.util.HashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<LocalDate, java.util.Map<String, DatedValue>> valuesByDate =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Area, java.util.concurrent.ConcurrentHashMap<String, Membership>> memberships =
            new java.util.IdentityHashMap<>();

    public EligibilityEngine(RulePack pack) {
        this.pack = pack;
        this.restricted = new RestrictedParties(pack);
        this.pilotAreas = pack.areas().stream()
                .filter(a -> a.kind() == AreaKind.VAS_PILOT)
                .toList();
        this.hainan = pack.areas().stream()
                .filter(a -> a.kind() == AreaKind.FREE_TRADE_PORT)
                .findFirst()
                .orElse(null);
        new RequiredParameters(pack).check();
        this.ownListAreas = pilotAreas.stream()
                .map(Area::id)
                .filter(id -> pack.parameters().containsKey(OWN_SERVICES + id)
                        || pack.parameters().containsKey(OWN_SERVICES_AT_CAP + id))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        for (var area : pack.areas()) {
            memberships.put(area, new java.util.concurrent.ConcurrentHashMap<>());
        }
        // Labels depend only on the catalogue: build them once, not per determination.
        for (var category : pack.catalogue().all()) {
            labels.put(
                    category.code(),
                    new Bilingual(
                            category.code() + " " + category.name().zh(),
                            category.code() + " " + category.name().en()));
            for (var item : category.items()) {
                labels.put(
                        category.code() + "/" + item.code(),
                        new Bilingual(
                                category.code() + " " + item.name().zh(),
                                category.code() + " " + item.name().en()));
            }
        }
    }

    public RulePack pack() {
        return pack;
    }

    /** Judges {@code request}; the request must have been validated against this engine's pack. */
    public Determination determine(DeterminationRequest request) {
        var determination = new Judgement(request).run();
        if (request.ownership() != null) {
            determination = new OwnershipMeasures(pack, this::judgeAt).apply(request, determination);
        }
        return request.screening() == null ? determination : restricted.apply(request, determination);
    }

    private Determination judgeAt(DeterminationRequest request) {
        return new Judgement(request).run();
    }

    /** The state of one determination while the rules run. */
    private final class Judgement {

        private final DeterminationRequest request;
        private final LocalDate date;
        private final java.util.Map<String, DatedValue> values;
        private final boolean basic;
        private final BigDecimal equity;
        private final String equityText;

        Judgement(DeterminationRequest request) {
            this.request = request;
            this.date = request.asOf();
            this.values = valuesOn(request.asOf());
            this.basic = anyBasic(request);
            this.equity = request.foreignEquityPercent();
            this.equityText = Percent.format(equity);
        }

        Determination run() {
            var scope = Scope.of(request.services());
            var services =
                    new ArrayList<ServiceDetermination>(request.services().size());
            for (var service : request.services()) {
                services.add(judge(service));
            }
            var findings = new ArrayList<Finding>(4);
            var hints = new ArrayList<Bilingual>(2);
            findings.add(foreignInvestment());
            findings.add(credit(hints));
            findings.add(registeredCapital(scope, hints));
            var authority = authority(scope, services, findings);
            var overall = Outcome.PERMITTED;
            for (var finding : findings) {
                overall = overall.and(finding.outcome());
            }
            for (var service : services) {
                overall = overall.and(service.outcome());
            }
            return new Determination(
                    date,
                    pack.ref(),
                    overall,
                    authority,
                    scope.scope(),
                    equity,
                    findings,
                    services,
                    hints,
                    request.ownership());
        }

        // ---- applicant-level rules ----------------------------------------------------------------------------

        private Finding foreignInvestment() {
            var value = require("foreign-investment.regime");
            var key = request.foreignInvested()
                    ? "applicant.foreign-investment.fie"
                    : "applicant.foreign-investment.domestic";
            return finding(
                    "applicant.foreign-investment",
                    Outcome.PERMITTED,
                    pack.template(key).fill("equity", equityText),
                    value);
        }

        private Finding credit(List<Bilingual> hints) {
            var status = request.applicant().creditStatus();
            var value = require("credit.dishonest-list-bars");
            if (status.contains(CreditStatus.DISHONEST_LIST)) {
                hints.add(pack.message("hint.credit.dishonest"));
                return finding(
                        "applicant.credit", Outcome.NOT_PERMITTED, pack.message("applicant.credit.dishonest"), value);
            }
            if (status.contains(CreditStatus.BAD_LIST)) {
                var badList = require("credit.bad-list");
                return finding("applicant.credit", Outcome.PERMITTED, pack.message("applicant.credit.bad"), badList);
            }
            return finding("applicant.credit", Outcome.PERMITTED, pack.message("applicant.credit.clear"), value);
        }

        private Finding registeredCapital(Scope scope, List<Bilingual> hints) {
            // Order 42 sets higher minimums for basic telecom (art. 5) than for value-added services (art. 6);
            // a request that includes a basic service must meet the basic minimum.
            var key = "capital.minimum."
                    + (basic ? "basic." : "")
                    + (scope.scope() == LicenceScope.CROSS_REGIONAL ? "cross-regional" : "provincial");
            var value = require(key);
            var minimum = value.decimal();
            var minimumText = Money.format(minimum);
            var capital = request.applicant().registeredCapitalCny();
            if (capital == null) {
                return finding(
                        "applicant.registered-capital",
                        Outcome.PERMITTED,
                        pack.template("applicant.capital.unstated").fill("minimum", minimumText),
                        value);
            }
            if (capital.compareTo(minimum) < 0) {
                hints.add(pack.template("hint.capital").fill("minimum", minimumText));
                return finding(
                        "applicant.registered-capital",
                        Outcome.NOT_PERMITTED,
                        pack.template("applicant.capital.below")
                                .fill("capital", Money.format(capital), "minimum", minimumText),
                        value);
            }
            return finding(
                    "applicant.registered-capital",
                    Outcome.PERMITTED,
                    pack.template("applicant.capital.met")
                            .fill("capital", Money.format(capital), "minimum", minimumText),
                    value);
        }

        private Authority authority(Scope scope, List<ServiceDetermination> services, List<Finding> findings) {
            var pilot = false;
            for (var service : services) {
                pilot |= service.decidedBy().equals("pilot.vas-opening");
            }
            DatedValue value;
            String message;
            Authority authority;
            if (basic) {
                value = require("authority.basic");
                authority = Authority.MIIT;
                message = "authority.basic";
            } else if (pilot) {
                value = require("pilot.approval");
                authority = Authority.MIIT;
                message = "authority.pilot";
            } else if (request.foreignInvested()
                    && require("authority.foreign-invested").text().equals("MIIT")) {
                value = require("authority.foreign-invested");
                authority = Authority.MIIT;
                message = "authority.foreign-invested";
            } else if (scope.scope() == LicenceScope.CROSS_REGIONAL) {
                value = require("authority.cross-regional");
                authority = Authority.MIIT;
                message = "authority.cross-regional";
            } else {
                value = require("authority.provincial");
                var province = pack.divisions().find(scope.province()).orElseThrow();
                authority = new Authority(
                        "CA-" + province.code(),
                        new Bilingual(
                                province.name().zh() + "通信管理局",
                                province.name().en() + " Communications Administration"));
                message = request.foreignInvested() ? "authority.provincial.fie-before-2022" : "authority.provincial";
            }
            findings.add(finding(
                    "authority.routing",
                    Outcome.PERMITTED,
                    pack.template(message).fill("authority", authority.name()),
                    value));
            return authority;
        }

        /**
         * Hints in first-mention order, each once. Two hints are the same when they fill the same template with the
         * same values, so no hint is rendered just to be compared.
         */
        private static List<Bilingual> distinct(List<Bilingual> hints) {
            if (hints.size() < 2) {
                return List.copyOf(hints);
            }
            var seen = new java.util.HashSet<Object>();
            var distinct = new ArrayList<Bilingual>(hints.size());
            for (var hint : hints) {
                if (seen.add(hint.identity())) {
                    distinct.add(hint);
                }
            }
            return List.copyOf(distinct);
        }

        /** The value of parameter {@code key} on the request's date. */
        private java.util.Optional<DatedValue> at(String key) {
            var value = values.get(key);
            if (value == null) {
                pack.parameter(key); // a key the pack lacks is a defect: fail loudly, as the pack does
            }
            return java.util.Optional.ofNullable(value);
        }

        /**
         * The area's own value of a pilot parameter ({@code <key>.<area id>}) where the pack gives one, else the
         * pack-wide value: an area opened by a later measure is governed, and cited, by that measure rather than the
         * 2024 pilot plan.
         */
        private java.util.Optional<DatedValue> at(String key, Area area) {
            var own = values.get(key + "." + area.id());
            return own != null ? java.util.Optional.of(own) : at(key);
        }

        private DatedValue require(String key) {
            var value = values.get(key);
            return value != null ? value : pack.parameter(key).require(date);
        }

        /** Whether any requested service is basic telecom: several applicant-level rules ask. */
        private boolean anyBasic(DeterminationRequest request) {
            for (var service : request.services()) {
                if (category(service).kind() == ServiceKind.BASIC) {
                    return true;
                }
            }
            return false;
        }

        /** Caps come from the pack, so their texts are few and worth keeping. */
        private String capText(BigDecimal cap) {
            return capTexts.computeIfAbsent(cap, Percent::format);
        }

        // ---- service-level rules ------------------------------------------------------------------------------

        private ServiceCategory category(RequestedService service) {
            return pack.catalogue().find(service.code()).orElseThrow();
        }

        private ServiceDetermination judge(RequestedService service) {
            var category = category(service);
            var label = label(category, service);
            var findings = new ArrayList<Finding>(8);
            var conditions = new ArrayList<Bilingual>(4);
            var hints = new ArrayList<Bilingual>(2);
            if (!category.inForceOn(date)) {
                findings.add(new Finding(
                        "catalogue.service",
                        Outcome.NOT_PERMITTED,
                        pack.template("catalogue.not-in-force")
                                .fill("service", label, "from", category.from().toString()),
                        category.citation(),
                        category.confidence(),
                        null));
                return new ServiceDetermination(
                        service.code(),
                        service.item(),
                        label,
                        Outcome.NOT_PERMITTED,
                        null,
                        "catalogue.service",
                        conditions,
                        findings,
                        distinct(hints));
            }
            findings.add(new Finding(
                    "catalogue.service",
                    Outcome.PERMITTED,
                    pack.template(category.kind() == ServiceKind.BASIC ? "catalogue.basic" : "catalogue.value-added")
                            .fill("service", label),
                    category.citation(),
                    category.confidence(),
                    null));
            if (category.kind() == ServiceKind.BASIC) {
                return basicTelecom(service, label, findings, conditions, hints);
            }
            content(service, label, findings, conditions, hints);
            var routes = new ArrayList<Route>(4);
            routes.add(nationalRoute(service, label, findings, hints));
            hainanRoutes(service, label, findings, conditions, hints, routes);
            ftzRoute(service, label, findings, routes);
            pilotRoute(service, label, findings, hints, routes);
            var chosen = choose(routes);
            var outcome = chosen.outcomeFor(equity);
            findings.add(new Finding(
                    "equity.cap",
                    outcome,
                    capMessage(chosen, outcome, label),
                    chosen.citation(),
                    chosen.confidence(),
                    null));
            for (int i = 0; i < findings.size(); i++) {
                var finding = findings.get(i);
                if (finding.rule().startsWith("equity.")
                        || finding.rule().startsWith("pilot.")
                        || finding.rule().startsWith("coverage.")) {
                    if (!finding.rule().equals("equity.cap")
                            && finding.outcome().ordinal() > outcome.ordinal()
                            && !chosen.rules().contains(finding.rule())) {
                        findings.set(i, finding.overriddenBy(chosen.rule()));
                    }
                }
            }
            conditions.addAll(chosen.conditions());
            // A prohibition closes the field to foreign equity whoever applies: the cap is nil even for a domestic
            // applicant.
            var prohibited = false;
            for (var finding : findings) {
                prohibited |= finding.rule().equals("content.prohibited");
            }
            var serviceOutcome = Outcome.PERMITTED;
            for (var finding : findings) {
                if (finding.stands()) {
                    serviceOutcome = serviceOutcome.and(finding.outcome());
                }
            }
            if (serviceOutcome == Outcome.PERMITTED) {
                hints.clear();
            } else {
                for (var route : routes) {
                    hints.addAll(route.hints());
                }
            }
            return new ServiceDetermination(
                    service.code(),
                    service.item(),
                    label,
                    serviceOutcome,
                    prohibited ? BigDecimal.ZERO : chosen.cap(),
                    prohibited ? "content.prohibited" : chosen.rule(),
                    conditions,
                    findings,
                    distinct(hints));
        }

        private ServiceDetermination basicTelecom(
                RequestedService service,
                Bilingual label,
                List<Finding> findings,
                List<Bilingual> conditions,
                List<Bilingual> hints) {
            var asVas = at("equity.basic-cap-as-vas");
            var value = asVas.isPresent() && matches(asVas.get().strings(), service)
                    ? require("equity.vas-cap")
                    : require("equity.basic-cap");
            var cap = value.decimal();
            var over = equity.compareTo(cap) > 0;
            findings.add(finding(
                    "equity.basic-telecom",
                    over ? Outcome.NOT_PERMITTED : Outcome.PERMITTED,
                    pack.template(over ? "equity.basic.exceeded" : "equity.basic.within")
                            .fill("equity", equityText, "cap", capText(cap)),
                    value));
            var scopeValue = require("scope.basic-telecom");
            findings.add(finding(
                    "scope.basic-telecom",
                    Outcome.REFER,
                    pack.template("scope.basic").fill("service", label),
                    scopeValue));
            if (over) {
                hints.add(pack.template("hint.basic-cap").fill("cap", capText(cap)));
            }
            return new ServiceDetermination(
                    service.code(),
                    service.item(),
                    label,
                    over ? Outcome.NOT_PERMITTED : Outcome.REFER,
                    cap,
                    over ? "equity.basic-telecom" : "scope.basic-telecom",
                    conditions,
                    findings,
                    distinct(hints));
        }

        private void content(
                RequestedService service,
                Bilingual label,
                List<Finding> findings,
                List<Bilingual> conditions,
                List<Bilingual> hints) {
            if (service.content().isEmpty()) {
                return;
            }
            var prohibited = require("equity.prohibited-content");
            var banned = new ArrayList<String>(4);
            for (var type : ContentType.values()) {
                if (service.content().contains(type) && prohibited.strings().contains(type.name())) {
                    banned.add(type.name());
                }
            }
            if (!banned.isEmpty()) {
                var names = contentNames(banned);
                if (request.foreignInvested()) {
                    findings.add(finding(
                            "content.prohibited",
                            Outcome.NOT_PERMITTED,
                            pack.template("content.prohibited").fill("content", names, "service", label),
                            prohibited));
                    hints.add(pack.template("hint.content").fill("content", names));
                } else {
                    findings.add(finding(
                            "content.prohibited",
                            Outcome.PERMITTED,
                            pack.template("content.domestic").fill("content", names),
                            prohibited));
                }
            }
            var approval = require("content.prior-approval");
            var all = service.content().stream().map(Enum::name).sorted().toList();
            var condition = pack.template("content.prior-approval").fill("content", contentNames(all));
            conditions.add(condition);
            findings.add(finding("content.prior-approval", Outcome.PERMITTED, condition, approval));
        }

        private Bilingual contentNames(List<String> types) {
            var zh = new StringBuilder();
            var en = new StringBuilder();
            for (var type : types) {
                var name = pack.message("content." + type);
                if (!zh.isEmpty()) {
                    zh.append("、");
                    en.append(", ");
                }
                zh.append(name.zh());
                en.append(name.en());
            }
            return new Bilingual(zh.toString(), en.toString());
        }

        private Route nationalRoute(
                RequestedService service, Bilingual label, List<Finding> findings, List<Bilingual> hints) {
            var capValue = require("equity.vas-cap");
            var exempt = require("equity.vas-cap-exempt");
            var rules = new ArrayList<String>(3);
            rules.add("equity.national-cap");
            if (matches(exempt.strings(), service)) {
                findings.add(finding(
                        "equity.national-cap",
                        Outcome.PERMITTED,
                        pack.template("equity.national.exempt").fill("service", label),
                        exempt));
                var opening = at("equity.ecommerce-opening");
                if (opening.isPresent() && matches(opening.get().strings(), service)) {
                    findings.add(finding(
                            "equity.ecommerce-opening",
                            Outcome.PERMITTED,
                            pack.template("equity.ecommerce").fill("service", label),
                            opening.get()));
                    rules.add("equity.ecommerce-opening");
                }
                return new Route("equity.national-cap", null, Outcome.PERMITTED, exempt, rules, List.of(), List.of());
            }
            var cap = capValue.decimal();
            var over = equity.compareTo(cap) > 0;
            findings.add(finding(
                    "equity.national-cap",
                    over ? Outcome.NOT_PERMITTED : Outcome.PERMITTED,
                    pack.template(over ? "equity.national.exceeded" : "equity.national.within")
                            .fill("equity", equityText, "cap", capText(cap), "service", label),
                    capValue));
            var routeHints = new ArrayList<Bilingual>(2);
            if (over) {
                routeHints.add(pack.template("hint.national-cap").fill("cap", capText(cap)));
            }
            var ceiling = Outcome.PERMITTED;
            var wto = at("equity.wto-uncommitted");
            if (request.foreignInvested()
                    && wto.isPresent()
                    && matches(wto.get().strings(), service)) {
                var decides = wto.get().confidence().decides();
                var outcome = decides ? Outcome.NOT_PERMITTED : Outcome.REFER;
                findings.add(finding(
                        "equity.wto-commitments",
                        outcome,
                        pack.template("equity.wto").fill("service", label),
                        wto.get()));
                rules.add("equity.wto-commitments");
                ceiling = outcome;
                var pilot = pack.parameter("pilot.services").values();
                if (pilot.stream().anyMatch(v -> matches(v.strings(), service))) {
                    routeHints.add(pack.message("hint.wto"));
                }
            }
            return new Route("equity.national-cap", cap, ceiling, capValue, rules, List.of(), routeHints);
        }

        private void hainanRoutes(
                RequestedService service,
                Bilingual label,
                List<Finding> findings,
                List<Bilingual> conditions,
                List<Bilingual> hints,
                List<Route> routes) {
            if (hainan == null || !hainan.inForceOn(date) || !request.foreignInvested()) {
                return;
            }
            var seat = membership(
                    hainan, request.applicant().seat(), request.applicant().zones());
            if (seat == Membership.OUTSIDE) {
                return;
            }
            var open = at("equity.hainan-ftp-open");
            if (open.isPresent() && matches(open.get().strings(), service)) {
                var outcome = seat == Membership.INSIDE ? Outcome.PERMITTED : Outcome.REFER;
                findings.add(finding(
                        "equity.hainan-ftp",
                        outcome,
                        pack.template(seat == Membership.INSIDE ? "equity.hainan.open" : "equity.hainan.partly")
                                .fill("service", label),
                        open.get()));
                routes.add(new Route(
                        "equity.hainan-ftp",
                        null,
                        outcome,
                        open.get(),
                        List.of("equity.hainan-ftp"),
                        List.of(),
                        List.of()));
            }
            var idc = at("coverage.hainan-idc-cdn");
            if (idc.isPresent() && matches(idc.get().strings(), service) && seat == Membership.INSIDE) {
                var hainanCode = hainan.divisions().getFirst();
                var coverageInside =
                        !service.nationwide() && service.coverage().stream().allMatch(c -> c.equals(hainanCode));
                var facilitiesInside = service.facilities().stream()
                        .allMatch(f -> membership(hainan, f, List.of()) == Membership.INSIDE);
                if (coverageInside && facilitiesInside) {
                    var capValue = require("equity.vas-cap");
                    var routeConditions = service.facilities().isEmpty()
                            ? List.of(pack.message("condition.hainan-facilities"))
                            : List.<Bilingual>of();
                    findings.add(finding(
                            "coverage.hainan-idc-cdn",
                            Outcome.PERMITTED,
                            pack.template("coverage.hainan.met").fill("service", label),
                            idc.get()));
                    routes.add(new Route(
                            "coverage.hainan-idc-cdn",
                            capValue.decimal(),
                            idc.get().confidence().decides() ? Outcome.PERMITTED : Outcome.REFER,
                            idc.get(),
                            List.of("coverage.hainan-idc-cdn", "equity.national-cap"),
                            routeConditions,
                            List.of()));
                } else {
                    hints.add(pack.message("hint.hainan-idc"));
                }
            }
        }

        private void ftzRoute(RequestedService service, Bilingual label, List<Finding> findings, List<Route> routes) {
            if (!request.foreignInvested()
                    || !request.applicant()
                            .zones()
                            .contains(require("equity.ftz-zone").text())) {
                return;
            }
            var noCap = at("equity.ftz-no-cap");
            var atCap = at("equity.ftz-open-at-cap");
            DatedValue value = null;
            BigDecimal cap = null;
            if (noCap.isPresent() && matches(noCap.get().strings(), service)) {
                value = noCap.get();
            } else if (atCap.isPresent() && matches(atCap.get().strings(), service)) {
                value = atCap.get();
                cap = require("equity.vas-cap").decimal();
            }
            if (value == null) {
                return;
            }
            var outcome = value.confidence().decides() ? Outcome.PERMITTED : Outcome.REFER;
            findings.add(finding(
                    "equity.ftz-opening",
                    outcome,
                    pack.template(cap == null ? "equity.ftz.no-cap" : "equity.ftz.at-cap")
                            .fill("service", label, "cap", cap == null ? "" : capText(cap)),
                    value));
            routes.add(new Route(
                    "equity.ftz-opening", cap, outcome, value, List.of("equity.ftz-opening"), List.of(), List.of()));
        }

        private void pilotRoute(
                RequestedService service,
                Bilingual label,
                List<Finding> findings,
                List<Bilingual> hints,
                List<Route> routes) {
            var services = at("pilot.services");
            var anyPilot = pack.parameter("pilot.services").values().getFirst();
            if (!request.foreignInvested()) {
                return;
            }
            var eligible =
                    services.isPresent() && matches(services.get().strings(), service) && !excludedContent(service);
            if (services.isEmpty()) {
                if (matches(anyPilot.strings(), service) && !date.isAfter(anyPilot.from())) {
                    for (var area : pilotAreas) {
                        if (!ownLists(area)
                                && membership(
                                                area,
                                                request.applicant().seat(),
                                                request.applicant().zones())
                                        != Membership.OUTSIDE) {
                            hints.add(pack.template("hint.pilot-later")
                                    .fill(
                                            "area",
                                            area.name(),
                                            "date",
                                            area.from().toString()));
                        }
                    }
                }
                if (pilotAreas.stream().noneMatch(EligibilityEngine.this::ownLists)) {
                    return;
                }
            }
            Area area = null;
            Opening opening = null;
            var seat = Membership.OUTSIDE;
            for (var candidate : pilotAreas) {
                if (!candidate.inForceOn(date)) {
                    continue;
                }
                var opens = opening(candidate, service, eligible ? services.get() : null);
                if (opens == null) {
                    continue;
                }
                var membership = membership(
                        candidate,
                        request.applicant().seat(),
                        request.applicant().zones());
                if (membership.ordinal() < seat.ordinal()) {
                    seat = membership;
                    area = candidate;
                    opening = opens;
                }
            }
            if (area == null || opening == null) {
                if (eligible) {
                    hints.add(pack.message("hint.pilot-seat"));
                }
                return;
            }
            var rules = new ArrayList<String>(3);
            rules.add("pilot.vas-opening");
            var ceiling = Outcome.PERMITTED;
            var confidence = opening.value()
                    .confidence()
                    .weakest(area.extentConfidence())
                    .weakest(require("pilot.seat-in-area").confidence());
            var routeHints = new ArrayList<Bilingual>(2);
            var pilotOutcome = Outcome.PERMITTED;
            Bilingual message;
            if (seat == Membership.PARTLY) {
                pilotOutcome = Outcome.REFER;
                message = pack.template("pilot.seat-partly").fill("area", area.name());
                routeHints.add(pack.template("hint.pilot-zone").fill("area", area.name()));
            } else if (!area.extentConfidence().decides()) {
                pilotOutcome = Outcome.REFER;
                message = pack.template("pilot.extent-uncertain").fill("area", area.name(), "note", area.extentNote());
            } else if (opening.cap() != null) {
                message = pack.template("pilot.applies-at-cap")
                        .fill("area", area.name(), "service", label, "cap", capText(opening.cap()));
            } else {
                message = pack.template("pilot.applies").fill("area", area.name(), "service", label);
            }
            findings.add(new Finding("pilot.vas-opening", pilotOutcome, message, area.citation(), confidence, null));
            ceiling = ceiling.and(pilotOutcome);

            var facilitiesRule = require("pilot.facilities-in-area");
            var conditions = new ArrayList<Bilingual>(3);
            conditions.add(pack.message("condition.pilot-approval"));
            if (service.facilities().isEmpty()) {
                conditions.add(pack.template("condition.pilot-facilities").fill("area", area.name()));
            } else {
                var worst = Membership.INSIDE;
                for (var facility : service.facilities()) {
                    var m = membership(area, facility, List.of());
                    if (m.ordinal() > worst.ordinal()) {
                        worst = m;
                    }
                }
                var outcome = switch (worst) {
                    case INSIDE -> Outcome.PERMITTED;
                    case PARTLY -> Outcome.REFER;
                    case OUTSIDE -> facilitiesRule.confidence().decides() ? Outcome.NOT_PERMITTED : Outcome.REFER;
                };
                findings.add(finding(
                        "pilot.facilities",
                        outcome,
                        pack.template(
                                        switch (worst) {
                                            case INSIDE -> "pilot.facilities.inside";
                                            case PARTLY -> "pilot.facilities.partly";
                                            case OUTSIDE -> "pilot.facilities.outside";
                                        })
                                .fill("area", area.name()),
                        facilitiesRule));
                rules.add("pilot.facilities");
                ceiling = ceiling.and(outcome);
                if (outcome != Outcome.PERMITTED) {
                    routeHints.add(pack.template("hint.pilot-facilities").fill("area", area.name()));
                }
            }
            var confined = at("pilot.coverage-confined", area);
            if (confined.isPresent() && matches(confined.get().strings(), service)) {
                var areaProvince = area.divisions().isEmpty()
                        ? ""
                        : area.divisions().getFirst().substring(0, 2) + "0000";
                var beyond = service.nationwide()
                        || service.coverage().stream()
                                .anyMatch(c -> !c.substring(0, 2).equals(areaProvince.substring(0, 2)));
                if (beyond) {
                    var outcome = confined.get().confidence().decides() ? Outcome.NOT_PERMITTED : Outcome.REFER;
                    findings.add(finding(
                            "pilot.coverage",
                            outcome,
                            pack.template("pilot.coverage.beyond").fill("area", area.name(), "service", label),
                            confined.get()));
                    rules.add("pilot.coverage");
                    ceiling = ceiling.and(outcome);
                    routeHints.add(pack.template("hint.pilot-coverage").fill("area", area.name()));
                }
            } else {
                var nationwide = at("pilot.nationwide-coverage", area);
                if (nationwide.isPresent()
                        && (service.nationwide() || service.coverage().size() > 1)) {
                    findings.add(finding(
                            "pilot.coverage",
                            Outcome.PERMITTED,
                            pack.template("pilot.coverage.nationwide").fill("area", area.name()),
                            nationwide.get()));
                    rules.add("pilot.coverage");
                }
            }
            routes.add(new Route(
                    "pilot.vas-opening",
                    opening.cap(),
                    ceiling,
                    area.citation(),
                    confidence,
                    rules,
                    conditions,
                    routeHints));
        }

        /**
         * Whether {@code area} opens {@code service} on the date, and with which value and cap: by the area's own lists
         * ({@code pilot.services.<area>} without a cap, {@code pilot.services-at-cap.<area>} up to the national cap) when
         * the pack gives it any, else by the 2024 pilot's list, passed in as {@code common} when it opens the service.
         */
        private @Nullable Opening opening(Area area, RequestedService service, @Nullable DatedValue common) {
            if (!ownLists(area)) {
                return common == null ? null : new Opening(common, null);
            }
            var open = values.get(OWN_SERVICES + area.id());
            if (open != null && matches(open.strings(), service) && !excludedContent(service)) {
                return new Opening(open, null);
            }
            var atCap = values.get(OWN_SERVICES_AT_CAP + area.id());
            if (atCap != null && matches(atCap.strings(), service) && !excludedContent(service)) {
                return new Opening(atCap, require("equity.vas-cap").decimal());
            }
            return null;
        }

        private boolean excludedContent(RequestedService service) {
            if (service.content().isEmpty()) {
                return false;
            }
            var excluded = require("pilot.excluded-content").strings();
            for (var type : service.content()) {
                if (excluded.contains(type.name())) {
                    return true;
                }
            }
            return false;
        }

        /** The route with the best outcome; on a tie the earliest, so the general rule wins over exceptions. */
        private Route choose(List<Route> routes) {
            Route best = routes.getFirst();
            var bestOutcome = best.outcomeFor(equity);
            for (int i = 1; i < routes.size(); i++) {
                var route = routes.get(i);
                var outcome = route.outcomeFor(equity);
                if (outcome.ordinal() < bestOutcome.ordinal()) {
                    best = route;
                    bestOutcome = outcome;
                }
            }
            return best;
        }

        private Bilingual capMessage(Route route, Outcome outcome, Bilingual label) {
            var cap = route.cap() == null
                    ? pack.message("cap.none")
                    : pack.template("cap.some").fill("cap", capText(route.cap()));
            var key = switch (outcome) {
                case PERMITTED -> "equity.cap.permitted";
                case REFER -> "equity.cap.refer";
                case NOT_PERMITTED -> "equity.cap.not-permitted";
            };
            return pack.template(key).fill("equity", equityText, "cap", cap, "service", label, "rule", route.rule());
        }

        private Bilingual label(ServiceCategory category, RequestedService service) {
            var label = labels.get(service.key());
            if (label == null) {
                throw new IllegalStateException("No catalogue entry " + service.key() + " in " + category.code());
            }
            return label;
        }

        private Finding finding(String rule, Outcome outcome, Bilingual message, DatedValue value) {
            return Finding.of(rule, outcome, message, value);
        }
    }

    /** Whether a service matches a list of {@code CODE} or {@code CODE/ITEM} entries. */
    static boolean matches(List<String> entries, RequestedService service) {
        for (var entry : entries) {
            if (entry.equals(service.code()) || (service.item() != null && isKey(entry, service))) {
                return true;
            }
        }
        return false;
    }

    /** The parameter that opens services in one pilot area only: {@code pilot.services.<area id>}. */
    static final String OWN_SERVICES = "pilot.services.";

    /** The parameter that opens services up to the national cap in one pilot area: {@code …at-cap.<area id>}. */
    static final String OWN_SERVICES_AT_CAP = "pilot.services-at-cap.";

    /**
     * Whether {@code area} has service lists of its own. A later measure can open fewer services in more places than the
     * 2024 pilot (the 2025 twenty-city plan: app stores and user internet access without a cap, IP-VPN up to 50%), so
     * an area may carry its own lists instead of the pilot's.
     */
    private boolean ownLists(Area area) {
        return ownListAreas.contains(area.id());
    }

    /** What opens a service in a pilot area: the dated value that lists it and the cap, {@code null} for none. */
    private record Opening(DatedValue value, @Nullable BigDecimal cap) {}

    /**
     * Every parameter's value on {@code date}. Requests cluster on few dates (mostly today), and looking each value up
     * by date was a tenth of the engine's time; the memory is bounded by the number of dates kept.
     */
    private java.util.Map<String, DatedValue> valuesOn(LocalDate date) {
        var known = valuesByDate.get(date);
        if (known != null) {
            return known;
        }
        var values = new java.util.HashMap<String, DatedValue>();
        for (var parameter : pack.parameters().values()) {
            parameter.at(date).ifPresent(value -> values.put(parameter.key().intern(), value));
        }
        if (valuesByDate.size() < 4_096) {
            valuesByDate.put(date, values);
        }
        return values;
    }

    /**
     * {@link Area#membership}, remembering each division's answer: it depends only on the pack, and every service of
     * every request asks it again. Declared zones are checked first, as the area does; the memory is bounded in case
     * callers pass codes the pack does not list.
     */
    private Membership membership(Area area, String division, java.util.Collection<String> declaredZones) {
        for (var zone : declaredZones) {
            if (area.zones().contains(zone)) {
                return Membership.INSIDE;
            }
        }
        var known = memberships.get(area);
        var membership = known.get(division);
        if (membership == null) {
            membership = area.membership(division, List.of());
            if (known.size() < 20_000) {
                known.put(division, membership);
            }
        }
        return membership;
    }

    /** Whether {@code entry} is {@code CODE/ITEM} of the service, compared without building the key. */
    private static boolean isKey(String entry, RequestedService service) {
        var code = service.code();
        var item = service.item();
        return entry.length() == code.length() + 1 + item.length()
                && entry.startsWith(code)
                && entry.charAt(code.length()) == '/'
                && entry.endsWith(item);
    }

    /**
     * One provision under which the service could be offered.
     *
     * @param cap the cap under this provision, or {@code null} for none
     * @param ceiling the best outcome this provision can give: {@link Outcome#REFER} when it rests on uncertain facts
     * @param rules the findings that belong to this provision and so are never overridden by choosing it
     */
    private record Route(
            String rule,
            @Nullable BigDecimal cap,
            Outcome ceiling,
            Citation citation,
            Confidence confidence,
            List<String> rules,
            List<Bilingual> conditions,
            List<Bilingual> hints) {

        Route(
                String rule,
                @Nullable BigDecimal cap,
                Outcome ceiling,
                DatedValue value,
                List<String> rules,
                List<Bilingual> conditions,
                List<Bilingual> hints) {
            this(rule, cap, ceiling, value.citation(), value.confidence(), rules, conditions, hints);
        }

        Outcome outcomeFor(BigDecimal equity) {
            return cap != null && equity.compareTo(cap) > 0 ? Outcome.NOT_PERMITTED : ceiling;
        }
    }
}
