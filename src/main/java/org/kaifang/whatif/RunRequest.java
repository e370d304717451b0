package org.kaifang.whatif;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.web.InputProblems;

/**
 * What starting a run asks for, checked field by field: a bundled candidate's name (or an uploaded zip, handled by the
 * API) and the as-of date. Every problem is reported at once.
 */
record RunRequest(String candidate, LocalDate asOf) {

    /** The earliest and latest dates a run may be made as of: the live pack's coverage to a decade ahead. */
    static final LocalDate EARLIEST = LocalDate.parse("2020-07-23");

    static final LocalDate LATEST = LocalDate.parse("2035-12-31");

    /** Thrown with every problem of a request, each naming its field. */
    static final class Invalid extends RuntimeException {
        private final List<InputProblems.Problem> problems;

        Invalid(List<InputProblems.Problem> problems) {
            super(problems.toString());
            this.problems = List.copyOf(problems);
        }

        List<InputProblems.Problem> problems() {
            return problems;
        }
    }

    /**
     * Reads the fields; {@code candidate} may be {@code null} when an upload supplies the candidate.
     *
     * @throws Invalid listing every problem
     */
    static RunRequest read(@Nullable String candidate, @Nullable String asOf, List<String> bundled, boolean uploaded) {
        var problems = new ArrayList<InputProblems.Problem>();
        var name = candidate == null ? "" : candidate.strip();
        if (!uploaded) {
            if (name.isEmpty()) {
                problems.add(new InputProblems.Problem("/candidate", "is required: one of " + bundled));
            } else if (!bundled.contains(name)) {
                problems.add(new InputProblems.Problem(
                        "/candidate", "no bundled candidate '" + clip(name) + "'; bundled: " + bundled));
            }
        }
        LocalDate date = null;
        if (asOf == null || asOf.isBlank()) {
            problems.add(new InputProblems.Problem("/asOf", "is required: a date, YYYY-MM-DD"));
        } else {
            try {
                date = LocalDate.parse(asOf.strip());
                if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                    problems.add(new InputProblems.Problem("/asOf", "must lie between " + EARLIEST + " and " + LATEST));
                }
            } catch (DateTimeParseException e) {
                problems.add(
                        new InputProblems.Problem("/asOf", "must be a date, YYYY-MM-DD, not '" + clip(asOf) + "'"));
            }
        }
        if (!problems.isEmpty() || date == null) {
            throw new Invalid(problems);
        }
        return new RunRequest(name, date);
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
