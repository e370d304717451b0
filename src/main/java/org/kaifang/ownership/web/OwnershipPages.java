package org.kaifang.ownership.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kaifang.ownership.ControlKind;
import org.kaifang.ownership.CsvStructures;
import org.kaifang.ownership.InvalidStructure;
import org.kaifang.ownership.OwnershipAnalyser;
import org.kaifang.ownership.OwnershipAnalyses;
import org.kaifang.ownership.OwnershipAnalysis;
import org.kaifang.ownership.OwnershipStructure;
import org.kaifang.ownership.Party;
import org.kaifang.ownership.StructureProblem;
import org.kaifang.ownership.StructureReader;
import org.kaifang.rules.RuleCatalogue;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code /ownership}: enter or upload a shareholding structure, see it drawn, and read its look-through foreign equity,
 * the chains that carry it and who controls the applicant. The same structure the API and the command line take; the
 * page works without JavaScript.
 */
@Controller
class OwnershipPages {

    /** Paths, controllers and ultimate owners beyond these are in the API response, not on the page. */
    static final int MAX_PATHS = 10;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Pattern ITEM = Pattern.compile("^/(parties|holdings|control)/(\\d+)(/.*)?$");

    /** The example the form starts with: docs/examples/ownership-lingang.yaml, a cycle included. */
    static final String EXAMPLE = """
            # A German group holds a Lin-gang applicant through a Hong Kong holding and a Shanghai WFOE,
            # with a Chinese co-investor; the WFOE and a domestic affiliate hold each other (a cycle).
            parties:
              - {id: applicant, name: "Example Cloud (Shanghai) Co., Ltd.", kind: COMPANY, jurisdiction: CN}
              - {id: parent, name: "Example AG", kind: COMPANY, jurisdiction: DE}
              - {id: hk, name: "Example (HK) Ltd", kind: COMPANY, jurisdiction: HK}
              - {id: wfoe, name: "Example (Shanghai) Holding Co., Ltd.", kind: COMPANY, jurisdiction: CN}
              - {id: affiliate, name: "上海示例科技有限公司", kind: COMPANY, jurisdiction: CN}
              - {id: partner, name: "张三", kind: PERSON, jurisdiction: CN}
            holdings:
              - {owner: parent, owned: hk, equityPercent: 100}
              - {owner: hk, owned: wfoe, equityPercent: 80}
              - {owner: affiliate, owned: wfoe, equityPercent: 20}
              - {owner: wfoe, owned: affiliate, equityPercent: 30}
              - {owner: partner, owned: affiliate, equityPercent: 70}
              - {owner: wfoe, owned: applicant, equityPercent: 60}
              - {owner: partner, owned: applicant, equityRange: [30, 40]}
            """;

    private final RuleCatalogue rules;
    private final Clock clock;
    private final MessageSource messages;

