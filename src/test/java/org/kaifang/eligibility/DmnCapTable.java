package org.kaifang.eligibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.drools.io.ByteArrayResource;
import org.jspecify.annotations.Nullable;
import org.kaifang.rules.RulePack;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;

/**
 * The foreign-equity cap decision (service × item × area × date → cap) as a DMN 1.3 decision table, for the
 * side-by-side benchmark with Apache KIE's DMN engine (issue 9). The table is generated from the live rule pack through
 * Kaifang's own engine, so both sides decide the same law: for every value-added item and every place of the opening
 * table, the pack's dates are cut into periods at every date a parameter or an area starts or ends, each period is
 * judged once, and adjacent periods with the same cap are merged into one rule. {@code DmnCapTableTests} then checks
 * that the DMN engine's answer and a fresh determination agree on dates inside the periods, not only at their starts.
 */
final class DmnCapTable {

    /** The decision's name in the DMN model. */
    static final String DECISION = "foreign equity cap";

    static final String NAMESPACE = "https://kaifang.org/dmn/telecom-vas-caps";

    /** One question both engines answer: the cap for a service item in a place on a date. */
    record Case(String service, String item, OpeningTable.Place place, LocalDate date) {

        /** The same question as Kaifang asks it: a representative applicant seated in the place, at {@code equity}. */
        DeterminationRequest request(BigDecimal equity) {
            var province = place.seat().substring(0, 2) + "0000";
            var applicant =
                    new Applicant("Representative applicant", null, place.seat(), place.zones(), null, Set.of());
            var requested = new RequestedService(service, item, List.of(province), List.of(place.seat()), Set.of());
            return new DeterminationRequest(date, applicant, equity, List.of(requested));
        }
    }

    /**
     * The answer: the cap ({@code null} when none applies) and the outcome for a wholly foreign-owned applicant. Both are
     * taken at 100% foreign equity because the cap a determination reports depends on the applicant's equity: at or
     * below the national cap the national route already permits, and the determination names that route's cap.
     */
    record Cap(@Nullable BigDecimal percent, Outcome outcome) {

        static Cap of(ServiceDetermination service) {
            var cap = service.foreignEquityCapPercent();
            return new Cap(cap == null ? null : cap.stripTrailingZeros(), service.outcome());
        }

        boolean sameAs(Cap other) {
            return outcome == other.outcome
                    && (percent == null
                            ? other.percent == null
                            : other.percent != null && percent.compareTo(other.percent) == 0);
        }
    }

    /** One rule of the table: the cap of a service item in a place from one date to another (open when null). */
    record Rule(
            String service,
            String item,
            String place,
            LocalDate from,
            @Nullable LocalDate to,
            Cap cap) {}

    private DmnCapTable() {}

    /** Every date on which some parameter or area of the pack starts or stops having effect, from its coverage on. */
    static List<LocalDate> breakpoints(RulePack pack) {
        var dates = new TreeSet<LocalDate>();
        dates.add(pack.coverageFrom());
        for (var parameter : pack.parameters().values()) {
            for (var value : parameter.values()) {
                dates.add(value.from());
                if (value.to() != null) {
                    dates.add(value.to().plusDays(1));
                }
            }
        }
        for (var area : pack.areas()) {
            dates.add(area.from());
            if (area.to() != null) {
                dates.add(area.to().plusDays(1));
            }
        }
        return List.copyOf(dates.tailSet(pack.coverageFrom()));
    }

    /** The places of the opening table: the nation outside special areas, then each special area. */
    static List<OpeningTable.Place> places(EligibilityEngine engine) {
        return OpeningTable.compute(engine, engine.pack().coverageFrom(), null).places();
    }

