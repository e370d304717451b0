package org.kaifang.rules;

/** A licensable item within a catalogue service, e.g. {@code IRCS} within B11. */
public record ServiceItem(String code, Bilingual name) {}
