package org.kaifang.eligibility.web;

import java.util.List;
import java.util.Map;
import org.kaifang.rules.Bilingual;
import org.kaifang.rules.Division;
import org.kaifang.rules.Zone;

/**
 * What the {@code /check} template shows.
 *
 * @param errors form field → message key, in page order
 * @param ownershipProblems each problem of an attached structure, its pointer relative to the structure
 */
public record CheckView(
        CheckForm form,
        Map<String, String> errors,
        List<ServiceGroup> groups,
        List<Division> divisions,
        List<Division> provinces,
        List<Zone> zones,
        String pack,
        String coverageFrom,
        List<StructureProblem> ownershipProblems) {

    /** A problem of the attached ownership structure, naming its party (the analyser's words). */
    public record StructureProblem(String pointer, String message) {}

    public record ServiceGroup(String code, Bilingual name, List<ServiceOption> options) {}

    public record ServiceOption(String key, Bilingual name, boolean selected) {
        public String id() {
            return "service-" + key.replace('/', '-');
        }
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** The class of a form group: with the error style when the field has an error. */
    public String group(String field) {
        return hasError(field) ? "form-group form-group--error" : "form-group";
    }

    /** The {@code aria-describedby} of a field: its hint and, when present, its error. */
    public String describedBy(String field) {
        return hasError(field) ? field + "-hint " + field + "-error" : field + "-hint";
    }
}
