/**
 * Eligibility: may this company, with this foreign equity, offer these services, with its seat and facilities here,
 * on this date, and under which provision? A pure engine judges the facts against a rule pack; determinations are
 * stored append-only with the pack version and digest that decided them.
 */
@NullMarked
@ApplicationModule(displayName = "Eligibility")
package org.kaifang.eligibility;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