    /** The rules of the table, judged by {@code engine} once per period and merged where the cap does not change. */
    static List<Rule> rules(EligibilityEngine engine) {
        var dates = breakpoints(engine.pack());
        var places = places(engine);
        var rules = new ArrayList<Rule>();
        for (var category : engine.pack().catalogue().valueAdded()) {
            for (var item : category.items()) {
                for (var place : places) {
                    Rule open = null;
                    for (var i = 0; i < dates.size(); i++) {
                        var from = dates.get(i);
                        var to = i + 1 < dates.size() ? dates.get(i + 1).minusDays(1) : null;
                        var cap = judge(engine, new Case(category.code(), item.code(), place, from));
                        if (open != null && open.cap().sameAs(cap)) {
                            open = new Rule(open.service(), open.item(), open.place(), open.from(), to, open.cap());
                        } else {
                            if (open != null) {
                                rules.add(open);
                            }
                            open = new Rule(category.code(), item.code(), place.id(), from, to, cap);
                        }
                    }
                    rules.add(Objects.requireNonNull(open));
                }
            }
        }
        return rules;
    }

    /** Kaifang's answer to one case: one determination at 100% foreign equity. */
    static Cap judge(EligibilityEngine engine, Case c) {
        return Cap.of(
                engine.determine(c.request(BigDecimal.valueOf(100))).services().getFirst());
    }

    /**
     * Questions for both engines: every item in every place on each period's first and last day and a day in its
     * middle, plus {@code extra} random dates up to 2030, from a fixed seed.
     */
    static List<Case> cases(EligibilityEngine engine, int extra, long seed) {
        var dates = new TreeSet<LocalDate>();
        var breaks = breakpoints(engine.pack());
        for (var i = 0; i < breaks.size(); i++) {
            var from = breaks.get(i);
            var to = i + 1 < breaks.size() ? breaks.get(i + 1).minusDays(1) : from.plusYears(2);
            dates.add(from);
            dates.add(to);
            dates.add(from.plusDays((to.toEpochDay() - from.toEpochDay()) / 2));
        }
        var random = new SplittableRandom(seed);
        var first = engine.pack().coverageFrom().toEpochDay();
        var last = LocalDate.of(2030, 12, 31).toEpochDay();
        for (var i = 0; i < extra; i++) {
            dates.add(LocalDate.ofEpochDay(random.nextLong(first, last + 1)));
        }
        var cases = new ArrayList<Case>();
        var places = places(engine);
        for (var category : engine.pack().catalogue().valueAdded()) {
            for (var item : category.items()) {
                for (var place : places) {
                    for (var date : dates) {
                        cases.add(new Case(category.code(), item.code(), place, date));
                    }
                }
            }
        }
        return cases;
    }

