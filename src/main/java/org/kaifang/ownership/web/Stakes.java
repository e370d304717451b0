package org.kaifang.ownership.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kaifang.ownership.Holding;
import org.kaifang.ownership.OwnershipStructure;

/**
 * Every party's effective equity in the applicant, for the parties table. The analysis reports it for ultimate owners
 * only; intermediate companies are worth showing too. Solves {@code x(v) = [v is applicant] + Σ share(v→w)·x(w)} by
 * Gauss–Seidel sweeps in breadth-first order up from the applicant, so a structure without cycles settles in one sweep
 * and a cycle (which the analyser has already found solvable) converges geometrically.
 */
final class Stakes {

    private static final int MAX_SWEEPS = 10_000;
    private static final double CONVERGENCE = 1e-13;

    private Stakes() {}

    /** Party id → effective equity in the applicant as a fraction (band mid-points, as the analyser uses). */
    static Map<String, Double> inApplicant(OwnershipStructure structure) {
        var held = new HashMap<String, List<Holding>>();
        var holders = new HashMap<String, List<Holding>>();
        for (var h : structure.holdings()) {
            held.computeIfAbsent(h.owner(), k -> new ArrayList<>()).add(h);
            holders.computeIfAbsent(h.owned(), k -> new ArrayList<>()).add(h);
        }
        var order = new ArrayList<String>();
        var seen = new HashMap<String, Boolean>();
        var queue = new ArrayDeque<String>();
        queue.add(OwnershipStructure.APPLICANT);
        seen.put(OwnershipStructure.APPLICANT, true);
        while (!queue.isEmpty()) {
            var v = queue.poll();
            order.add(v);
            for (var h : holders.getOrDefault(v, List.of())) {
                if (seen.putIfAbsent(h.owner(), true) == null) {
                    queue.add(h.owner());
                }
            }
        }
        var stake = new HashMap<String, Double>();
        structure.parties().forEach(p -> stake.put(p.id(), 0.0));
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            var change = 0.0;
            for (var v : order) {
                var value = v.equals(OwnershipStructure.APPLICANT) ? 1.0 : 0.0;
                for (var h : held.getOrDefault(v, List.of())) {
                    value += h.equity().mid() * stake.getOrDefault(h.owned(), 0.0);
                }
                change = Math.max(change, Math.abs(value - stake.get(v)));
                stake.put(v, value);
            }
            if (change < CONVERGENCE) {
                break;
            }
        }
        return stake;
    }
}
