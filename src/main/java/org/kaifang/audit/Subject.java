package org.kaifang.audit;

/**
 * What a change was made to: a type such as {@code application}, {@code screening-alert} or {@code user}, and its id.
 */
public record Subject(String type, String id) {

    public Subject {
        type = Text.clip(type, 64);
        id = Text.clip(id, 200);
    }

    @Override
    public String toString() {
        return type + " " + id;
    }
}
