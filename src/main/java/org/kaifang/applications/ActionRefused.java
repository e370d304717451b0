package org.kaifang.applications;

/**
 * An action the application's rules do not allow. {@link Kind#FORBIDDEN}: this actor may not take it (four-eyes, own
 * organisation, role); {@link Kind#CONFLICT}: not in the application's current state, or someone acted first.
 */
public final class ActionRefused extends RuntimeException {

    public enum Kind {
        FORBIDDEN,
        CONFLICT,
        INVALID
    }

    private final Kind kind;
    private final String field;

    public ActionRefused(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    static ActionRefused forbidden(String message) {
        return new ActionRefused(Kind.FORBIDDEN, "", message);
    }

    static ActionRefused conflict(String message) {
        return new ActionRefused(Kind.CONFLICT, "", message);
    }

    static ActionRefused invalid(String field, String message) {
        return new ActionRefused(Kind.INVALID, field, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The input field at fault, for {@link Kind#INVALID}; empty otherwise. */
    public String field() {
        return field;
    }
}
