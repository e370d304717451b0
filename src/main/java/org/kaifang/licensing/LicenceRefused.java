package org.kaifang.licensing;

import java.util.List;

/**
 * A licensing action that was not taken, and why. {@link Kind#INVALID}: the input has {@link #problems()}, each naming
 * its field; {@link Kind#FORBIDDEN}: the actor may not take it; {@link Kind#CONFLICT}: not in the licence's current
 * state, or someone changed it first; {@link Kind#NOT_FOUND}: no such licence, or none the actor may see.
 */
public final class LicenceRefused extends RuntimeException {

    public enum Kind {
        INVALID,
        FORBIDDEN,
        CONFLICT,
        NOT_FOUND
    }

    /** One problem with the input: the field (e.g. {@code licences[3].number}) and what is wrong with it. */
    public record Problem(String field, String message) {}

    private final Kind kind;
    private final List<Problem> problems;

    public LicenceRefused(Kind kind, String message, List<Problem> problems) {
        super(message);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    static LicenceRefused invalid(List<Problem> problems) {
        var first = problems.getFirst();
        var more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
        return new LicenceRefused(Kind.INVALID, first.field() + ": " + first.message() + more, problems);
    }

    static LicenceRefused invalid(String field, String message) {
        return invalid(List.of(new Problem(field, message)));
    }

    static LicenceRefused forbidden(String message) {
        return new LicenceRefused(Kind.FORBIDDEN, message, List.of());
    }

    static LicenceRefused conflict(String message) {
        return new LicenceRefused(Kind.CONFLICT, message, List.of());
    }

    static LicenceRefused notFound(LicenceId id) {
        return new LicenceRefused(Kind.NOT_FOUND, "No licence " + id, List.of());
    }

    public Kind kind() {
        return kind;
    }

    /** What is wrong with the input, for {@link Kind#INVALID}; empty otherwise. */
    public List<Problem> problems() {
        return problems;
    }
}
