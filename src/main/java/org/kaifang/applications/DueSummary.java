package org.kaifang.applications;

import java.time.LocalDate;

/**
 * The regulator's deadline dashboard: how many open applications of other organisations are past their running clock's
 * due date, and how many fall due from today to {@code soonUntil} (five working days ahead).
 */
public record DueSummary(LocalDate today, LocalDate soonUntil, long overdue, long dueSoon) {}
