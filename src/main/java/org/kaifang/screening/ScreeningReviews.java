package org.kaifang.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue of screening hits. Screening a party raises an alert for each hit that can make a match; an officer
 * then confirms or dismisses it with a reason. A decision is remembered for the same name (as {@link NameNormaliser}
 * reduces it), the same list entry and the same list version: screening that name again shows the decision instead of
 * raising a new alert. A new list version asks again. Every action is appended to the review history, never changed,
 * and published as a {@link ScreeningReviewed} in the same transaction.
 */
@Service
public class ScreeningReviews {

    /** The most alerts one page of the queue shows. */
    public static final int PAGE = 200;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ScreeningReviews(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Raises an alert for each hit of {@code result} that can make a match, unless one exists for the same name, entry
     * and list version: then that alert is returned, marked remembered when it was decided.
     */
    @Transactional
    public List<ReviewedHit> raise(ScreeningResult result, String raisedBy, Instant now) {
        if (result.outcome() == Outcome.CLEAR) {
            return List.of();
        }
        var key = NameNormaliser.key(result.party().name());
        var reviewed = new ArrayList<ReviewedHit>();
        for (var hit : result.hits()) {
            if (!hit.counts()) {
                continue;
            }
            var earlier = latest(key, hit.list(), hit.entry().id());
            if (earlier.isPresent()) {
                reviewed.add(new ReviewedHit(hit, earlier.get(), earlier.get().status() != AlertStatus.OPEN));
                continue;
            }
            var alert = new ScreeningAlert(
                    UUID.randomUUID(),
                    now,
                    raisedBy,
                    truncate(result.party().name(), 500),
                    key,
                    hit.list(),
                    hit.entry().id(),
                    truncate(hit.entry().name(), 500),
                    truncate(hit.match().listedName(), 500),
                    hit.score(),
                    result.outcome(),
                    result.asOf(),
                    listings(hit),
                    hit.explanation(),
                    AlertStatus.OPEN,
                    List.of(new ReviewAction(now, raisedBy, ReviewAction.Kind.RAISED, null)));
            insert(alert);
            reviewed.add(new ReviewedHit(hit, alert, false));
        }
        return reviewed;
    }

    /**
     * Records {@code officer}'s decision on alert {@code id}.
     *
     * @throws AlertNotFound when there is no such alert
     * @throws InvalidReview when the alert is already decided or the decision or reason is invalid
     */
    @Transactional
    public ScreeningAlert decide(UUID id, AlertStatus decision, String reason, String officer, Instant now) {
        var alert = find(id).orElseThrow(() -> new AlertNotFound(id));
        var decided = alert.decide(decision, reason, officer, now);
        // The status moves only from OPEN: a concurrent decision by another officer makes this one fail, not both win.
        var updated = jdbc.sql("update screening.alert set status = :status where id = :id and status = 'OPEN'")
                .param("status", decided.status().name())
                .param("id", id)
                .update();
        if (updated != 1) {
            throw new InvalidReview(List.of(new InvalidReview.Problem(
                    "status", "another officer decided the alert first; a decision is final")));
        }
        append(id, decided.history().getLast());
        published(decided, AlertStatus.OPEN);
        return decided;
    }

    public Optional<ScreeningAlert> find(UUID id) {
        var alerts = jdbc.sql("select * from screening.alert where id = :id")
                .param("id", id)
                .query(ScreeningReviews::alert)
                .list();
        return alerts.isEmpty()
                ? Optional.empty()
                : Optional.of(withHistory(alerts).getFirst());
    }

    /** Alerts in {@code status}, oldest first for open ones (the queue), newest first for decided ones. */
    public List<ScreeningAlert> queue(AlertStatus status) {
        var order = status == AlertStatus.OPEN ? "raised_at, id" : "raised_at desc, id";
        var alerts = jdbc.sql(
                        "select * from screening.alert where status = :status order by " + order + " limit " + PAGE)
                .param("status", status.name())
                .query(ScreeningReviews::alert)
                .list();
        return withHistory(alerts);
    }

    /** How many alerts are in each status. */
    public Map<AlertStatus, Long> counts() {
        var counts = new java.util.EnumMap<AlertStatus, Long>(AlertStatus.class);
        for (var s : AlertStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) as n from screening.alert group by status")
                .query((rs, i) -> Map.entry(AlertStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private Optional<ScreeningAlert> latest(String key, ListRef list, String entry) {
        var alerts = jdbc.sql("""
                        select * from screening.alert
                        where name_key = :key and list_id = :list and list_version = :version and entry_id = :entry
                        order by raised_at desc limit 1""")
                .param("key", key)
                .param("list", list.id())
                .param("version", list.version())
                .param("entry", entry)
                .query(ScreeningReviews::alert)
                .list();
        return alerts.isEmpty()
                ? Optional.empty()
                : Optional.of(withHistory(alerts).getFirst());
    }

    private List<ScreeningAlert> withHistory(List<ScreeningAlert> alerts) {
        if (alerts.isEmpty()) {
            return alerts;
        }
        var ids = alerts.stream().map(ScreeningAlert::id).toList();
        var actions = jdbc
                .sql("select * from screening.review_action where alert_id in (:ids) order by at, id")
                .param("ids", ids)
                .query((rs, i) -> Map.entry(
                        rs.getObject("alert_id", UUID.class),
                        new ReviewAction(
                                rs.getTimestamp("at").toInstant(),
                                rs.getString("officer"),
                                ReviewAction.Kind.valueOf(rs.getString("action")),
                                rs.getString("reason"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return alerts.stream()
                .map(a -> new ScreeningAlert(
                        a.id(),
                        a.raisedAt(),
                        a.raisedBy(),
                        a.query(),
                        a.nameKey(),
                        a.list(),
                        a.entryId(),
                        a.entryName(),
                        a.matchedName(),
                        a.score(),
                        a.outcome(),
                        a.asOf(),
                        a.listings(),
                        a.explanation(),
                        a.status(),
                        actions.getOrDefault(a.id(), List.of())))
                .toList();
    }

    private void insert(ScreeningAlert alert) {
        jdbc.sql("""
                        insert into screening.alert
                          (id, raised_at, raised_by, query, name_key, list_id, list_version, list_digest, entry_id,
                           entry_name, matched_name, score, outcome, as_of, listings_zh, listings_en, explanation_zh,
                           explanation_en, status)
                        values (:id, :raisedAt, :raisedBy, :query, :key, :listId, :listVersion, :listDigest, :entry,
                           :entryName, :matchedName, :score, :outcome, :asOf, :listingsZh, :listingsEn, :zh, :en,
                           :status)""")
                .param("id", alert.id())
                .param("raisedAt", Timestamp.from(alert.raisedAt()))
                .param("raisedBy", truncate(alert.raisedBy(), 200))
                .param("query", alert.query())
                .param("key", alert.nameKey())
                .param("listId", alert.list().id())
                .param("listVersion", alert.list().version())
                .param("listDigest", alert.list().digest())
                .param("entry", truncate(alert.entryId(), 200))
                .param("entryName", alert.entryName())
                .param("matchedName", alert.matchedName())
                .param("score", alert.score())
                .param("outcome", alert.outcome().name())
                .param("asOf", alert.asOf())
                .param("listingsZh", alert.listings().zh())
                .param("listingsEn", alert.listings().en())
                .param("zh", alert.explanation().zh())
                .param("en", alert.explanation().en())
                .param("status", alert.status().name())
                .update();
        append(alert.id(), alert.history().getFirst());
        published(alert, null);
    }

    private void published(ScreeningAlert alert, @Nullable AlertStatus from) {
        var action = alert.history().getLast();
        events.publishEvent(new ScreeningReviewed(
                alert.id(),
                action.kind(),
                from,
                alert.status(),
                action.officer(),
                action.at(),
                alert.list(),
                alert.entryId(),
                action.reason()));
    }

    private void append(UUID alert, ReviewAction action) {
        jdbc.sql("""
                        insert into screening.review_action (id, alert_id, at, officer, action, reason)
                        values (:id, :alert, :at, :officer, :action, :reason)""")
                .param("id", UUID.randomUUID())
                .param("alert", alert)
                .param("at", Timestamp.from(action.at()))
                .param("officer", truncate(action.officer(), 200))
                .param("action", action.kind().name())
                .param("reason", action.reason())
                .update();
    }

    private static ScreeningAlert alert(ResultSet rs, int row) throws SQLException {
        return new ScreeningAlert(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("raised_at").toInstant(),
                rs.getString("raised_by"),
                rs.getString("query"),
                rs.getString("name_key"),
                new ListRef(rs.getString("list_id"), rs.getString("list_version"), rs.getString("list_digest")),
                rs.getString("entry_id"),
                rs.getString("entry_name"),
                rs.getString("matched_name"),
                rs.getDouble("score"),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getDate("as_of").toLocalDate(),
                new Explanation(rs.getString("listings_zh"), rs.getString("listings_en")),
                new Explanation(rs.getString("explanation_zh"), rs.getString("explanation_en")),
                AlertStatus.valueOf(rs.getString("status")),
                List.of());
    }

    /** The entry's listings and their status on the screening date, as the officer needs to read them. */
    private static Explanation listings(Hit hit) {
        var zh = new ArrayList<String>();
        var en = new ArrayList<String>();
        for (var l : hit.listings()) {
            var a = l.listing().announcement();
            var number = a.number() == null ? "" : " " + a.number();
            var window = l.suspension() == null
                    ? ""
                    : " " + l.suspension().from() + "–"
                            + (l.suspension().until() == null
                                    ? ""
                                    : l.suspension().until().minusDays(1).toString());
            zh.add(a.list().zh() + " " + a.date() + number + "：" + l.status().name() + window);
            en.add(a.list().en() + " " + a.date() + number + ": " + l.status().name() + window);
        }
        return new Explanation(String.join("；", zh), String.join("; ", en));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
