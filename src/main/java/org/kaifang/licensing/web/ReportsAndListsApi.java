package org.kaifang.licensing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.Role;
import org.kaifang.licensing.AnnualReport;
import org.kaifang.licensing.AnnualReportForm;
import org.kaifang.licensing.AnnualReports;
import org.kaifang.licensing.CreditList;
import org.kaifang.licensing.CreditListEntry;
import org.kaifang.licensing.CreditLists;
import org.kaifang.licensing.LicenceRefused;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Annual reports ({@code /api/v1/licences/{id}/annual-reports/{year}}: the holder saves and submits, a registrar
 * confirms) and the staff side of the credit lists ({@code /api/v1/credit-lists}: the regulator's staff read them,
 * registrars add and remove entries by hand). The public list pages are the register's.
 */
@RestController
@Tag(name = "Annual reports and credit lists", description = "年报 (Order 42 art. 35) and the bad and dishonest lists")
class ReportsAndListsApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FORM_FIELDS = Set.of(
            "business",
            "networkAndChanges",
            "serviceQuality",
            "security",
            "compliance",
            "other",
            "tradeSecrets",
            "publishCompliance",
            "publishOther",
            "commitment");

    private final AnnualReports reports;
    private final CreditLists lists;

    ReportsAndListsApi(AnnualReports reports, CreditLists lists) {
        this.reports = reports;
        this.lists = lists;
    }

    @GetMapping(path = "/api/v1/licences/{id}/annual-reports/{year}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The report on a year: the holder and the regulator's staff")
    AnnualReport report(@PathVariable String id, @PathVariable int year, Authentication authentication) {
        return reports.find(LicencesApi.user(authentication), LicencesApi.id(id), year)
                .orElseThrow(() -> new LicenceRefused(LicenceRefused.Kind.NOT_FOUND, "No report", List.of()));
    }

    @PutMapping(
            path = "/api/v1/licences/{id}/annual-reports/{year}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The holder saves the report as a draft (items may be missing)")
    AnnualReport saveDraft(
            @PathVariable String id,
            @PathVariable int year,
            @RequestBody(required = false) @Nullable String body,
            Authentication authentication) {
        return reports.saveDraft(LicencesApi.user(authentication), LicencesApi.id(id), year, form(body));
    }

    @PostMapping(
            path = "/api/v1/licences/{id}/annual-reports/{year}/submission",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The holder submits the report: items 1-5 and the typed commitment are required")
    AnnualReport submit(
            @PathVariable String id,
            @PathVariable int year,
            @RequestBody(required = false) @Nullable String body,
            Authentication authentication) {
        return reports.submit(LicencesApi.user(authentication), LicencesApi.id(id), year, form(body));
    }

    @PostMapping(
            path = "/api/v1/licences/{id}/annual-reports/{year}/confirmation",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A registrar confirms a submitted report, which takes a late filer off the bad list")
    AnnualReport confirm(@PathVariable String id, @PathVariable int year, Authentication authentication) {
        return reports.confirm(LicencesApi.user(authentication), LicencesApi.id(id), year);
    }

    @GetMapping(path = "/api/v1/credit-lists/{list}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A credit list's entries, those in force first: the regulator's staff")
    List<CreditListEntry> entries(@PathVariable String list, Authentication authentication) {
        var user = LicencesApi.user(authentication);
        if (user.has(Role.APPLICANT)) {
            throw new LicenceRefused(
                    LicenceRefused.Kind.FORBIDDEN, "The staff lists are for the regulator's staff", List.of());
        }
        return lists.entries(list(list));
    }

    @PostMapping(
            path = "/api/v1/credit-lists/{list}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A registrar puts an operator on a list: {operator, uscc?, licenceNumber?, listedOn, reason,"
                    + " authority}")
    CreditListEntry add(
            @PathVariable String list, @RequestBody(required = false) @Nullable String body, Authentication auth) {
        var json = parse(body, Set.of("operator", "uscc", "licenceNumber", "listedOn", "reason", "authority"));
        var problems = new ArrayList<LicenceRefused.Problem>();
        var listedOn = date(json, "listedOn", problems);
        var operator = text(json, "operator", problems);
        var uscc = text(json, "uscc", problems);
        var number = text(json, "licenceNumber", problems);
        var reason = text(json, "reason", problems);
        var authority = text(json, "authority", problems);
        check(problems);
        return lists.add(LicencesApi.user(auth), list(list), operator, uscc, number, listedOn, reason, authority);
    }

    @PostMapping(
            path = "/api/v1/credit-lists/entries/{entry}/removal",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A registrar takes an entry off its list: {reason, removedOn}")
    CreditListEntry remove(
            @PathVariable String entry, @RequestBody(required = false) @Nullable String body, Authentication auth) {
        var json = parse(body, Set.of("reason", "removedOn"));
        var problems = new ArrayList<LicenceRefused.Problem>();
        var on = date(json, "removedOn", problems);
        var reason = text(json, "reason", problems);
        check(problems);
        return lists.remove(LicencesApi.user(auth), entry, reason, on);
    }

    private static CreditList list(String name) {
        return switch (name) {
            case "bad", "BAD" -> CreditList.BAD;
            case "dishonest", "DISHONEST" -> CreditList.DISHONEST;
            default -> throw new LicenceRefused(LicenceRefused.Kind.NOT_FOUND, "No list " + name, List.of());
        };
    }

    private static AnnualReportForm form(@Nullable String body) {
        var json = parse(body, FORM_FIELDS);
        var problems = new ArrayList<LicenceRefused.Problem>();
        var secrets = new HashSet<Integer>();
        var secretNode = json.get("tradeSecrets");
        if (secretNode != null && !secretNode.isNull()) {
            if (!secretNode.isArray()) {
                problems.add(new LicenceRefused.Problem("tradeSecrets", "must be a list of item numbers (1 to 3)"));
            } else {
                for (var n : secretNode) {
                    // canConvertToInt: asInt() throws beyond the int range.
                    if (n.isIntegralNumber() && n.canConvertToInt()) {
                        secrets.add(n.asInt());
                    } else {
                        problems.add(new LicenceRefused.Problem("tradeSecrets", "must hold item numbers (1 to 3)"));
                    }
                }
            }
        }
        var form = new AnnualReportForm(
                text(json, "business", problems),
                text(json, "networkAndChanges", problems),
                text(json, "serviceQuality", problems),
                text(json, "security", problems),
                text(json, "compliance", problems),
                text(json, "other", problems),
                secrets,
                flag(json, "publishCompliance", problems),
                flag(json, "publishOther", problems),
                text(json, "commitment", problems));
        check(problems);
        return form;
    }

    private static void check(List<LicenceRefused.Problem> problems) {
        if (!problems.isEmpty()) {
            throw new LicenceRefused(LicenceRefused.Kind.INVALID, "Invalid input", problems);
        }
    }

    private static boolean flag(JsonNode json, String field, List<LicenceRefused.Problem> problems) {
        var node = json.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            problems.add(new LicenceRefused.Problem(field, "must be true or false"));
            return false;
        }
        return node.asBoolean();
    }

    private static @Nullable LocalDate date(JsonNode json, String field, List<LicenceRefused.Problem> problems) {
        var node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            var day = LocalDate.parse(node.asString());
            // LocalDate reads years like -999999999, which a listing then kept: dates have four-digit years.
            if (day.getYear() < 1000 || day.getYear() > 9999) {
                problems.add(new LicenceRefused.Problem(field, "is not a date (YYYY-MM-DD)"));
                return null;
            }
            return day;
        } catch (DateTimeParseException | JacksonException e) {
            problems.add(new LicenceRefused.Problem(field, "is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static @Nullable String text(JsonNode json, String field, List<LicenceRefused.Problem> problems) {
        var node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            problems.add(new LicenceRefused.Problem(field, "is not a text"));
            return null;
        }
        return node.asString();
    }

    private static JsonNode parse(@Nullable String body, Set<String> fields) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            throw new LicenceRefused(
                    LicenceRefused.Kind.INVALID,
                    "Malformed JSON",
                    List.of(new LicenceRefused.Problem("", "malformed JSON: " + e.getOriginalMessage())));
        }
        if (json == null || !json.isObject()) {
            throw new LicenceRefused(
                    LicenceRefused.Kind.INVALID,
                    "Not an object",
                    List.of(new LicenceRefused.Problem("", "the body must be a JSON object")));
        }
        var problems = new ArrayList<LicenceRefused.Problem>();
        for (var name : json.propertyNames()) {
            if (!fields.contains(name)) {
                problems.add(new LicenceRefused.Problem(name, "is not a field of this request"));
            }
        }
        check(problems);
        return json;
    }
}
