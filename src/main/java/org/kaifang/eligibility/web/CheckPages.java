package org.kaifang.eligibility.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.eligibility.EligibilityCheck;
import org.kaifang.eligibility.InvalidRequest;
import org.kaifang.eligibility.OpeningTable;
import org.kaifang.rules.Division;
import org.kaifang.rules.ServiceKind;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The eligibility pages: the {@code /check} form, a determination's page, and the table of what is open where. Every
 * form works without JavaScript.
 */
@Controller
class CheckPages {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final EligibilityCheck check;
    private final Clock clock;

    CheckPages(EligibilityCheck check, Clock clock) {
        this.check = check;
        this.clock = clock;
    }

    @GetMapping("/check")
    String form(Model model) {
        return render(model, CheckForm.empty(today().toString()), new LinkedHashMap<>(), List.of());
    }

    @PostMapping("/check")
    String submit(@ModelAttribute CheckForm form, Model model, jakarta.servlet.http.HttpServletResponse response) {
        var errors = new LinkedHashMap<String, String>();
        if (form.serviceList().isEmpty()) {
            errors.put("services", "check.error.services");
        }
        if (!form.nationwide() && form.provinceList().isEmpty()) {
            errors.put("coverage", "check.error.coverage");
        }
        JsonNode structure = null;
        if (form.hasOwnership() && form.hasEquity()) {
            // Judge the figure alone and ask for one or the other, rather than report a clash at the figure.
            errors.put("ownership", "check.error.ownership.both");
        } else {
            try {
                structure = form.ownershipTree();
            } catch (JacksonException e) {
                errors.put("ownership", "check.error.ownership.syntax");
            }
        }
        var request = form.toRequest(structure);
        var structureProblems = new ArrayList<CheckView.StructureProblem>();
        try {
            if (errors.isEmpty()) {
                return "redirect:/determinations/" + check.determine(request).id();
            }
            report(check.problems(request), errors, structureProblems);
        } catch (InvalidRequest e) {
            report(e.problems(), errors, structureProblems);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return render(model, form, errors, structureProblems);
    }

    private static void report(
            List<org.kaifang.eligibility.InputProblem> problems,
            Map<String, String> errors,
            List<CheckView.StructureProblem> structureProblems) {
        for (var p : problems) {
            var field = CheckFields.field(p.pointer());
            errors.putIfAbsent(field, key(p));
            if (field.equals("ownership")) {
                structureProblems.add(
                        new CheckView.StructureProblem(p.pointer().substring("/ownership".length()), p.message()));
            }
        }
    }

    private static String key(org.kaifang.eligibility.InputProblem problem) {
        return "check.error." + CheckFields.field(problem.pointer());
    }

    private String render(
            Model model,
            CheckForm form,
            Map<String, String> errors,
            List<CheckView.StructureProblem> structureProblems) {
        var pack = check.pack();
        var groups = new ArrayList<CheckView.ServiceGroup>();
        for (var category : pack.catalogue().all()) {
            if (category.kind() == ServiceKind.BASIC) {
                continue;
            }
            var options = new ArrayList<CheckView.ServiceOption>();
            for (var item : category.items()) {
                var key = category.code() + "/" + item.code();
                options.add(new CheckView.ServiceOption(
                        key, item.name(), form.serviceList().contains(key)));
            }
            groups.add(new CheckView.ServiceGroup(category.code(), category.name(), options));
        }
        var ordered = new LinkedHashMap<String, String>();
        for (var field : CheckFields.ORDER) {
            if (errors.containsKey(field)) {
                ordered.put(field, errors.get(field));
            }
        }
        model.addAttribute(
                "view",
                new CheckView(
                        form,
                        ordered,
                        groups,
                        pack.divisions().listed().stream()
                                .filter(Division::mainland)
                                .toList(),
                        pack.divisions().provinces().stream()
                                .filter(Division::mainland)
                                .toList(),
                        List.copyOf(pack.zones().values()),
                        pack.id() + " " + pack.version(),
                        pack.coverageFrom().toString(),
                        structureProblems));
        return "eligibility/check";
    }

    @GetMapping("/determinations/{id}")
    String determination(@PathVariable String id, Model model) {
        var stored = DeterminationsApi.parse(id)
                .flatMap(check::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var view = JSON.readValue(stored.json(), DeterminationView.class);
        model.addAttribute("d", view);
        return "eligibility/determination";
    }

    @GetMapping("/rules")
    String rules(
            @RequestParam(name = "asOf", required = false) @Nullable String asOf,
            @RequestParam(name = "area", required = false) @Nullable String area,
            Model model) {
        var pack = check.pack();
        var date = today();
        var dateError = false;
        if (asOf != null && !asOf.isBlank()) {
            try {
                date = LocalDate.parse(asOf.strip());
                if (date.isBefore(pack.coverageFrom())) {
                    dateError = true;
                    date = today();
                }
            } catch (DateTimeParseException e) {
                dateError = true;
            }
        }
        var areaId = area == null || area.isBlank() || pack.area(area).isEmpty() ? null : area;
        var table = OpeningTable.compute(check.engine(), date, areaId);
        model.addAttribute(
                "view",
                new RulesView(
                        table,
                        dateError ? (asOf == null ? "" : asOf) : date.toString(),
                        dateError,
                        areaId == null ? "" : areaId,
                        pack.areas(),
                        pack.id() + " " + pack.version(),
                        pack.ref().digest(),
                        pack.coverageFrom().toString()));
        return "eligibility/rules";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(RulesApi.CHINA));
    }
}
