package org.kaifang.applications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kaifang.rules.Bilingual;
import org.kaifang.rules.DatedValue;
import org.kaifang.rules.RulePack;
import org.kaifang.rules.RulePackProblem;
import org.kaifang.rules.RulePackRejected;

/**
 * The documents the rule pack asks of each application type: {@code documents.required.<TYPE>} (a dated list of kinds)
 * and {@code documents.conditional} (kinds any application may add), each kind named by the message
 * {@code document.<KIND>}.
 */
final class DocumentRequirements {

    static final String REQUIRED = "documents.required.";
    static final String CONDITIONAL = "documents.conditional";

    private final RulePack pack;

    DocumentRequirements(RulePack pack) {
        this.pack = pack;
    }

    /** The value the required list of {@code type} comes from on {@code on}, if the pack has one. */
    Optional<DatedValue> basis(ApplicationType type, LocalDate on) {
        var parameter = pack.parameters().get(REQUIRED + type.name());
        return parameter == null ? Optional.empty() : parameter.at(on);
    }

    List<String> required(ApplicationType type, LocalDate on) {
        return basis(type, on).map(DatedValue::strings).orElse(List.of());
    }

    List<String> conditional(LocalDate on) {
        var parameter = pack.parameters().get(CONDITIONAL);
        return parameter == null
                ? List.of()
                : parameter.at(on).map(DatedValue::strings).orElse(List.of());
    }

    /** Every kind an application of {@code type} may have on {@code on}: the required ones, then the conditional. */
    Set<String> kinds(ApplicationType type, LocalDate on) {
        var kinds = new LinkedHashSet<>(required(type, on));
        kinds.addAll(conditional(on));
        return kinds;
    }

    Bilingual name(String kind) {
        var message = pack.messages().get("document." + kind);
        return message == null ? new Bilingual(kind, kind) : message;
    }

    /** Throws {@link RulePackRejected} when a type has no list, a value is not a list, or a kind has no name. */
    void check() {
        var problems = new ArrayList<RulePackProblem>();
        var keys = new ArrayList<String>();
        for (var type : ApplicationType.values()) {
            keys.add(REQUIRED + type.name());
        }
        keys.add(CONDITIONAL);
        for (var key : keys) {
            var parameter = pack.parameters().get(key);
            if (parameter == null) {
                problems.add(new RulePackProblem(
                        "parameters.yaml", "/parameters/" + key, "the applications module needs this parameter"));
                continue;
            }
            for (var value : parameter.values()) {
                if (!(value.value() instanceof List<?> kinds)) {
                    problems.add(new RulePackProblem(
                            "parameters.yaml", "/parameters/" + key, "must be a list of document kinds"));
                    continue;
                }
                for (var kind : kinds) {
                    if (!pack.messages().containsKey("document." + kind)) {
                        problems.add(new RulePackProblem(
                                "messages.yaml",
                                "/messages/document." + kind,
                                "names the document kind " + kind + " of " + key));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RulePackRejected(pack.id(), problems);
        }
    }
}
