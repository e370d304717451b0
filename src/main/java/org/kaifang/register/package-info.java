/**
 * The public register: every licence and pilot approval as it stands, with its history, searchable without a login;
 * verification pages and PDF certificates with a QR code; the bad and dishonest lists; bulk data (full snapshots and
 * daily deltas in CSV and JSON Lines, each with a manifest); and, with {@code --demo}, a synthetic demo register.
 *
 * <p>The register's read model is built from the licensing module's events alone ({@code LicenceChanged},
 * {@code CreditListChanged}), in the transaction that publishes them: it never reads licensing's tables.
 */
@NullMarked
@ApplicationModule(
        displayName = "Register",
        allowedDependencies = {"licensing", "web", "csv"})
package org.kaifang.register;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
