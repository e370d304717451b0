/**
 * Statistics of the opening-up: foreign-invested telecom enterprises over time with year-on-year growth, licences by
 * service, item, area and authority, pilot approvals, the credit lists, annual-report compliance, processing times
 * against the statutory limits and screening activity. Each figure ({@link org.kaifang.statistics.Figure}) states its
 * definition and its as-of time and takes a date range ({@link org.kaifang.statistics.DateRange}); the API is
 * {@link org.kaifang.statistics.Statistics}.
 *
 * <p>The read models are built from the other modules' events alone ({@code LicenceChanged}, {@code CreditListChanged},
 * {@code AnnualReportChanged}, {@code ApplicationChanged}, {@code ScreeningReviewed}), in the transaction that publishes
 * them, into schema {@code statistics}: this module never reads another module's tables. Writes are versioned, so a
 * redelivered or replayed event changes nothing.
 */
@NullMarked
@ApplicationModule(
        displayName = "Statistics",
        allowedDependencies = {"licensing", "applications", "screening", "rules", "web", "csv"})
package org.kaifang.statistics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
