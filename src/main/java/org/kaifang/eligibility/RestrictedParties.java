package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kaifang.ownership.Holding;
import org.kaifang.ownership.OwnershipStructure;
import org.kaifang.rules.Bilingual;
import org.kaifang.rules.Citation;
import org.kaifang.rules.Confidence;
import org.kaifang.rules.DatedValue;
import org.kaifang.rules.RulePack;
import org.kaifang.screening.Hit;
import org.kaifang.screening.ListingOnDate;
import org.kaifang.screening.ListingStatus;
import org.kaifang.screening.Measure;
import org.kaifang.screening.RestrictedList;
import org.kaifang.screening.ScreeningResult;

/**
 * Turns the restricted-party screening of a request into applicant-level findings, each citing the listing that
 * decided it.
 *
 * <p>A party "barred" here matched an entry whose listing is active on the date and bars new investment in China. The
 * listed stake in the applicant is aggregated in the style of the US 50% rule: an entity owned at or above the
 * threshold, in aggregate, by barred or already-attributed parties counts as theirs, to a fixed point, so that cycles
 * settle; the applicant's listed stake is then what such parties hold in it directly. At or above the threshold the
 * applicant counts as owned by listed parties and is {@code NOT_PERMITTED}, provided the listing's measures and (for
 * stakes held only through intermediaries) the threshold are certain enough to decide; below it, or where they are
 * not, an officer decides ({@code REFER}). Bands are judged on their low bounds; a band that could reach the threshold
 * refers. Possible matches refer; suspended listings and measures that do not bar investment are stated.
 */
final class RestrictedParties {

    private final RulePack pack;

    RestrictedParties(RulePack pack) {
        this.pack = pack;
    }

    Determination apply(DeterminationRequest request, Determination base) {
        var screening = request.screening();
        if (screening == null) {
            return base;
        }
        var date = request.asOf();
        var threshold = pack.parameter("restricted.control-threshold").require(date);
        var bar = pack.parameter("restricted.investment-bar").at(date).orElse(threshold);
        var limit = threshold.decimal().doubleValue() / 100;
        var names = new HashMap<String, String>();
        var barred = new HashMap<String, Barring>();
        for (var screened : screening.parties()) {
            names.put(screened.party(), screened.result().party().name());
            if (screened.result().outcome() == org.kaifang.screening.Outcome.MATCH) {
                var barring = barring(screened.result(), date);
                if (barring != null) {
                    barred.put(screened.party(), barring);
                }
            }
        }
        var low = Attribution.of(screening.holdings(), barred.keySet(), limit, false);
        var high = Attribution.of(screening.holdings(), barred.keySet(), limit, true);
        var findings = new ArrayList<Finding>();
        findings.add(summary(screening, bar));
        for (var screened : screening.parties()) {
            var result = screened.result();
            if (result.outcome() == org.kaifang.screening.Outcome.CLEAR) {
                continue;
            }
            var partyName = result.party().name();
            var hit = best(result);
            if (hit == null) {
                continue;
            }
            if (result.outcome() == org.kaifang.screening.Outcome.POSSIBLE_MATCH) {
                var listing = counting(hit).getFirst();
                findings.add(listed(
                        "restricted.possible",
                        Outcome.REFER,
                        fill("restricted.possible", partyName, hit, listing, date),
                        listing,
                        bar));
                continue;
            }
            var barring = barred.get(screened.party());
            if (barring != null) {
                findings.add(barredFinding(screened, barring, low, high, limit, threshold, date));
                continue;
            }
            var listing = counting(hit).getFirst();
            var measures = listing.listing().measures();
            if (listing.status() == ListingStatus.SUSPENDED) {
                var text = fill("restricted.suspended", partyName, hit, listing, date, "window", window(listing));
                findings.add(listed("restricted.suspended", Outcome.PERMITTED, text, listing, bar));
            } else if (measures.isEmpty() && listing.listing().list() == RestrictedList.UEL) {
                findings.add(listed(
                        "restricted.unknown-measures",
                        Outcome.REFER,
                        fill("restricted.unknown-measures", partyName, hit, listing, date),
                        listing,
                        bar));
            } else {
                var text =
                        fill("restricted.other-measures", partyName, hit, listing, date, "measures", measures(listing));
                findings.add(listed("restricted.other-measures", Outcome.PERMITTED, text, listing, bar));
            }
        }
        if (!barred.isEmpty() && low.aggregate() > 0) {
            findings.add(Finding.of(
                    "restricted.aggregate",
                    Outcome.PERMITTED,
                    pack.template("restricted.aggregate")
                            .fill(
                                    "aggregate", percent(low.aggregate()),
                                    "direct", percent(low.direct()),
                                    "threshold", Percent.format(threshold.decimal())),
                    threshold));
        }
        var all = new ArrayList<>(base.findings());
        all.addAll(findings);
        var overall = base.overall();
        for (var finding : findings) {
            overall = overall.and(finding.outcome());
        }
        return new Determination(
                base.asOf(),
                base.rulePack(),
                overall,
                base.authority(),
                base.licenceScope(),
                base.foreignEquityPercent(),
                all,
                base.services(),
                base.hints(),
                base.ownership(),
                screening);
    }

