package org.kaifang.calendar;

import java.time.LocalDate;

/** Extra days granted to a clock, with the reason and who approved it (e.g. 经本行政机关负责人批准延长). */
public record Extension(int days, String reason, String approver, LocalDate grantedOn) {}