    OwnershipPages(RuleCatalogue rules, Clock clock, MessageSource messages) {
        this.rules = rules;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/ownership")
    String form(Model model) {
        model.addAttribute("view", view("", EXAMPLE, List.of(), null));
        return "ownership/ownership";
    }

    @PostMapping("/ownership")
    String analyse(
            @RequestParam(name = "asOf", required = false) @Nullable String asOf,
            @RequestParam(name = "structure", required = false) @Nullable String structure,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "parties", required = false) @Nullable MultipartFile parties,
            @RequestParam(name = "holdings", required = false) @Nullable MultipartFile holdings,
            @RequestParam(name = "control", required = false) @Nullable MultipartFile control,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        var text = structure == null ? "" : structure;
        var dateText = asOf == null ? "" : asOf.strip();
        var problems = new ArrayList<OwnershipView.Problem>();
        JsonNode node = null;
        var field = "structure";
        try {
            if (present(parties) || present(holdings) || present(control)) {
                field = "parties";
                if (!present(parties) || !present(holdings)) {
                    problems.add(
                            problem(field, t(locale, "ownership.where.csv"), "", t(locale, "ownership.error.csv")));
                } else {
                    node = CsvStructures.read(read(parties), read(holdings), present(control) ? read(control) : null);
                }
            } else if (present(file)) {
                field = "file";
                text = read(file);
                node = parse(text);
            } else if (text.isBlank()) {
                problems.add(
                        problem(field, t(locale, "ownership.where.structure"), "", t(locale, "ownership.error.empty")));
            } else {
                node = parse(text);
            }
        } catch (JacksonException e) {
            var location = e.getLocation();
            problems.add(problem(
                    field,
                    t(locale, "ownership.where.structure"),
                    "",
                    location == null || location.getLineNr() < 1
                            ? t(locale, "ownership.error.syntax.nowhere")
                            : t(locale, "ownership.error.syntax", location.getLineNr(), location.getColumnNr())));
        } catch (CsvStructures.Malformed e) {
            problems.add(problem(field, t(locale, "ownership.where.csv"), "", e.getMessage()));
        } catch (IOException e) {
            problems.add(problem(field, t(locale, "ownership.where.structure"), "", t(locale, "ownership.error.read")));
        }
        var date = date(dateText, node, locale, problems);
        OwnershipView.Result result = null;
        if (problems.isEmpty() && node != null && date != null) {
            try {
                var parsed = StructureReader.read(node, "", true);
                var analyser = OwnershipAnalyses.analyser(rules.current(), date);
                result = result(parsed, analyser, analyser.analyse(parsed), date, locale);
            } catch (InvalidStructure e) {
                for (var p : e.problems()) {
                    problems.add(problem(field, where(p, node, locale), p.pointer(), p.message()));
                }
            }
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("view", view(dateText, text, problems, result));
        return "ownership/ownership";
    }

    private OwnershipView view(
            String asOf,
            String structure,
            List<OwnershipView.Problem> problems,
            OwnershipView.@Nullable Result result) {
        var pack = rules.current();
        return new OwnershipView(
                asOf, structure, problems, result, pack.coverageFrom().toString(), pack.id() + " " + pack.version());
    }

    /** The legal date: the form's, else the structure's {@code asOf}, else today in China. */
    private @Nullable LocalDate date(
            String typed, @Nullable JsonNode node, Locale locale, List<OwnershipView.Problem> problems) {
        var text = typed;
        var field = "asOf";
        if (text.isEmpty()
                && node != null
                && node.isObject()
                && node.has("asOf")
                && !node.get("asOf").isNull()) {
            text = node.get("asOf").asString("");
            field = "structure";
        }
        if (text.isEmpty()) {
            return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        }
        try {
            var date = LocalDate.parse(text);
            if (!date.isBefore(rules.current().coverageFrom()) && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(problem(
                field,
                t(locale, "ownership.where.asOf"),
                field.equals("asOf") ? "" : "/asOf",
                t(locale, "ownership.error.asOf", rules.current().coverageFrom())));
        return null;
    }

    private OwnershipView.Result result(
            OwnershipStructure structure,
            OwnershipAnalyser analyser,
            OwnershipAnalysis analysis,
            LocalDate date,
            Locale locale) {
        var lang = "zh".equals(locale.getLanguage()) ? "zh" : "en";
        var names = new HashMap<String, String>();
        structure.parties().forEach(p -> names.put(p.id(), p.name()));
        var held = new HashSet<String>();
        structure.holdings().forEach(h -> held.add(h.owned()));
        var reported = new HashMap<String, Double>();
        analysis.effective().forEach(e -> reported.put(e.party(), e.percent()));
        var stakes = Stakes.inApplicant(structure);

        var parties = new ArrayList<OwnershipView.PartyRow>();
        for (var p : structure.parties()) {
            // The analyser's own figure where it gives one, so the page and the API agree to the last digit.
            var percent = reported.getOrDefault(p.id(), stakes.getOrDefault(p.id(), 0.0) * 100);
            parties.add(new OwnershipView.PartyRow(
                    p.id(),
                    p.name(),
                    t(locale, "ownership.kind." + p.kind().name()),
                    p.jurisdiction(),
                    analyser.foreign(p),
                    p.id().equals(OwnershipStructure.APPLICANT),
                    !held.contains(p.id()),
                    Percentages.percent(percent)));
        }
        var controlKinds = controlLabels(locale);
        var holdings = new ArrayList<OwnershipView.HoldingRow>();
        var linked = new HashSet<Integer>();
        for (var h : structure.holdings()) {
            var facts = new ArrayList<String>();
            for (int i = 0; i < structure.control().size(); i++) {
                var c = structure.control().get(i);
                if (c.controller().equals(h.owner()) && c.controlled().equals(h.owned())) {
                    facts.add(controlKinds.get(c.kind()));
                    linked.add(i);
                }
            }
            holdings.add(new OwnershipView.HoldingRow(
                    h.owner(),
                    names.get(h.owner()),
                    h.owned(),
                    names.get(h.owned()),
                    Percentages.share(h.equity()),
                    h.voting() == null ? null : Percentages.share(h.voting()),
                    facts));
        }
        var control = new ArrayList<OwnershipView.ControlRow>();
        for (int i = 0; i < structure.control().size(); i++) {
            if (!linked.contains(i)) {
                var c = structure.control().get(i);
                control.add(new OwnershipView.ControlRow(
                        names.get(c.controller()), names.get(c.controlled()), controlKinds.get(c.kind())));
            }
        }
        var paths = analysis.paths().stream()
                .limit(MAX_PATHS)
                .map(p -> new OwnershipView.PathRow(p.text(), Percentages.percent(p.percent()), p.foreign()))
                .toList();
        var controllers = analysis.controllers().stream()
                .map(c -> new OwnershipView.ControllerRow(
                        c.party(),
                        names.getOrDefault(c.party(), c.party()),
                        c.foreign(),
                        c.reason().in(lang)))
                .toList();
        String graph = null;
        if (structure.parties().size() <= OwnershipGraph.MAX_PARTIES) {
            graph = OwnershipGraph.of(structure, analyser::foreign, graphLabels(structure, analyser, locale))
                    .svg();
        }
        var equity = analysis.foreignEquity();
        return new OwnershipView.Result(
                date.toString(),
                graph,
                structure.parties().size(),
                Percentages.withRange(equity.direct(), equity.directRange()),
                Percentages.withRange(equity.lookThrough(), equity.lookThroughRange()),
                analysis.foreignControlled(),
                parties,
                holdings,
                control,
                paths,
                controllers);
    }

    private OwnershipGraph.Labels graphLabels(OwnershipStructure structure, OwnershipAnalyser analyser, Locale locale) {
        var applicant = structure.parties().stream()
                .filter(p -> p.id().equals(OwnershipStructure.APPLICANT))
                .map(Party::name)
                .findFirst()
                .orElse(OwnershipStructure.APPLICANT);
        var foreign = structure.parties().stream().filter(analyser::foreign).count();
        return new OwnershipGraph.Labels(
                t(locale, "ownership.graph.title", applicant),
                t(
                        locale,
                        "ownership.graph.desc",
                        structure.parties().size(),
                        structure.holdings().size(),
                        foreign),
                t(locale, "ownership.graph.applicant"),
                t(locale, "ownership.foreign"),
                t(locale, "ownership.domestic"),
                t(locale, "ownership.graph.votes", "{0}"),
                controlLabels(locale));
    }

    private Map<ControlKind, String> controlLabels(Locale locale) {
        var result = new EnumMap<ControlKind, String>(ControlKind.class);
        for (var kind : ControlKind.values()) {
            result.put(kind, t(locale, "ownership.control." + kind.name()));
        }
        return result;
    }

    /** Names the party, holding or control fact a problem's pointer points into, from the structure as read. */
    private String where(StructureProblem problem, JsonNode node, Locale locale) {
        var matcher = ITEM.matcher(problem.pointer());
        if (problem.pointer().startsWith("/asOf")) {
            return t(locale, "ownership.where.asOf");
        }
        if (!matcher.matches()) {
            return t(locale, "ownership.where.structure");
        }
        var index = Integer.parseInt(matcher.group(2));
        var item = node.path(matcher.group(1)).path(index);
        return switch (matcher.group(1)) {
            case "parties" -> t(locale, "ownership.where.party", index + 1, text(item, "id"));
            case "holdings" ->
                t(locale, "ownership.where.holding", index + 1, text(item, "owner"), text(item, "owned"));
            default ->
                t(locale, "ownership.where.control", index + 1, text(item, "controller"), text(item, "controlled"));
        };
    }

    private static String text(JsonNode item, String field) {
        var value = item.path(field);
        return value.isString() && !value.asString().isBlank()
                ? value.asString().strip()
                : "?";
    }

    /** JSON when it looks like JSON (YAML would reject tab indentation), YAML otherwise. */
    static JsonNode parse(String text) {
        var trimmed = text.strip();
        return trimmed.startsWith("{") || trimmed.startsWith("[") ? JSON.readTree(trimmed) : YAML.readTree(text);
    }

    private static boolean present(@Nullable MultipartFile file) {
        return file != null && !file.isEmpty();
    }

    private static String read(MultipartFile file) throws IOException {
        var text = new String(file.getBytes(), StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static OwnershipView.Problem problem(String field, String where, String pointer, String message) {
        return new OwnershipView.Problem(field, where, pointer, message);
    }

    private String t(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
