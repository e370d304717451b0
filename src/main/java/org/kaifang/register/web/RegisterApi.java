package org.kaifang.register.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.licensing.CreditList;
import org.kaifang.licensing.CreditListEntry;
import org.kaifang.licensing.LicenceId;
import org.kaifang.licensing.LicenceView;
import org.kaifang.register.HistoryEntry;
import org.kaifang.register.Register;
import org.kaifang.register.RegisterQuery;
import org.kaifang.web.InputProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/register}: the public register as JSON, without a login. Licences are returned whole, as the register
 * shows them; {@code synthetic: true} marks made-up demo data.
 */
@RestController
@RequestMapping(RegisterApi.PATH)
@Tag(name = "Register", description = "The public register of licences and pilot approvals, and the credit lists")
class RegisterApi {

    static final String PATH = "/api/v1/register";

    private final Register register;
    private final Clock clock;

    RegisterApi(Register register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @GetMapping("/licences")
    @Operation(
            summary = "Search licences",
            description = "Every parameter is optional and those given must all hold. Results are ordered by holder"
                    + " name. A filtered search is counted up to "
                    + Register.COUNT_LIMIT + " matches: past that, total is " + Register.COUNT_LIMIT
                    + " and totalCapped is true. Facets count what the search matched (omitted past "
                    + Register.FACET_LIMIT + " matches of a filtered search). Paging stops at "
                    + RegisterQuery.MAX_OFFSET + " results: the bulk data has everything.")
    Map<String, Object> search(
            @Parameter(description = "Part of the holder's Chinese or English name, or a whole USCC or licence number")
                    @RequestParam(required = false)
                    @Nullable
                    String q,
            @Parameter(description = "Catalogue code, e.g. B25") @RequestParam(required = false) @Nullable
                    String service,
            @Parameter(description = "CN, or a division code (counted at province level)")
                    @RequestParam(required = false)
                    @Nullable
                    String area,
            @Parameter(description = "NORMAL, EXPIRED, REVOKED, INVALID, WITHDRAWN or CANCELLED")
                    @RequestParam(required = false)
                    @Nullable
                    String status,
            @RequestParam(required = false) @Nullable String foreignInvested,
            @RequestParam(required = false) @Nullable String pilot,
            @Parameter(description = "From 0") @RequestParam(required = false) @Nullable String page,
            @Parameter(description = "1 to " + RegisterQuery.MAX_SIZE + ", default " + RegisterQuery.DEFAULT_SIZE)
                    @RequestParam(required = false)
                    @Nullable
                    String size) {
        var parameters = new LinkedHashMap<String, @Nullable String>();
        parameters.put("q", q);
        parameters.put("service", service);
        parameters.put("area", area);
        parameters.put("status", status);
        parameters.put("foreignInvested", foreignInvested);
        parameters.put("pilot", pilot);
        parameters.put("page", page);
        parameters.put("size", size);
        var result = register.search(RegisterQuery.parse(parameters));
        var body = new LinkedHashMap<String, Object>();
        body.put("total", result.total());
        body.put("totalCapped", result.capped());
        body.put("page", result.query().page());
        body.put("size", result.query().size());
        body.put("licences", result.licences());
        body.put("facets", result.facets());
        return body;
    }

    @GetMapping("/licences/{id}")
    @Operation(summary = "A licence or pilot approval as it stands")
    LicenceView licence(@PathVariable String id) {
        return register.licence(id(id)).orElseThrow(() -> new NotInRegister("No licence with id " + id));
    }

    @GetMapping("/licences/{id}/history")
    @Operation(summary = "Every version of a licence, oldest first, with what changed, who changed it and why")
    List<HistoryEntry> history(@PathVariable String id) {
        var history = register.history(id(id));
        if (history.isEmpty()) {
            throw new NotInRegister("No licence with id " + id);
        }
        return history;
    }

    @GetMapping("/licences/by-number")
    @Operation(summary = "A licence by its number as printed, e.g. 合字B2-20250145")
    LicenceView byNumber(@RequestParam String number) {
        return register.licenceNumbered(number).orElseThrow(() -> new NotInRegister("No licence numbered " + number));
    }

    @GetMapping("/credit-lists/{list}")
    @Operation(
            summary = "The bad list (BAD) or the dishonest list (DISHONEST)",
            description = "Entries on the list today (in China), or with all=true every entry ever listed, removed ones"
                    + " included, newest first.")
    List<CreditListEntry> creditList(
            @PathVariable String list, @RequestParam(required = false, defaultValue = "false") boolean all) {
        CreditList which;
        try {
            which = CreditList.valueOf(list.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RegisterQuery.InvalidQuery(Map.of("list", "is not BAD or DISHONEST"));
        }
        return register.creditList(which, all ? null : LocalDate.now(clock.withZone(Register.CHINA)));
    }

    static LicenceId id(String id) {
        try {
            return new LicenceId(id);
        } catch (IllegalArgumentException e) {
            throw new NotInRegister("No licence with id " + id);
        }
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(RegisterQuery.InvalidQuery e, HttpServletRequest request) {
        return InputProblems.badRequest(
                "invalid-register-query",
                "Invalid register query",
                "query",
                InputProblems.instance(request, PATH),
                e.problems().entrySet().stream()
                        .map(p -> new InputProblems.Problem("/" + p.getKey(), p.getValue()))
                        .toList());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(NotInRegister e, HttpServletRequest request) {
        return InputProblems.problem(
                HttpStatus.NOT_FOUND, "not-found", e.getMessage(), InputProblems.instance(request, PATH));
    }
}
