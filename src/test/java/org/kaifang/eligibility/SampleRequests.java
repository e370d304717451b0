package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kaifang.rules.RulePackLoader;

/** Determination requests for storage and web tests, built from the domain's own records. */
final class SampleRequests {

    private SampleRequests() {}

    /** A wholly foreign-owned cloud provider in Pudong after the pilot opened: permitted under the pilot. */
    static DeterminationRequest pilotCloudInPudong() {
        return new DeterminationRequest(
                LocalDate.of(2025, 3, 1),
                new Applicant(
                        "Example Cloud (Shanghai) Co., Ltd.",
                        "91310115MA1H7AB3C3",
                        "310115",
                        List.of(),
                        new BigDecimal("10000000"),
                        Set.of()),
                new BigDecimal("100"),
                List.of(new RequestedService("B11", "IRCS", List.of("CN"), List.of("310115"), Set.of())));
    }

    /** One applicant asking for every value-added service item in the catalogue. */
    static DeterminationRequest everyValueAddedService() {
        var pack = RulePackLoader.fromDirectory(Path.of("rules/telecom-vas"));
        var services = new ArrayList<RequestedService>();
        for (var category : pack.catalogue().valueAdded()) {
            for (var item : category.items()) {
                services.add(
                        new RequestedService(category.code(), item.code(), List.of("CN"), List.of("310115"), Set.of()));
            }
        }
        return new DeterminationRequest(
                LocalDate.of(2025, 3, 1),
                new Applicant("Everything Co.", null, "310115", List.of(), null, Set.of()),
                new BigDecimal("60"),
                services);
    }
}
