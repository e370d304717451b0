package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kaifang.ownership.InvalidStructure;
import org.kaifang.ownership.OwnershipAnalyses;
import org.kaifang.ownership.OwnershipAnalysis;
import org.kaifang.ownership.OwnershipStructure;
import org.kaifang.ownership.StructureReader;
import org.kaifang.rules.Divisions;
import org.kaifang.rules.RulePack;
import org.kaifang.screening.Party;
import org.kaifang.screening.PartyKind;
import org.kaifang.screening.Screening;
import tools.jackson.databind.JsonNode;

/**
 * Turns a determination request as parsed from JSON or YAML into validated facts, checking every field against the
 * contract and the rule pack. Reports every problem at once, each located by a JSON pointer.
 */
public final class RequestReader {

    static final int MAX_SERVICES = 50;
    static final int MAX_TEXT = 500;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_CAPITAL = new BigDecimal("1000000000000000");
    /**
     * {@code licence} names the licence (number or id) a CHANGE or RENEWAL application is about; the licensing module
     * reads it when the application is approved, and the determination ignores it.
     */
    private static final Set<String> REQUEST_FIELDS =
            Set.of("asOf", "applicant", "foreignEquityPercent", "ownership", "services", "licence", "holder");

    /**
     * {@code holder} states what a licence records about its holder beyond the applicant's facts: its legal
     * representative and its shareholders with their shares. A CHANGE application amends the licence with them when
     * approved; the determination ignores them, but they are checked here so that bad input is refused on submission.
     */
    private static final Set<String> HOLDER_FIELDS = Set.of("legalRepresentative", "shareholders");

    private static final Set<String> SHAREHOLDER_FIELDS = Set.of("name", "percent");

    /**
     * {@code legalRepresentative} and {@code address} are the applicant's particulars an application form carries (the
     * applicant's wizard asks for them); they are checked as text and the determination ignores them.
     */
    private static final Set<String> APPLICANT_FIELDS = Set.of(
            "name", "uscc", "seat", "zones", "registeredCapitalCny", "creditStatus", "legalRepresentative", "address");

    private static final Set<String> SERVICE_FIELDS = Set.of("code", "item", "coverage", "facilities", "content");

    private final RulePack pack;
    private final @Nullable Screening screening;

    /** A reader that does not screen: its requests say nothing about restricted parties. */
    public RequestReader(RulePack pack) {
        this(pack, null);
    }

    /**
     * A reader that screens the applicant and every party of a given ownership structure against {@code screening}'s
     * lists as of the request's date, so that the engine can judge restricted parties.
     */
    public RequestReader(RulePack pack, @Nullable Screening screening) {
        this.pack = pack;
        this.screening = screening;
    }

