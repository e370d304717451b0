package org.kaifang.licensing.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.licensing.AnnualReport;
import org.kaifang.licensing.AnnualReportForm;
import org.kaifang.licensing.LicenceRefused;
import org.kaifang.licensing.LicenceView;

/**
 * What {@code /licences/{id}/annual-reports/{year}} shows: the report's six items of Order 42 art. 35 with whether each
 * is public, the holder's form while it is a draft (or not yet begun), and a registrar's confirmation.
 *
 * @param report the report as stored, or {@code null} when nothing is saved
 * @param form what the form shows: what was typed (after a refusal) or the stored report
 * @param editable whether the viewer is the holder and the report can still be saved or submitted
 * @param confirmable whether the viewer is a registrar and the report awaits confirmation
 * @param done {@code saved}, {@code submitted} or {@code confirmed} after a successful post, else {@code null}
 */
public record AnnualReportView(
        LicenceView licence,
        int year,
        @Nullable AnnualReport report,
        AnnualReportForm form,
        boolean editable,
        boolean confirmable,
        @Nullable String done,
        List<LicenceRefused.Problem> problems) {

    /** The items' form field names, 1 to 6. */
    public static final List<String> FIELDS =
            List.of("business", "networkAndChanges", "serviceQuality", "security", "compliance", "other");

    public static final String COMMITMENT_ZH = AnnualReportForm.COMMITMENT_ZH;
    public static final String COMMITMENT_EN = AnnualReportForm.COMMITMENT_EN;

    /** {@code MISSING} when nothing has been saved, else the report's status. */
    public String state() {
        return report == null ? "MISSING" : report.status().name();
    }

    /** The text of item {@code n} (1 to 6), or an empty string. */
    public String item(int n) {
        var text = form.items().get(n);
        return text == null ? "" : text;
    }

    /** Whether item {@code n} is shown to the public as the form now stands (art. 35). */
    public boolean published(int n) {
        return form.publicItems().containsKey(n);
    }

    public boolean secret(int n) {
        return form.tradeSecrets().contains(n);
    }

    /** The problem with {@code field}, if any. */
    public @Nullable String problem(String field) {
        return problems.stream()
                .filter(p -> p.field().equals(field))
                .map(LicenceRefused.Problem::message)
                .findFirst()
                .orElse(null);
    }

    public String number() {
        return LicenceListView.number(licence);
    }
}