    private Finding barredFinding(
            PartyScreening.ScreenedParty screened,
            Barring barring,
            Attribution low,
            Attribution high,
            double limit,
            DatedValue threshold,
            LocalDate date) {
        var name = screened.result().party().name();
        var hit = barring.hit();
        var listing = barring.listing();
        var decides = confidence(listing).decides();
        if (screened.applicant()) {
            return listed(
                    "restricted.applicant",
                    decides ? Outcome.NOT_PERMITTED : Outcome.REFER,
                    fill("restricted.applicant", name, hit, listing, date),
                    listing,
                    null);
        }
        var thresholdText = Percent.format(threshold.decimal());
        if (low.aggregate() >= limit - 1e-12) {
            // A majority held directly by listed parties is their investment whatever the threshold's certainty;
            // a stake that reaches the threshold only through attributed intermediaries rests on the threshold too.
            var certain = decides
                    && (low.direct() >= limit - 1e-12 || threshold.confidence().decides());
            return listed(
                    "restricted.owner",
                    certain ? Outcome.NOT_PERMITTED : Outcome.REFER,
                    fill(
                            "restricted.owner.barred",
                            name,
                            hit,
                            listing,
                            date,
                            "aggregate",
                            percent(low.aggregate()),
                            "threshold",
                            thresholdText),
                    listing,
                    null);
        }
        var band = high.aggregate() >= limit - 1e-12;
        return listed(
                "restricted.owner",
                Outcome.REFER,
                fill(
                        band ? "restricted.owner.band" : "restricted.owner.stake",
                        name,
                        hit,
                        listing,
                        date,
                        "aggregate",
                        percent(low.aggregate()),
                        "high",
                        percent(high.aggregate()),
                        "threshold",
                        thresholdText),
                listing,
                null);
    }

    private Finding summary(PartyScreening screening, DatedValue bar) {
        long matches = screening.parties().stream()
                .filter(p -> p.result().outcome() == org.kaifang.screening.Outcome.MATCH)
                .count();
        long possible = screening.parties().stream()
                .filter(p -> p.result().outcome() == org.kaifang.screening.Outcome.POSSIBLE_MATCH)
                .count();
        var summary = matches + possible == 0
                ? pack.message("restricted.summary.clear")
                : pack.template("restricted.summary.hits")
                        .fill("matches", Long.toString(matches), "possible", Long.toString(possible));
        var list = screening.list();
        var text = pack.template("restricted.screening")
                .fill(
                        "count",
                        Integer.toString(screening.parties().size()),
                        "list",
                        list.id() + " " + list.version(),
                        "summary",
                        summary);
        return Finding.of("restricted.screening", Outcome.PERMITTED, text, bar);
    }

    /**
     * The listing that bars the matched party's investment on the date, if any: active, with the measure. Only the best
     * standing hit decides; lower hits may be no more than possible matches.
     */
    private static @Nullable Barring barring(ScreeningResult result, LocalDate date) {
        var hit = best(result);
        if (hit == null) {
            return null;
        }
        for (var listing : hit.listings()) {
            if (listing.status() == ListingStatus.ACTIVE
                    && listing.listing().measures().stream().anyMatch(Measure::barsInvestment)) {
                return new Barring(hit, listing);
            }
        }
        return null;
    }

    private static @Nullable Hit best(ScreeningResult result) {
        return result.hits().stream().filter(Hit::counts).findFirst().orElse(null);
    }

    /** The hit's listings that stand on the date, active ones first. */
    private static List<ListingOnDate> counting(Hit hit) {
        var listings = new ArrayList<ListingOnDate>();
        for (var l : hit.listings()) {
            if (l.status() == ListingStatus.ACTIVE) {
                listings.add(l);
            }
        }
        for (var l : hit.listings()) {
            if (l.status() == ListingStatus.SUSPENDED) {
                listings.add(l);
            }
        }
        return listings;
    }

