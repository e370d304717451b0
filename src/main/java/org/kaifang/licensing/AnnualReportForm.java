package org.kaifang.licensing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The annual report's items under Order 42 art. 35 (telecom-vas-brief §4.6), as the operator fills them in, and what
 * it chose about their publication: items 1–3 are public unless the operator marks them trade secrets; items 5–6 are
 * public only if the operator chooses; item 4 (security measures) is never public.
 *
 * @param business item 1: last year's business operations (上一年度的业务经营情况)
 * @param networkAndChanges item 2: network build-out, business development, staff and organisational changes
 * @param serviceQuality item 3: service quality (服务质量情况)
 * @param security item 4: network and information security measures and how they were carried out
 * @param compliance item 5: compliance with the rules and the licence's special conditions
 * @param other item 6: other information the administration asked for (may be empty)
 * @param tradeSecrets which of items 1–3 are trade secrets, kept private
 * @param publishCompliance whether item 5 is published
 * @param publishOther whether item 6 is published
 * @param commitment the commitment typed out by the operator: {@link #COMMITMENT_ZH} or {@link #COMMITMENT_EN}
 */
public record AnnualReportForm(
        @Nullable String business,
        @Nullable String networkAndChanges,
        @Nullable String serviceQuality,
        @Nullable String security,
        @Nullable String compliance,
        @Nullable String other,
        Set<Integer> tradeSecrets,
        boolean publishCompliance,
        boolean publishOther,
        @Nullable String commitment) {

    /** The commitment to type, in Chinese. */
    public static final String COMMITMENT_ZH = "本单位承诺所报送的年报信息真实、准确、完整，并对其真实性负责";

    /** The commitment to type, in English. */
    public static final String COMMITMENT_EN =
            "We commit that the information in this annual report is true, accurate and complete, and answer for it";

    /** The longest item kept. */
    public static final int MAX_ITEM = 10_000;

    public AnnualReportForm {
        tradeSecrets = Set.copyOf(tradeSecrets);
    }

    /** An empty form. */
    public static AnnualReportForm empty() {
        return new AnnualReportForm(null, null, null, null, null, null, Set.of(), false, false, null);
    }

    /** The items by number, 1 to 6. */
    public Map<Integer, @Nullable String> items() {
        var items = new LinkedHashMap<Integer, @Nullable String>();
        items.put(1, business);
        items.put(2, networkAndChanges);
        items.put(3, serviceQuality);
        items.put(4, security);
        items.put(5, compliance);
        items.put(6, other);
        return items;
    }

    /** The items anyone may read under art. 35, by number. */
    public Map<Integer, String> publicItems() {
        var items = new LinkedHashMap<Integer, String>();
        items().forEach((n, text) -> {
            var published = switch (n) {
                case 1, 2, 3 -> !tradeSecrets.contains(n);
                case 5 -> publishCompliance;
                case 6 -> publishOther;
                default -> false;
            };
            if (published && text != null && !text.isBlank()) {
                items.put(n, text);
            }
        });
        return items;
    }

    /** Problems that stop a draft being saved: only sizes and the trade-secret marks. */
    List<LicenceRefused.Problem> draftProblems() {
        var problems = new ArrayList<LicenceRefused.Problem>();
        items().forEach((n, text) -> {
            if (text != null && text.length() > MAX_ITEM) {
                problems.add(new LicenceRefused.Problem(field(n), "has more than " + MAX_ITEM + " characters"));
            }
        });
        for (var n : tradeSecrets) {
            if (n < 1 || n > 3) {
                problems.add(new LicenceRefused.Problem("tradeSecrets", "only items 1 to 3 can be trade secrets"));
            }
        }
        return problems;
    }

    /** Problems that stop it being submitted: items 1–5 filled in, and the commitment typed exactly. */
    List<LicenceRefused.Problem> submissionProblems() {
        var problems = draftProblems();
        items().forEach((n, text) -> {
            if (n <= 5 && (text == null || text.isBlank())) {
                problems.add(new LicenceRefused.Problem(field(n), "is required (Order 42 art. 35, item " + n + ")"));
            }
        });
        var typed = commitment == null ? "" : commitment.strip();
        if (!typed.equals(COMMITMENT_ZH) && !typed.equals(COMMITMENT_EN)) {
            problems.add(new LicenceRefused.Problem(
                    "commitment", "type the commitment exactly as shown, in Chinese or in English"));
        }
        return problems;
    }

    static String field(int item) {
        return switch (item) {
            case 1 -> "business";
            case 2 -> "networkAndChanges";
            case 3 -> "serviceQuality";
            case 4 -> "security";
            case 5 -> "compliance";
            default -> "other";
        };
    }
}
