package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kaifang.rules.Area;
import org.kaifang.rules.AreaKind;
import org.kaifang.rules.Bilingual;
import org.kaifang.rules.Division;
import org.kaifang.rules.Membership;
import org.kaifang.rules.ServiceKind;

/**
 * What is open to foreign investment where on a date: for every value-added service and item, the cap that applies
 * nationally and in each special area. Computed by the engine itself, from a representative applicant in each place,
 * so the table can never disagree with a determination.
 */
public final class OpeningTable {

    /** A place the table has a column for. */
    public record Place(String id, Bilingual name, String seat, List<String> zones) {}

    /**
     * One cell: the most foreign equity the service may have there, and how sure that is.
     *
     * @param cap the cap, or {@code null} for none
     * @param outcome the outcome at the cap: {@link Outcome#REFER} when an officer must judge
     * @param closed whether no foreign equity at all is permitted
     * @param decidedBy the rule that decided
     * @param conditional whether the opening needs an extra approval or condition
     */
    public record Cell(
            @Nullable BigDecimal cap, Outcome outcome, boolean closed, String decidedBy, boolean conditional) {

        /** A short text such as {@code ≤50%}, {@code 100%*} or {@code ≤50%?}. */
        public String label() {
            if (closed) {
                return "—";
            }
            var text = cap == null ? "100%" : "≤" + Percent.format(cap) + "%";
            if (conditional) {
                text += "*";
            }
            if (outcome == Outcome.REFER) {
                text += "?";
            }
            return text;
        }
    }

    /** A row: one service item and its cell per place. */
    public record Row(String code, @Nullable String item, Bilingual name, List<Cell> cells) {}

    public record Table(LocalDate asOf, List<Place> places, List<Row> rows) {}

    private OpeningTable() {}

    /** The table on {@code asOf}; with {@code areaId}, only the national column and that area. */
    public static Table compute(EligibilityEngine engine, LocalDate asOf, @Nullable String areaId) {
        var pack = engine.pack();
        var places = places(engine, areaId);
        var rows = new ArrayList<Row>();
        for (var category : pack.catalogue().valueAdded()) {
            for (var item : category.items()) {
                var cells = new ArrayList<Cell>();
                for (var place : places) {
                    cells.add(cell(engine, asOf, place, category.code(), item.code()));
                }
                rows.add(new Row(
                        category.code(),
                        item.code(),
                        new Bilingual(
                                category.code() + " " + item.name().zh(),
                                category.code() + " " + item.name().en()),
                        cells));
            }
        }
        return new Table(asOf, places, rows);
    }

    private static List<Place> places(EligibilityEngine engine, @Nullable String areaId) {
        var pack = engine.pack();
        var areas = pack.areas();
        var national = pack.divisions().provinces().stream()
                .filter(Division::mainland)
                .filter(p -> areas.stream().allMatch(a -> a.membership(p.code(), List.of()) == Membership.OUTSIDE))
                .findFirst()
                .orElseThrow();
        var places = new ArrayList<Place>();
        places.add(new Place(
                "CN", new Bilingual("全国（试点地区外）", "Nationwide (outside special areas)"), national.code(), List.of()));
        for (var area : areas) {
            if (areaId != null && !area.id().equals(areaId)) {
                continue;
            }
            if (area.kind() == AreaKind.FREE_TRADE_ZONE) {
                var zones = area.zones().stream()
                        .filter(z -> pack.zone(z)
                                .map(zone -> zone.couldContain(national.code()))
                                .orElse(false))
                        .toList();
                places.add(new Place(area.id(), area.name(), national.code(), zones));
            } else if (!area.divisions().isEmpty()) {
                places.add(new Place(area.id(), area.name(), representativeSeat(engine, area), List.of()));
            }
        }
        if (areaId != null && places.size() == 1) {
            throw new IllegalArgumentException("unknown area '" + areaId + "'; known areas: "
                    + String.join(", ", areas.stream().map(Area::id).toList()));
        }
        return places;
    }

    private static String representativeSeat(EligibilityEngine engine, Area area) {
        var division = area.divisions().getFirst();
        return engine.pack().divisions().listed().stream()
                .filter(d -> d.level() == Division.Level.COUNTY && d.isWithin(division))
                .map(Division::code)
                .findFirst()
                .orElse(division);
    }

    private static Cell cell(EligibilityEngine engine, LocalDate asOf, Place place, String code, String item) {
        var hundred = judge(engine, asOf, place, code, item, BigDecimal.valueOf(100));
        var service = hundred.services().getFirst();
        if (service.outcome() != Outcome.NOT_PERMITTED) {
            return new Cell(
                    service.foreignEquityCapPercent(),
                    service.outcome(),
                    false,
                    service.decidedBy(),
                    !service.conditions().isEmpty());
        }
        var cap = service.foreignEquityCapPercent();
        if (cap == null || cap.signum() == 0) {
            return new Cell(cap, Outcome.NOT_PERMITTED, true, service.decidedBy(), false);
        }
        var atCap = judge(engine, asOf, place, code, item, cap).services().getFirst();
        return new Cell(
                cap,
                atCap.outcome(),
                atCap.outcome() == Outcome.NOT_PERMITTED,
                atCap.decidedBy(),
                !atCap.conditions().isEmpty());
    }

    private static Determination judge(
            EligibilityEngine engine, LocalDate asOf, Place place, String code, String item, BigDecimal equity) {
        var province = place.seat().substring(0, 2) + "0000";
        var applicant = new Applicant("Representative applicant", null, place.seat(), place.zones(), null, Set.of());
        var category = engine.pack().catalogue().find(code).orElseThrow();
        var service = new RequestedService(
                code,
                category.kind() == ServiceKind.VALUE_ADDED ? item : null,
                List.of(province),
                List.of(place.seat()),
                Set.of());
        return engine.determine(new DeterminationRequest(asOf, applicant, equity, List.of(service)));
    }
}