    private Bilingual fill(String key, String party, Hit hit, ListingOnDate listing, LocalDate date, Object... more) {
        var a = listing.listing().announcement();
        var label = new Bilingual(
                a.list().zh() + "（" + a.date() + (a.number() != null ? "，" + a.number() : "") + "）",
                a.list().en() + " (" + a.date() + (a.number() != null ? ", " + a.number() : "") + ")");
        var values = new Object[10 + more.length];
        values[0] = "party";
        values[1] = party;
        values[2] = "listed";
        values[3] = hit.match().listedName();
        values[4] = "listing";
        values[5] = label;
        values[6] = "score";
        values[7] = String.format(Locale.ROOT, "%.3f", hit.score());
        values[8] = "asOf";
        values[9] = date.toString();
        System.arraycopy(more, 0, values, 10, more.length);
        return pack.template(key).fill(values);
    }

    private static Bilingual measures(ListingOnDate listing) {
        var sorted = listing.listing().measures().stream().sorted().toList();
        return new Bilingual(
                sorted.stream().map(Measure::zh).collect(Collectors.joining("；")),
                sorted.stream().map(Measure::en).collect(Collectors.joining("; ")));
    }

    private static Bilingual window(ListingOnDate listing) {
        var w = listing.suspension();
        if (w == null) {
            return new Bilingual("", "");
        }
        return w.until() == null
                ? new Bilingual(w.from() + " 起，未定期限", "from " + w.from() + ", open-ended")
                : new Bilingual(
                        w.from() + " 至 " + w.until().minusDays(1),
                        w.from() + " to " + w.until().minusDays(1));
    }

    /**
     * A finding citing the listing. Its confidence is the weaker of the listing's source, its measures and, where one
     * is given, the provision.
     */
    private static Finding listed(
            String rule, Outcome outcome, Bilingual message, ListingOnDate listing, @Nullable DatedValue provision) {
        var a = listing.listing().announcement();
        var url = a.source().url();
        var citation = new Citation(
                "LIST:" + a.id(),
                a.list().zh() + " " + a.title().zh() + " / " + a.list().en() + ": "
                        + a.title().en(),
                a.number() != null
                        ? a.number() + "（" + a.date() + "）"
                        : a.date().toString(),
                url == null ? null : url.toString());
        var confidence = confidence(listing);
        if (provision != null) {
            confidence = confidence.weakest(provision.confidence());
        }
        return new Finding(rule, outcome, message, citation, confidence, null);
    }

    private static Confidence confidence(ListingOnDate listing) {
        var a = listing.listing().announcement();
        return Confidence.valueOf(a.source().confidence().name())
                .weakest(Confidence.valueOf(a.measuresConfidence().name()));
    }

    private static String percent(double fraction) {
        return Percent.format(BigDecimal.valueOf(fraction * 100)
                .setScale(4, RoundingMode.HALF_UP)
                .stripTrailingZeros());
    }

    private record Barring(Hit hit, ListingOnDate listing) {}

    /**
     * Which parties' stakes count as listed, and what they hold of the applicant.
     *
     * @param direct the stake barred parties hold directly in the applicant, 0–1
     * @param aggregate the stake barred and attributed parties hold directly in the applicant, 0–1
     */
    record Attribution(double direct, double aggregate, Set<String> attributed) {

        static Attribution of(List<Holding> holdings, Set<String> barred, double limit, boolean high) {
            var owners = new HashMap<String, List<Holding>>();
            for (var holding : holdings) {
                owners.computeIfAbsent(holding.owned(), k -> new ArrayList<>()).add(holding);
            }
            var attributed = new HashSet<>(barred);
            // Attribution only grows, so iterating to a fixed point terminates, cycles included.
            var changed = true;
            while (changed) {
                changed = false;
                for (Map.Entry<String, List<Holding>> entry : owners.entrySet()) {
                    var owned = entry.getKey();
                    if (attributed.contains(owned) || OwnershipStructure.APPLICANT.equals(owned)) {
                        continue;
                    }
                    if (held(entry.getValue(), attributed, high) >= limit - 1e-12) {
                        attributed.add(owned);
                        changed = true;
                    }
                }
            }
            var ofApplicant = owners.getOrDefault(OwnershipStructure.APPLICANT, List.of());
            var barredApplicant = barred.contains(OwnershipStructure.APPLICANT);
            return new Attribution(
                    barredApplicant ? 1 : Math.min(1, held(ofApplicant, barred, high)),
                    barredApplicant ? 1 : Math.min(1, held(ofApplicant, attributed, high)),
                    Set.copyOf(attributed));
        }

        private static double held(List<Holding> holdings, Set<String> by, boolean high) {
            double sum = 0;
            for (var holding : holdings) {
                if (by.contains(holding.owner())) {
                    sum += high ? holding.equity().high() : holding.equity().low();
                }
            }
            return sum;
        }
    }
}
