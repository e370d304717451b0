package org.kaifang.screening;

import java.time.LocalDate;
import java.util.List;

/** The results of a batch, one per party in request order, with the list versions used. */
public record ScreeningReport(LocalDate asOf, List<ListRef> lists, List<ScreeningResult> results) {

    public ScreeningReport {
        lists = List.copyOf(lists);
        results = List.copyOf(results);
    }
}
