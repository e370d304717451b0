package org.kaifang.licensing.web;

import java.util.List;
import org.kaifang.licensing.ReportDue;

/**
 * What {@code /annual-reports} shows: a holder the reports its organisation owes or owed on its licences, the
 * regulator's staff the submitted reports that await a registrar's confirmation.
 */
public record ReportsDueView(List<ReportDue> reports, boolean staff) {}