    /**
     * Reads {@code body}.
     *
     * @throws InvalidRequest listing every problem when the request cannot be judged
     */
    public DeterminationRequest read(@Nullable JsonNode body) {
        var problems = new ArrayList<InputProblem>();
        var request = read(body, problems);
        if (request == null || !problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return request;
    }

    private @Nullable DeterminationRequest read(@Nullable JsonNode body, List<InputProblem> problems) {
        if (body == null || !body.isObject()) {
            problems.add(new InputProblem("", "the request must be a JSON object"));
            return null;
        }
        unknownFields(body, "", REQUEST_FIELDS, problems);
        var asOf = asOf(body, problems);
        var applicant = applicant(body.get("applicant"), problems);
        var structured = ownership(body, asOf, problems);
        var ownership = structured == null ? null : structured.analysis();
        var equity = ownership != null ? lookThrough(ownership) : equity(body, problems);
        var services = services(body.get("services"), problems);
        holder(body.get("holder"), problems);
        if (asOf == null || applicant == null || equity == null || services == null || !problems.isEmpty()) {
            return null;
        }
        var screened = screening == null
                ? null
                : screen(screening, applicant, structured == null ? null : structured.structure(), asOf);
        return new DeterminationRequest(asOf, applicant, equity, services, ownership, screened);
    }

    private static void holder(@Nullable JsonNode node, List<InputProblem> problems) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            problems.add(new InputProblem("/holder", "must be an object"));
            return;
        }
        unknownFields(node, "/holder", HOLDER_FIELDS, problems);
        var representative = node.get("legalRepresentative");
        if (representative != null
                && !representative.isNull()
                && (!representative.isString()
                        || representative.asString().isBlank()
                        || representative.asString().length() > 200)) {
            problems.add(new InputProblem("/holder/legalRepresentative", "must be a name of 1 to 200 characters"));
        }
        var shareholders = node.get("shareholders");
        if (shareholders == null || shareholders.isNull()) {
            return;
        }
        if (!shareholders.isArray() || shareholders.size() > 200) {
            problems.add(new InputProblem("/holder/shareholders", "must be a list of up to 200 shareholders"));
            return;
        }
        var total = java.math.BigDecimal.ZERO;
        for (int i = 0; i < shareholders.size(); i++) {
            var pointer = "/holder/shareholders/" + i;
            var holder = shareholders.get(i);
            if (!holder.isObject()) {
                problems.add(new InputProblem(pointer, "must be an object {name, percent}"));
                continue;
            }
            unknownFields(holder, pointer, SHAREHOLDER_FIELDS, problems);
            var name = holder.get("name");
            if (name == null
                    || !name.isString()
                    || name.asString().isBlank()
                    || name.asString().length() > 500) {
                problems.add(new InputProblem(pointer + "/name", "is required: a name of up to 500 characters"));
            }
            var percent = holder.get("percent");
            if (percent == null || !percent.isNumber()) {
                problems.add(new InputProblem(pointer + "/percent", "is required: a number from 0 to 100"));
                continue;
            }
            java.math.BigDecimal value;
            try {
                value = percent.decimalValue();
            } catch (NumberFormatException | ArithmeticException e) {
                // A double read as infinity or NaN has no decimal value.
                problems.add(new InputProblem(pointer + "/percent", "must be from 0 to 100"));
                continue;
            }
            if (value.signum() < 0 || value.compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
                problems.add(new InputProblem(pointer + "/percent", "must be from 0 to 100"));
            } else {
                total = total.add(value);
            }
        }
        if (total.compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
            problems.add(new InputProblem("/holder/shareholders", "the shares add up to more than 100%"));
        }
    }

    private static void unknownFields(JsonNode node, String pointer, Set<String> known, List<InputProblem> problems) {
        for (var name : node.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(new InputProblem(pointer + "/" + escape(name), "unknown field"));
            }
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private @Nullable LocalDate asOf(JsonNode body, List<InputProblem> problems) {
        var node = body.get("asOf");
        if (node == null || node.isNull()) {
            problems.add(new InputProblem("/asOf", "is required: the legal date to judge by (YYYY-MM-DD)"));
            return null;
        }
        if (!node.isString()) {
            problems.add(new InputProblem("/asOf", "must be an ISO date string (YYYY-MM-DD)"));
            return null;
        }
        try {
            var date = LocalDate.parse(node.asString());
            if (date.isBefore(pack.coverageFrom())) {
                problems.add(new InputProblem(
                        "/asOf",
                        "the rule pack " + pack.id() + " " + pack.version() + " covers dates from "
                                + pack.coverageFrom() + ", not " + date));
                return null;
            }
            if (date.getYear() > 9999) {
                problems.add(new InputProblem("/asOf", "year must have four digits"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new InputProblem(
                    "/asOf", "must be a valid ISO date (YYYY-MM-DD), not '" + clip(node.asString()) + "'"));
            return null;
        }
    }

    private @Nullable Applicant applicant(@Nullable JsonNode node, List<InputProblem> problems) {
        if (node == null || node.isNull()) {
            problems.add(new InputProblem("/applicant", "is required"));
            return null;
        }
        if (!node.isObject()) {
            problems.add(new InputProblem("/applicant", "must be an object"));
            return null;
        }
        var before = problems.size();
        unknownFields(node, "/applicant", APPLICANT_FIELDS, problems);
        var name = text(node, "/applicant", "name", true, problems);
        var uscc = text(node, "/applicant", "uscc", false, problems);
        if (uscc != null) {
            var problem = Uscc.problem(uscc);
            if (problem != null) {
                problems.add(
                        new InputProblem("/applicant/uscc", "is not a valid Unified Social Credit Code: " + problem));
            }
        }
        var seat = text(node, "/applicant", "seat", true, problems);
        text(node, "/applicant", "legalRepresentative", false, problems);
        text(node, "/applicant", "address", false, problems);
        if (seat != null) {
            checkDivision(seat, "/applicant/seat", problems);
        }
        var zones = zones(node.get("zones"), seat, problems);
        BigDecimal capital = null;
        var capitalNode = node.get("registeredCapitalCny");
        if (capitalNode != null && !capitalNode.isNull()) {
            if (!capitalNode.isNumber()) {
                problems.add(new InputProblem("/applicant/registeredCapitalCny", "must be a number of yuan"));
            } else {
                capital = decimal(capitalNode);
                if (capital == null || capital.signum() < 0 || capital.compareTo(MAX_CAPITAL) > 0) {
                    capital = null;
                    problems.add(
                            new InputProblem("/applicant/registeredCapitalCny", "must be between 0 and 10^15 yuan"));
                }
            }
        }
        var credit = EnumSet.noneOf(CreditStatus.class);
        var creditNode = node.get("creditStatus");
        if (creditNode != null && !creditNode.isNull()) {
            if (!creditNode.isArray()) {
                problems.add(new InputProblem("/applicant/creditStatus", "must be a list"));
            } else {
                for (int i = 0; i < creditNode.size(); i++) {
                    var value = creditNode.get(i);
                    var pointer = "/applicant/creditStatus/" + i;
                    if (!value.isString()) {
                        problems.add(new InputProblem(pointer, "must be BAD_LIST or DISHONEST_LIST"));
                        continue;
                    }
                    try {
                        credit.add(CreditStatus.valueOf(value.asString()));
                    } catch (IllegalArgumentException e) {
                        problems.add(new InputProblem(
                                pointer, "must be BAD_LIST or DISHONEST_LIST, not '" + clip(value.asString()) + "'"));
                    }
                }
            }
        }
        if (problems.size() > before || name == null || seat == null || zones == null) {
            return null;
        }
        return new Applicant(name, uscc, seat, zones, capital, credit);
    }

    private @Nullable List<String> zones(@Nullable JsonNode node, @Nullable String seat, List<InputProblem> problems) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(new InputProblem("/applicant/zones", "must be a list of zone ids"));
            return null;
        }
        var zones = new LinkedHashSet<String>();
        var ok = true;
        for (int i = 0; i < node.size(); i++) {
            var pointer = "/applicant/zones/" + i;
            var value = node.get(i);
            if (!value.isString()) {
                problems.add(new InputProblem(pointer, "must be a zone id"));
                ok = false;
                continue;
            }
            var zone = pack.zone(value.asString());
            if (zone.isEmpty()) {
                problems.add(new InputProblem(
                        pointer,
                        "unknown zone '" + clip(value.asString()) + "'; known zones: "
                                + String.join(
                                        ", ",
                                        pack.zones().keySet().stream().sorted().toList())));
                ok = false;
                continue;
            }
            if (seat != null && seat.matches("\\d{6}") && !zone.get().couldContain(seat)) {
                problems.add(
                        new InputProblem(pointer, "zone " + zone.get().id() + " does not lie in division " + seat));
                ok = false;
                continue;
            }
            zones.add(zone.get().id());
            zones.addAll(zone.get().implies());
        }
        return ok ? List.copyOf(zones) : null;
    }

    private @Nullable BigDecimal equity(JsonNode body, List<InputProblem> problems) {
        var equity = body.get("foreignEquityPercent");
        var ownership = body.get("ownership");
        var hasEquity = equity != null && !equity.isNull();
        var hasOwnership = ownership != null && !ownership.isNull();
        if (hasEquity && hasOwnership) {
            problems.add(new InputProblem(
                    "/foreignEquityPercent", "give either foreignEquityPercent or ownership, not both"));
            return null;
        }
        if (hasOwnership) {
            return null;
        }
        if (!hasEquity) {
            problems.add(new InputProblem(
                    "/foreignEquityPercent", "is required (or an ownership structure): total foreign equity, 0-100"));
            return null;
        }
        if (!equity.isNumber()) {
            problems.add(new InputProblem("/foreignEquityPercent", "must be a number from 0 to 100"));
            return null;
        }
        var value = equity.decimalValue();
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            problems.add(new InputProblem(
                    "/foreignEquityPercent",
                    "must be from 0 to 100, not " + value.stripTrailingZeros().toPlainString()));
            return null;
        }
        if (value.stripTrailingZeros().scale() > 4) {
            problems.add(new InputProblem("/foreignEquityPercent", "may have at most 4 decimal places"));
            return null;
        }
        return value;
    }

    /** Screens the applicant under its name and every other party of the structure under its own. */
    private static PartyScreening screen(
            Screening screening, Applicant applicant, @Nullable OwnershipStructure structure, LocalDate asOf) {
        var parties = new ArrayList<PartyScreening.ScreenedParty>();
        parties.add(new PartyScreening.ScreenedParty(
                OwnershipStructure.APPLICANT,
                screening.screen(new Party(applicant.name(), PartyKind.COMPANY, "CN"), asOf)));
        if (structure == null) {
            return new PartyScreening(screening.lists(), parties, List.of());
        }
        for (var party : structure.parties()) {
            if (OwnershipStructure.APPLICANT.equals(party.id())) {
                continue;
            }
            var kind = PartyKind.valueOf(party.kind().name());
            var screened = new Party(party.name(), kind, party.jurisdiction());
            parties.add(new PartyScreening.ScreenedParty(party.id(), screening.screen(screened, asOf)));
        }
        return new PartyScreening(screening.lists(), parties, structure.holdings());
    }

    private record Structured(OwnershipStructure structure, OwnershipAnalysis analysis) {}

    /** The analysed ownership structure, when the request gives one (and not also a figure). */
    private @Nullable Structured ownership(JsonNode body, @Nullable LocalDate asOf, List<InputProblem> problems) {
        var node = body.get("ownership");
        var equity = body.get("foreignEquityPercent");
        if (node == null || node.isNull() || (equity != null && !equity.isNull())) {
            return null;
        }
        try {
            var structure = StructureReader.read(node, "/ownership", false);
            if (asOf == null) {
                return null;
            }
            return new Structured(
                    structure, OwnershipAnalyses.analyser(pack, asOf).analyse(structure));
        } catch (InvalidStructure e) {
            e.problems()
                    .forEach(p -> problems.add(new InputProblem(
                            p.pointer().startsWith("/ownership") ? p.pointer() : "/ownership" + p.pointer(),
                            p.message())));
            return null;
        }
    }

    private static BigDecimal lookThrough(OwnershipAnalysis analysis) {
        return BigDecimal.valueOf(analysis.foreignEquity().lookThrough())
                .setScale(4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    private @Nullable List<RequestedService> services(@Nullable JsonNode node, List<InputProblem> problems) {
        if (node == null || node.isNull()) {
            problems.add(new InputProblem("/services", "is required: at least one service"));
            return null;
        }
        if (!node.isArray()) {
            problems.add(new InputProblem("/services", "must be a list of services"));
            return null;
        }
        if (node.isEmpty()) {
            problems.add(new InputProblem("/services", "must name at least one service"));
            return null;
        }
        if (node.size() > MAX_SERVICES) {
            problems.add(new InputProblem("/services", "may name at most " + MAX_SERVICES + " services"));
            return null;
        }
        var before = problems.size();
        var services = new ArrayList<RequestedService>(node.size());
        var seen = new HashSet<String>();
        for (int i = 0; i < node.size(); i++) {
            var service = service(node.get(i), "/services/" + i, problems);
            if (service != null) {
                if (!seen.add(service.key())) {
                    problems.add(new InputProblem("/services/" + i, "duplicates an earlier service " + service.key()));
                } else {
                    services.add(service);
                }
            }
        }
        return problems.size() > before ? null : services;
    }

    private @Nullable RequestedService service(JsonNode node, String pointer, List<InputProblem> problems) {
        if (!node.isObject()) {
            problems.add(new InputProblem(pointer, "must be an object"));
            return null;
        }
        var before = problems.size();
        unknownFields(node, pointer, SERVICE_FIELDS, problems);
        var code = text(node, pointer, "code", true, problems);
        var item = text(node, pointer, "item", false, problems);
        var category = code == null ? null : pack.catalogue().find(code).orElse(null);
        if (code != null && category == null) {
            problems.add(new InputProblem(
                    pointer + "/code",
                    "unknown service code '" + clip(code) + "': use a catalogue code such as B11 or B25"));
        }
        if (category != null) {
            if (category.hasItems() && item == null) {
                problems.add(new InputProblem(
                        pointer + "/item",
                        "is required for " + code + ": one of "
                                + String.join(
                                        ", ",
                                        category.items().stream()
                                                .map(i -> i.code())
                                                .toList())));
            } else if (category.hasItems() && category.item(item).isEmpty()) {
                problems.add(new InputProblem(
                        pointer + "/item",
                        "unknown item '" + clip(item) + "' for " + code + ": one of "
                                + String.join(
                                        ", ",
                                        category.items().stream()
                                                .map(i -> i.code())
                                                .toList())));
            } else if (!category.hasItems() && item != null) {
                problems.add(new InputProblem(pointer + "/item", code + " has no items"));
            }
        }
        var coverage = codes(node.get("coverage"), pointer + "/coverage", true, true, problems);
        var facilities = codes(node.get("facilities"), pointer + "/facilities", false, false, problems);
        var content = EnumSet.noneOf(ContentType.class);
        var contentNode = node.get("content");
        if (contentNode != null && !contentNode.isNull()) {
            if (!contentNode.isArray()) {
                problems.add(new InputProblem(pointer + "/content", "must be a list"));
            } else if (contentNode.size() > 0 && code != null && !"B25".equals(code)) {
                problems.add(new InputProblem(pointer + "/content", "applies only to B25 information services"));
            } else {
                for (int i = 0; i < contentNode.size(); i++) {
                    var value = contentNode.get(i);
                    try {
                        if (!value.isString()) {
                            throw new IllegalArgumentException();
                        }
                        content.add(ContentType.valueOf(value.asString()));
                    } catch (IllegalArgumentException e) {
                        problems.add(new InputProblem(
                                pointer + "/content/" + i,
                                "must be one of NEWS, PUBLISHING, AUDIOVISUAL, CULTURE, MEDICAL"));
                    }
                }
            }
        }
        if (problems.size() > before || code == null || coverage == null || facilities == null) {
            return null;
        }
        return new RequestedService(
                code, category != null && category.hasItems() ? item : null, coverage, facilities, content);
    }

    private @Nullable List<String> codes(
            @Nullable JsonNode node, String pointer, boolean required, boolean coverage, List<InputProblem> problems) {
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new InputProblem(
                        pointer, "is required: [\"CN\"] for nationwide, or province-level division codes"));
                return null;
            }
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(new InputProblem(pointer, "must be a list of division codes"));
            return null;
        }
        if (required && node.isEmpty()) {
            problems.add(new InputProblem(pointer, "must name at least one area: [\"CN\"] for nationwide"));
            return null;
        }
        if (node.size() > 100) {
            problems.add(new InputProblem(pointer, "may list at most 100 codes"));
            return null;
        }
        var before = problems.size();
        var codes = new LinkedHashSet<String>();
        for (int i = 0; i < node.size(); i++) {
            var value = node.get(i);
            var elementPointer = pointer + "/" + i;
            if (!value.isString()) {
                problems.add(new InputProblem(elementPointer, "must be a division code string"));
                continue;
            }
            var code = value.asString();
            if (coverage && RequestedService.NATIONWIDE.equals(code)) {
                codes.add(code);
                continue;
            }
            if (!checkDivision(code, elementPointer, problems)) {
                continue;
            }
            codes.add(coverage ? code.substring(0, 2) + "0000" : code);
        }
        if (coverage && codes.contains(RequestedService.NATIONWIDE) && codes.size() > 1) {
            problems.add(new InputProblem(pointer, "\"CN\" already covers every province: give it alone"));
        }
        return problems.size() > before ? null : List.copyOf(codes);
    }

    private boolean checkDivision(String code, String pointer, List<InputProblem> problems) {
        switch (pack.divisions().lookup(code)) {
            case Divisions.Lookup.Unknown(var reason) -> {
                problems.add(new InputProblem(pointer, "'" + clip(code) + "' is not a division code: " + reason));
                return false;
            }
            case Divisions.Lookup.Found(var division) -> {
                if (!division.mainland()) {
                    problems.add(new InputProblem(
                            pointer, code + " (" + division.name().en() + ") lies outside mainland China's licensing"));
                    return false;
                }
                return true;
            }
        }
    }

    /** The exact decimal of a JSON number, or {@code null} when it has none (infinite or not a number). */
    private static @Nullable BigDecimal decimal(JsonNode node) {
        try {
            return node.decimalValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static @Nullable String text(
            JsonNode parent, String pointer, String field, boolean required, List<InputProblem> problems) {
        var node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new InputProblem(pointer + "/" + field, "is required"));
            }
            return null;
        }
        if (!node.isString()) {
            problems.add(new InputProblem(pointer + "/" + field, "must be a string"));
            return null;
        }
        var value = node.asString().strip();
        if (value.isEmpty()) {
            problems.add(new InputProblem(pointer + "/" + field, "must not be blank"));
            return null;
        }
        if (value.length() > MAX_TEXT) {
            problems.add(new InputProblem(pointer + "/" + field, "may have at most " + MAX_TEXT + " characters"));
            return null;
        }
        return value;
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
