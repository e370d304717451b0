package org.kaifang.eligibility.web;

import java.util.List;
import org.kaifang.eligibility.OpeningTable;
import org.kaifang.rules.Area;

/** What the {@code /rules} template shows. */
public record RulesView(
        OpeningTable.Table table,
        String asOf,
        boolean dateError,
        String area,
        List<Area> areas,
        String pack,
        String digest,
        String coverageFrom) {}
