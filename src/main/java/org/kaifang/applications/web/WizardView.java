package org.kaifang.applications.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.applications.ApplicationType;
import org.kaifang.applications.DraftProgress;
import org.kaifang.applications.DraftStep;
import org.kaifang.applications.LicenceApplication;
import org.kaifang.rules.Bilingual;
import org.kaifang.rules.Division;
import org.kaifang.rules.Zone;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One page of the applicant's wizard: the step indicator, the step's form (as saved, or as typed with its errors), and
 * for the review the summary and the determination as of today.
 *
 * @param errors for each form field, the problems found in it (the determination's own wording)
 * @param notice a confirmation to show, e.g. {@code saved}
 * @param refusal why the last action was refused (a stale version, or submission before the draft is complete)
 */
public record WizardView(
        LicenceApplication application,
        DraftStep step,
        DraftProgress progress,
        WizardForm form,
        Map<String, List<String>> errors,
        @Nullable String notice,
        @Nullable String refusal,
        List<ServiceGroup> serviceGroups,
        List<Division> divisions,
        List<Division> provinces,
        List<Zone> zones,
        @Nullable BigDecimal foreignShare,
        @Nullable Determination determination,
        @Nullable DocumentsView documents) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The fields of each step's form in page order; the error summary follows it. */
    static final Map<DraftStep, List<String>> FIELDS = Map.of(
            DraftStep.COMPANY,
            List.of("name", "uscc", "seat", "zones", "capital", "legalRepresentative", "address"),
            DraftStep.OWNERSHIP,
            List.of("equity", "structure"),
            DraftStep.SERVICES,
            List.of("type", "services", "coverage", "facilities"));

    public record ServiceGroup(String code, Bilingual name, List<ServiceOption> options) {}

    public record ServiceOption(String key, Bilingual name) {}

    public List<DraftStep> steps() {
        return List.of(DraftStep.values());
    }

    public List<ApplicationType> types() {
        return List.of(ApplicationType.values());
    }

    public String href(DraftStep s) {
        return "/applications/" + application.id() + "/steps/" + s.slug();
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String group(String field) {
        return hasError(field) ? "form-group form-group--error" : "form-group";
    }

    public String describedBy(String field) {
        return hasError(field) ? field + "-hint " + field + "-error" : field + "-hint";
    }

    public List<String> details(String field) {
        return errors.getOrDefault(field, List.of());
    }

    /** The fields with errors, in page order. */
    public List<String> errorFields() {
        var fields = new ArrayList<String>();
        for (var f : FIELDS.getOrDefault(step, List.of())) {
            if (errors.containsKey(f)) {
                fields.add(f);
            }
        }
        errors.keySet().stream().filter(f -> !fields.contains(f)).forEach(fields::add);
        return fields;
    }

    /** The percentage as people write it: {@code 49}, {@code 50.01}. */
    public String share() {
        return foreignShare == null ? "" : foreignShare.toPlainString() + "%";
    }

    /** A determination as of today, read from its JSON for the review. */
    public record Determination(
            String asOf,
            String rulePack,
            String overall,
            String foreignEquity,
            List<Finding> findings,
            List<Service> services,
            @Nullable List<Screened> screening) {

        static Determination of(String json) {
            var root = JSON.readTree(json);
            var findings = new ArrayList<Finding>();
            root.path("findings").forEach(f -> findings.add(Finding.of(f)));
            var services = new ArrayList<Service>();
            for (var s : root.path("services")) {
                var own = new ArrayList<Finding>();
                s.path("findings").forEach(f -> own.add(Finding.of(f)));
                var item = s.path("item");
                var cap = s.path("foreignEquityCapPercent");
                services.add(new Service(
                        s.path("code").asString("") + (item.isString() ? "/" + item.asString() : ""),
                        s.path("name").path("zh").asString(""),
                        s.path("name").path("en").asString(""),
                        s.path("outcome").asString(""),
                        cap.isNumber() ? percent(cap) : null,
                        own));
            }
            List<Screened> screening = null;
            if (root.has("screening")) {
                screening = new ArrayList<>();
                for (var r : root.path("screening").path("results")) {
                    screening.add(new Screened(
                            r.path("party").asString(""),
                            r.path("query").asString(""),
                            r.path("outcome").asString(""),
                            r.path("hits").size()));
                }
            }
            return new Determination(
                    root.path("asOf").asString(""),
                    root.at("/rulePack/id").asString("") + " "
                            + root.at("/rulePack/version").asString(""),
                    root.path("overall").asString(""),
                    percent(root.path("foreignEquityPercent")),
                    findings,
                    services,
                    screening);
        }

        private static String percent(JsonNode n) {
            return n.decimalValue().stripTrailingZeros().toPlainString() + "%";
        }
    }

    public record Finding(
            String rule,
            String outcome,
            String zh,
            String en,
            String document,
            @Nullable String article,
            @Nullable String url,
            String confidence,
            boolean overridden) {

        static Finding of(JsonNode f) {
            var c = f.path("citation");
            return new Finding(
                    f.path("rule").asString(""),
                    f.path("outcome").asString(""),
                    f.path("message").path("zh").asString(""),
                    f.path("message").path("en").asString(""),
                    c.path("document").asString(""),
                    c.path("article").isString() ? c.path("article").asString() : null,
                    c.path("url").isString() ? c.path("url").asString() : null,
                    f.path("confidence").asString(""),
                    f.has("overriddenBy"));
        }

        public String message(boolean zh) {
            return zh ? this.zh : en;
        }
    }

    public record Service(
            String key,
            String zh,
            String en,
            String outcome,
            @Nullable String cap,
            List<Finding> findings) {

        public String name(boolean zh) {
            return zh ? this.zh : en;
        }
    }

    /** One party's screening: its id in the request, the name screened, the outcome, how many list entries it hit. */
    public record Screened(String party, String query, String outcome, int hits) {}
}
