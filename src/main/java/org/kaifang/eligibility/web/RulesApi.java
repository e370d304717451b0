package org.kaifang.eligibility.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.eligibility.EligibilityCheck;
import org.kaifang.eligibility.InputProblem;
import org.kaifang.eligibility.InvalidRequest;
import org.kaifang.eligibility.OpeningTable;
import org.kaifang.rules.Division;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/rules}: the rule pack in force, its catalogue and divisions, and what is open where. */
@RestController
@RequestMapping("/api/v1/rules")
@Tag(name = "Rules", description = "The rule pack: catalogue, divisions, pilot areas, and what is open where")
class RulesApi {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final EligibilityCheck check;
    private final Clock clock;

    RulesApi(EligibilityCheck check, Clock clock) {
        this.check = check;
        this.clock = clock;
    }

    @GetMapping("/pack")
    @Operation(summary = "The rule pack new determinations are made under")
    Map<String, Object> pack() {
        var pack = check.pack();
        var result = new LinkedHashMap<String, Object>();
        result.put("id", pack.id());
        result.put("version", pack.version());
        result.put("digest", pack.ref().digest());
        result.put("title", pack.title());
        result.put("coverageFrom", pack.coverageFrom().toString());
        result.put("instruments", pack.instruments().values());
        result.put("areas", pack.areas());
        result.put("zones", pack.zones().values());
        return result;
    }

    @GetMapping("/catalogue")
    @Operation(summary = "The Telecommunications Services Classification Catalogue as encoded")
    Object catalogue() {
        return check.pack().catalogue().all();
    }

    @GetMapping("/divisions")
    @Operation(summary = "Search administrative divisions by code or name (Chinese or English)")
    List<Division> divisions(@RequestParam(name = "q", defaultValue = "") String query) {
        var q = query.strip().toLowerCase(Locale.ROOT);
        return check.pack().divisions().listed().stream()
                .filter(d -> q.isEmpty()
                        || d.code().startsWith(q)
                        || d.name().zh().contains(query.strip())
                        || d.name().en().toLowerCase(Locale.ROOT).contains(q))
                .limit(50)
                .toList();
    }

    @GetMapping("/opening")
    @Operation(summary = "What is open to foreign investment where on a date (default: today in China)")
    OpeningTable.Table opening(
            @RequestParam(name = "asOf", required = false) @Nullable String asOf,
            @RequestParam(name = "area", required = false) @Nullable String area) {
        var date = date(asOf);
        try {
            return OpeningTable.compute(check.engine(), date, area == null || area.isBlank() ? null : area);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(List.of(new InputProblem("/area", e.getMessage())));
        }
    }

    private LocalDate date(@Nullable String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now(clock.withZone(CHINA));
        }
        try {
            var date = LocalDate.parse(asOf);
            if (date.getYear() > 9999) {
                throw new InvalidRequest(List.of(new InputProblem("/asOf", "year must have four digits")));
            }
            if (date.isBefore(check.pack().coverageFrom())) {
                throw new InvalidRequest(List.of(new InputProblem(
                        "/asOf",
                        "the rule pack covers dates from " + check.pack().coverageFrom())));
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(List.of(new InputProblem("/asOf", "must be a date (YYYY-MM-DD)")));
        }
    }
}
