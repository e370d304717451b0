package org.kaifang.eligibility;

/**
 * One thing wrong with a request, located by a JSON pointer.
 *
 * @param pointer where, e.g. {@code /applicant/seat}; empty for the whole request
 * @param message what is wrong, in English
 */
public record InputProblem(String pointer, String message) {

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(request)" : pointer) + ": " + message;
    }
}
