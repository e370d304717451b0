package org.kaifang.licensing.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.licensing.LicenceChanged;
import org.kaifang.licensing.LicenceRefused;
import org.kaifang.licensing.LicenceStatus;
import org.kaifang.licensing.LicenceView;

/**
 * What {@code /licences/{id}} shows: the licence, its history (oldest first), and for a registrar the ending form with
 * what was typed and any problems.
 */
public record LicenceDetailView(
        LicenceView licence,
        List<LicenceChanged> history,
        boolean registrar,
        boolean ended,
        EndForm form,
        List<LicenceRefused.Problem> problems) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    static LicenceDetailView of(
            LicenceView licence,
            List<LicenceChanged> history,
            boolean registrar,
            boolean ended,
            EndForm form,
            List<LicenceRefused.Problem> problems) {
        return new LicenceDetailView(licence, history, registrar, ended, form, problems);
    }

    /** Whether the registrar can still end it. */
    public boolean endable() {
        return registrar && (licence.status() == LicenceStatus.NORMAL || licence.status() == LicenceStatus.EXPIRED);
    }

    /** The problem with {@code field}, if any. */
    public @Nullable String problem(String field) {
        return problems.stream()
                .filter(p -> p.field().equals(field))
                .map(LicenceRefused.Problem::message)
                .findFirst()
                .orElse(null);
    }

    public static String when(LicenceChanged change) {
        return WHEN.format(change.at());
    }

    public String number() {
        return LicenceListView.number(licence);
    }
}
