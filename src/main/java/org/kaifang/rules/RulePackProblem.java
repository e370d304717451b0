package org.kaifang.rules;

/**
 * One defect found in a rule pack.
 *
 * @param file the pack file, relative to the pack directory
 * @param path where in the file, as a JSON pointer
 */
public record RulePackProblem(String file, String path, String message) {

    @Override
    public String toString() {
        return file + (path.isEmpty() ? "" : " " + path) + ": " + message;
    }
}
