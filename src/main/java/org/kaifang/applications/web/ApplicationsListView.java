package org.kaifang.applications.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.applications.ApplicationStatus;
import org.kaifang.applications.LicenceApplication;

/** What {@code /applications} shows. */
public record ApplicationsListView(
        List<LicenceApplication> mine,
        List<org.kaifang.applications.QueueRow> queue,
        boolean applicant,
        @Nullable ApplicationStatus filter,
        java.time.LocalDate today,
        org.kaifang.applications.@Nullable DueSummary dashboard,
        org.kaifang.applications.DueFilter due) {

    public List<ApplicationStatus> statuses() {
        return List.of(ApplicationStatus.values());
    }

    public boolean overdue(org.kaifang.applications.QueueRow row) {
        return row.due() != null && today.isAfter(row.due());
    }
}