    /**
     * The DMN 1.3 model: four inputs (the date is {@code asOf}, since an input named {@code date} would hide FEEL's
     * {@code date()} function from the table's own entries), one decision table with hit policy UNIQUE, outputs {@code cap} and
     * {@code outcome}.
     */
    static String dmn(List<Rule> rules, String packVersion) {
        var xml = new StringBuilder(rules.size() * 900);
        xml.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Generated by DmnCapTable from the rule pack telecom-vas %s: do not edit. -->
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="telecom_vas_caps"
                    name="telecom-vas caps" namespace="%s">
                  <inputData id="in_service" name="service"><variable id="v_service" name="service" typeRef="string"/></inputData>
                  <inputData id="in_item" name="item"><variable id="v_item" name="item" typeRef="string"/></inputData>
                  <inputData id="in_area" name="area"><variable id="v_area" name="area" typeRef="string"/></inputData>
                  <inputData id="in_date" name="asOf"><variable id="v_date" name="asOf" typeRef="date"/></inputData>
                  <decision id="d_cap" name="%s">
                    <variable id="v_cap" name="%s"/>
                    <informationRequirement id="ir_service"><requiredInput href="#in_service"/></informationRequirement>
                    <informationRequirement id="ir_item"><requiredInput href="#in_item"/></informationRequirement>
                    <informationRequirement id="ir_area"><requiredInput href="#in_area"/></informationRequirement>
                    <informationRequirement id="ir_date"><requiredInput href="#in_date"/></informationRequirement>
                    <decisionTable id="dt_cap" hitPolicy="UNIQUE">
                      <input id="c_service" label="service"><inputExpression id="e_service" typeRef="string"><text>service</text></inputExpression></input>
                      <input id="c_item" label="item"><inputExpression id="e_item" typeRef="string"><text>item</text></inputExpression></input>
                      <input id="c_area" label="area"><inputExpression id="e_area" typeRef="string"><text>area</text></inputExpression></input>
                      <input id="c_date" label="asOf"><inputExpression id="e_date" typeRef="date"><text>asOf</text></inputExpression></input>
                      <output id="o_cap" name="cap" typeRef="number"/>
                      <output id="o_outcome" name="outcome" typeRef="string"/>
                """.formatted(packVersion, NAMESPACE, DECISION, DECISION));
        var n = 0;
        for (var rule : rules) {
            var id = "r" + n++;
            var date = rule.to() == null
                    ? ">= date(\"" + rule.from() + "\")"
                    : "[date(\"" + rule.from() + "\")..date(\"" + rule.to() + "\")]";
            xml.append("        <rule id=\"").append(id).append("\">");
            entry(xml, id + "_s", "inputEntry", quoted(rule.service()));
            entry(xml, id + "_i", "inputEntry", quoted(rule.item()));
            entry(xml, id + "_a", "inputEntry", quoted(rule.place()));
            entry(xml, id + "_d", "inputEntry", date);
            entry(
                    xml,
                    id + "_c",
                    "outputEntry",
                    rule.cap().percent() == null ? "null" : rule.cap().percent().toPlainString());
            entry(xml, id + "_o", "outputEntry", quoted(rule.cap().outcome().name()));
            xml.append("</rule>\n");
        }
        xml.append("""
                    </decisionTable>
                  </decision>
                </definitions>
                """);
        return xml.toString();
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static void entry(StringBuilder xml, String id, String element, String text) {
        xml.append('<')
                .append(element)
                .append(" id=\"")
                .append(id)
                .append("\"><text>")
                .append(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                .append("</text></")
                .append(element)
                .append('>');
    }

    /**
     * The DMN model generated from {@code engine}'s pack, compiled by Apache KIE's DMN engine with its defaults: the
     * decision table is interpreted. (KIE 10.1's other options do not apply: its "executable model" option class is no
     * longer read by the compiler, and its alpha-network compilation fails on this table with a
     * {@code NullPointerException} when an output is null, as {@code cap} is for an uncapped service.)
     */
    static Dmn compile(EligibilityEngine engine) {
        var xml = dmn(rules(engine), engine.pack().version());
        var resource = new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath("telecom-vas-caps.dmn");
        DMNRuntime runtime = DMNRuntimeBuilder.fromDefaults()
                .buildConfiguration()
                .fromResources(List.of(resource))
                .getOrElseThrow(e -> new IllegalStateException("the DMN engine rejected the generated table", e));
        var model = runtime.getModel(NAMESPACE, "telecom-vas caps");
        if (model == null || model.hasErrors()) {
            throw new IllegalStateException("the generated DMN model has errors: "
                    + (model == null ? "no model" : model.getMessages().toString()));
        }
        return new Dmn(runtime, model, xml);
    }

    /** Writes the generated model to {@code file}, for reading or for loading into another DMN tool. */
    static void write(Dmn dmn, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, dmn.xml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A compiled DMN model of the cap decision and the runtime that evaluates it. */
    record Dmn(DMNRuntime runtime, DMNModel model, String xml) {

        /** The DMN engine's full result for one case: a fresh context with the four inputs, every decision. */
        org.kie.dmn.api.core.DMNResult evaluate(Case c) {
            var context = runtime.newContext();
            context.set("service", c.service());
            context.set("item", c.item());
            context.set("area", c.place().id());
            context.set("asOf", c.date());
            return runtime.evaluateAll(model, context);
        }

        /** The cap the DMN engine decides for one case. */
        Cap cap(Case c) {
            var result = evaluate(c);
            if (result.hasErrors()) {
                throw new IllegalStateException("DMN evaluation failed for " + c + ": " + result.getMessages());
            }
            var outputs = (Map<?, ?>) result.getDecisionResultByName(DECISION).getResult();
            if (outputs == null) {
                throw new IllegalStateException("no rule of the DMN table matches " + c);
            }
            var percent = (BigDecimal) outputs.get("cap");
            return new Cap(percent == null ? null : percent.stripTrailingZeros(), Outcome.valueOf((String)
                    outputs.get("outcome")));
        }
    }
}
