package org.kaifang.screening;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of the screening contract ({@code ../shared/contracts/screening.md}), shared by
 * {@code POST /api/v1/screenings} and {@code kaifang screen --json}. Field names and enum values are the contract's;
 * fields beyond it (digest, matched name, token account, suspension window, confidence) are additions the contract
 * allows.
 */
public final class ScreeningJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScreeningJson() {}

    /** A request read from JSON: the parties in order, and the date ({@code today} when the request has none). */
    public record Request(LocalDate asOf, List<Party> parties) {}

    /** The longest name screened, as on the screening page: a longer one is no name but a way to load the server. */
    static final int MAX_NAME = 500;

    private static final java.util.regex.Pattern COUNTRY = java.util.regex.Pattern.compile("[A-Za-z]{2}");

    /**
     * Reads a request.
     *
     * @throws InvalidScreeningRequest listing every problem with its JSON pointer
     */
    public static Request read(JsonNode node, LocalDate today) {
        var problems = new ArrayList<InvalidScreeningRequest.Problem>();
        if (!node.isObject()) {
            throw new InvalidScreeningRequest(
                    List.of(new InvalidScreeningRequest.Problem("", "the request must be a JSON object")));
        }
        var asOf = today;
        var date = node.get("asOf");
        if (date != null && !date.isNull()) {
            try {
                // asString() on an array or object is an error of its own: only a string can be a date.
                asOf = LocalDate.parse(date.isString() ? date.asString() : "");
                if (asOf.getYear() < 1000 || asOf.getYear() > 9999) {
                    problems.add(new InvalidScreeningRequest.Problem("/asOf", "year must have four digits"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new InvalidScreeningRequest.Problem("/asOf", "must be a date (YYYY-MM-DD)"));
            }
        }
        var parties = new ArrayList<Party>();
        var array = node.get("parties");
        if (array == null || !array.isArray() || array.isEmpty()) {
            problems.add(new InvalidScreeningRequest.Problem("/parties", "must be a non-empty array"));
        } else if (array.size() > Screening.BATCH_LIMIT) {
            problems.add(new InvalidScreeningRequest.Problem(
                    "/parties", "holds " + array.size() + " parties; the limit is " + Screening.BATCH_LIMIT));
        } else {
            for (var i = 0; i < array.size(); i++) {
                var party = party(array.get(i), "/parties/" + i, problems);
                if (party != null) {
                    parties.add(party);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScreeningRequest(problems);
        }
        return new Request(asOf, parties);
    }

    private static @Nullable Party party(
            JsonNode node, String pointer, List<InvalidScreeningRequest.Problem> problems) {
        var name = node.path("name");
        if (!name.isString() || name.asString().isBlank()) {
            problems.add(new InvalidScreeningRequest.Problem(pointer + "/name", "must be a non-blank string"));
            return null;
        }
        if (name.asString().length() > MAX_NAME) {
            problems.add(new InvalidScreeningRequest.Problem(
                    pointer + "/name", "may have at most " + MAX_NAME + " characters"));
            return null;
        }
        PartyKind kind = null;
        var kindNode = node.get("kind");
        if (kindNode != null && !kindNode.isNull()) {
            try {
                kind = PartyKind.valueOf(kindNode.isString() ? kindNode.asString() : "");
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidScreeningRequest.Problem(
                        pointer + "/kind", "must be one of COMPANY, PERSON, STATE, FUND"));
                return null;
            }
        }
        var jurisdiction = node.get("jurisdiction");
        if (jurisdiction != null
                && !jurisdiction.isNull()
                && !(jurisdiction.isString()
                        && COUNTRY.matcher(jurisdiction.asString()).matches())) {
            problems.add(new InvalidScreeningRequest.Problem(
                    pointer + "/jurisdiction", "must be a two-letter country code (ISO 3166-1), e.g. CN"));
            return null;
        }
        return new Party(
                name.asString(), kind, jurisdiction == null || jurisdiction.isNull() ? null : jurisdiction.asString());
    }

    /** The response for a batch. */
    public static ObjectNode write(ScreeningReport report) {
        var root = NODES.objectNode();
        root.put("asOf", report.asOf().toString());
        var lists = root.putArray("lists");
        for (var list : report.lists()) {
            lists.addObject()
                    .put("id", list.id())
                    .put("version", list.version())
                    .put("digest", list.digest());
        }
        var results = root.putArray("results");
        report.results().forEach(r -> results.add(write(r)));
        return root;
    }

    /** One party's result. */
    public static ObjectNode write(ScreeningResult result) {
        var node = NODES.objectNode();
        node.put("query", result.party().name());
        node.put("outcome", result.outcome().name());
        var hits = node.putArray("hits");
        for (var hit : result.hits()) {
            var h = hits.addObject();
            h.put("entry", hit.entry().id());
            h.put("name", hit.entry().name());
            h.put("matchedName", hit.match().listedName());
            h.set(
                    "list",
                    NODES.objectNode()
                            .put("id", hit.list().id())
                            .put("version", hit.list().version())
                            .put("digest", hit.list().digest()));
            h.put("score", hit.score());
            h.put("comparison", hit.match().comparison().name());
            var listings = h.putArray("listings");
            for (var l : hit.listings()) {
                var a = l.listing().announcement();
                var listing = listings.addObject();
                listing.put("list", a.list().name());
                listing.put("date", a.date().toString());
                listing.put(
                        "announcement",
                        a.number() != null ? a.number() : a.title().zh());
                listing.set(
                        "announcementTitle",
                        NODES.objectNode()
                                .put("zh", a.title().zh())
                                .put("en", a.title().en()));
                if (a.source().url() != null) {
                    listing.put("url", a.source().url().toString());
                } else {
                    listing.putNull("url");
                }
                listing.put("source", a.source().description());
                listing.put("confidence", a.source().confidence().name());
                var measures = listing.putArray("measures");
                l.listing().measures().stream().sorted().forEach(m -> measures.add(m.name()));
                listing.put("measuresConfidence", a.measuresConfidence().name());
                listing.put("status", l.status().name());
                if (l.suspension() != null) {
                    var window = listing.putObject("suspension");
                    window.put("from", l.suspension().from().toString());
                    if (l.suspension().until() != null) {
                        window.put("until", l.suspension().until().toString());
                    } else {
                        window.putNull("until");
                    }
                }
            }
            var tokens = h.putArray("tokens");
            for (var t : hit.match().tokens()) {
                var token = tokens.addObject();
                token.put("query", t.query());
                token.put("listed", t.listed());
                token.put("how", t.how().name().toLowerCase(Locale.ROOT));
                token.put("score", t.score());
                token.put("weight", t.weight());
            }
            h.set(
                    "explanation",
                    NODES.objectNode()
                            .put("zh", hit.explanation().zh())
                            .put("en", hit.explanation().en()));
        }
        return node;
    }
}
