package org.kaifang.ownership;

/** A declared fact by which {@code controller} controls {@code controlled} beyond its equity. */
public record ControlFact(String controller, String controlled, ControlKind kind) {}
