package org.kaifang.screening;

/**
 * A hit and the alert that tracks it. {@code remembered} says the alert was decided earlier for the same name, entry
 * and list version, so no new alert was raised and the earlier decision is shown instead.
 */
public record ReviewedHit(Hit hit, ScreeningAlert alert, boolean remembered) {}
