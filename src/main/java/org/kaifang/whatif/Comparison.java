package org.kaifang.whatif;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.kaifang.eligibility.Applicant;
import org.kaifang.eligibility.DeterminationRequest;
import org.kaifang.eligibility.EligibilityEngine;
import org.kaifang.eligibility.RequestedService;
import org.kaifang.eligibility.ServiceDetermination;

/**
 * Judges subjects under two packs as of one date and reports the services whose outcome changes. A service's outcome
 * depends only on the seat, the declared zones, the foreign equity, the service (with its coverage, facilities and
 * content) and the date, and a million holders share a few thousand such inputs at most: each distinct input is judged
 * once under each pack and the pair of answers kept, so a run costs two determinations per distinct input, not per
 * holder. The cache is bounded ({@value #MAX_CACHED} inputs); beyond it inputs are judged without being kept, so memory
 * stays bounded whatever the subjects.
 *
 * <p>Thread-safe: the engines are pure and the cache concurrent.
 */
final class Comparison {

    static final int MAX_CACHED = 200_000;

    private final EligibilityEngine current;
    private final EligibilityEngine candidate;
    private final LocalDate asOf;
    private final ConcurrentHashMap<Input, Pair> cache = new ConcurrentHashMap<>();

    Comparison(EligibilityEngine current, EligibilityEngine candidate, LocalDate asOf) {
        this.current = current;
        this.candidate = candidate;
        this.asOf = asOf;
    }

    /** What one service's inputs come to: everything a service's determination depends on. */
    private record Input(String seat, List<String> zones, BigDecimal equity, RequestedService service) {}

    /** The service's determination under each pack. */
    record Pair(ServiceDetermination current, ServiceDetermination candidate) {}

    /** Hands every changed service of {@code subject} to {@code changes}; returns how many services it judged. */
    int compare(Subject subject, Consumer<Change> changes) {
        for (var service : subject.services()) {
            var pair = judge(subject, service);
            var direction =
                    Direction.of(pair.current().outcome(), pair.candidate().outcome());
            if (direction != null) {
                changes.accept(new Change(
                        subject,
                        service,
                        area(subject.seat()),
                        direction,
                        pair.current().outcome(),
                        pair.candidate().outcome(),
                        pair.current().decidedBy(),
                        pair.candidate().decidedBy(),
                        pair.current().foreignEquityCapPercent(),
                        pair.candidate().foreignEquityCapPercent()));
            }
        }
        return subject.services().size();
    }

    /** The changed services of {@code subject}, as a list. */
    List<Change> changes(Subject subject) {
        var list = new ArrayList<Change>();
        compare(subject, list::add);
        return list;
    }

    /** The determinations of one service of {@code subject} under both packs, judged once per distinct input. */
    Pair judge(Subject subject, RequestedService service) {
        var input = new Input(
                subject.seat(), subject.zones(), subject.foreignEquityPercent().stripTrailingZeros(), service);
        var known = cache.get(input);
        if (known != null) {
            return known;
        }
        var pair = new Pair(judge(current, input), judge(candidate, input));
        if (cache.size() < MAX_CACHED) {
            cache.putIfAbsent(input, pair);
        }
        return pair;
    }

    /** How many distinct inputs were judged and kept. */
    int distinctInputs() {
        return cache.size();
    }

    private ServiceDetermination judge(EligibilityEngine engine, Input input) {
        // Applicant-level facts (capital, credit lists) do not change a service's outcome: they are left unstated.
        var request = new DeterminationRequest(
                asOf,
                new Applicant("what-if", null, input.seat(), input.zones(), null, Set.of()),
                input.equity(),
                List.of(input.service()));
        return engine.determine(request).services().getFirst();
    }

    /** The province-level division of a seat: the area the report groups by. */
    static String area(String seat) {
        return seat.length() == 6 ? seat.substring(0, 2) + "0000" : seat;
    }
}
