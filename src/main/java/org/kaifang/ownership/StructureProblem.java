package org.kaifang.ownership;

/**
 * One defect of a shareholding structure.
 *
 * @param pointer where, as a JSON pointer relative to the structure (e.g. {@code /holdings/2/equityPercent})
 * @param message what is wrong, naming the party
 */
public record StructureProblem(String pointer, String message) {}
