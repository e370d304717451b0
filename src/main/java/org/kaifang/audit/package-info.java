/**
 * The audit trail: an append-only, hash-chained record of every state change of the other modules (applications'
 * transitions, screening reviews, signing in and out), written in the same transaction as the change it records, and
 * its verification, which finds and locates any edit, deletion or reordering. Audit learns of changes only from the
 * events the other modules publish, and from Spring Security's authentication events.
 */
@NullMarked
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"applications", "screening", "accounts", "licensing", "web"})
package org.kaifang.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
