/**
 * What several Kaifang nodes sharing one database need beyond what each module already does: a lock per scheduled job
 * (ShedLock over table {@code cluster.scheduler_lock}, Flyway V23), so that a job triggered on every node at the same
 * moment runs on one of them. Modules mark their scheduled methods with {@code @SchedulerLock}; this module provides
 * the lock store. Sessions (Spring Session JDBC), licence numbers (a counter row locked by its transaction), the audit
 * chain (its head row) and events (published and handled inside the change's own transaction) are safe across nodes by
 * their own design (docs/deployment.md).
 */
@NullMarked
@ApplicationModule(displayName = "Cluster")
package org.kaifang.cluster;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
