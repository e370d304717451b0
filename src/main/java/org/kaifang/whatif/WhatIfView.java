package org.kaifang.whatif;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the what-if pages show, already formatted: the templates see only these public records.
 *
 * @param problems bad input by field, when the form is re-shown
 */
public record WhatIfView(
        List<String> candidates,
        String candidate,
        String asOf,
        Map<String, String> problems,
        List<RunRow> runs,
        @Nullable RunRow run,
        List<GroupRow> groups,
        List<AffectedRow> affected,
        boolean moreAffected) {

    /** A run as the list and its page show it. */
    public record RunRow(
            String id,
            String candidate,
            String candidateVersion,
            String currentVersion,
            String asOf,
            String status,
            boolean running,
            String startedBy,
            String startedAt,
            long subjects,
            long skipped,
            long estimate,
            int percent,
            long distinctInputs,
            long gains,
            long losses,
            @Nullable String problem) {}

    /** Services gained or lost in one area. */
    public record GroupRow(
            String service,
            String area,
            String areaName,
            String direction,
            String current,
            String candidate,
            long count) {}

    /** One affected enterprise's changed service. */
    public record AffectedRow(
            String ref,
            String name,
            String kind,
            String seat,
            String service,
            String direction,
            String current,
            String candidate,
            String equity,
            boolean equityAssumed) {}

    /** The per-rule difference for one enterprise. */
    public record EnterpriseView(
            RunRow run,
            String ref,
            String name,
            @Nullable String uscc,
            List<ServiceView> services,
            List<String> notes) {}

    /** One changed service of an enterprise. */
    public record ServiceView(
            String service,
            String seat,
            String equity,
            boolean equityAssumed,
            String current,
            String candidate,
            String currentRule,
            String candidateRule,
            List<RuleView> rules) {}

    /** One rule whose finding differs. */
    public record RuleView(
            String rule,
            String current,
            String candidate,
            String currentMessage,
            String candidateMessage,
            String citation) {}
}
