package org.kaifang.applications;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kaifang.calendar.CalendarStore;
import org.kaifang.calendar.StatutoryClock;
import org.kaifang.calendar.YearNotCovered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where applications are kept. A save names the version it read and fails when another save came first. */
@Repository
class ApplicationStore {

    private final JdbcClient jdbc;
    private final CalendarStore calendars;

    ApplicationStore(JdbcClient jdbc, CalendarStore calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    /** Stores a new application at version 1. */
    LicenceApplication insert(LicenceApplication a, Instant now) {
        var saved = a.saved(1);
        jdbc.sql("""
                        insert into applications.application
                          (id, version, type, status, applicant, applicant_name, created_at, updated_at,
                           acceptance_due, decision_due, next_due, body)
                        values (:id, 1, :type, :status, :applicant, :name, :createdAt, :updatedAt, :acceptanceDue,
                          :decisionDue, :nextDue, :body)""")
                .param("id", a.id().value())
                .param("type", a.type().name())
                .param("status", a.status().name())
                .param("applicant", a.applicant())
                .param("name", a.applicantName())
                .param("createdAt", Timestamp.from(a.createdAt()))
                .param("updatedAt", Timestamp.from(now))
                .param("acceptanceDue", due(a.acceptanceClock()))
                .param("decisionDue", due(a.decisionClock()))
                .param("nextDue", nextDue(a))
                .param("body", ApplicationJson.write(saved))
                .update();
        return saved;
    }

    /**
     * Saves {@code a}, read at {@code a.version()}, as the next version.
     *
     * @throws ActionRefused ({@link ActionRefused.Kind#CONFLICT}) when another save came first
     */
    LicenceApplication update(LicenceApplication a, Instant now) {
        var saved = a.saved(a.version() + 1);
        var rows = jdbc.sql("""
                        update applications.application
                        set version = :next, type = :type, status = :status, applicant_name = :name,
                            updated_at = :updatedAt,
                            acceptance_due = :acceptanceDue, decision_due = :decisionDue, next_due = :nextDue,
                            body = :body
                        where id = :id and version = :version""")
                .param("next", saved.version())
                .param("type", a.type().name())
                .param("status", a.status().name())
                .param("name", a.applicantName())
                .param("updatedAt", Timestamp.from(now))
                .param("acceptanceDue", due(a.acceptanceClock()))
                .param("decisionDue", due(a.decisionClock()))
                .param("nextDue", nextDue(a))
                .param("body", ApplicationJson.write(saved))
                .param("id", a.id().value())
                .param("version", a.version())
                .update();
        if (rows != 1) {
            throw ActionRefused.conflict("Someone else changed this application first; reload it and try again");
        }
        return saved;
    }

    Optional<LicenceApplication> find(ApplicationId id) {
        return jdbc.sql("select body from applications.application where id = :id")
                .param("id", id.value())
                .query(String.class)
                .optional()
                .map(ApplicationJson::read);
    }

    /** Up to {@code limit} submitted, undecided applications with ids after {@code after}, by id: a keyset page. */
    List<LicenceApplication> pendingAfter(@Nullable ApplicationId after, int limit) {
        var statuses = java.util.Arrays.stream(ApplicationStatus.values())
                .filter(s -> s != ApplicationStatus.DRAFT && !s.closed())
                .map(Enum::name)
                .toList();
        var sql = jdbc.sql("select body from applications.application where status in (:statuses)"
                        + (after == null ? "" : " and id > :after")
                        + " order by id limit " + limit)
                .param("statuses", statuses);
        if (after != null) {
            sql = sql.param("after", after.value());
        }
        return sql.query(String.class).list().stream()
                .map(ApplicationJson::read)
                .toList();
    }

    /** An organisation's applications, most recently changed first. */
    List<LicenceApplication> ofApplicant(String organisation, int limit) {
        return jdbc
                .sql("select body from applications.application where applicant = :org order by updated_at desc, id"
                        + " limit " + limit)
                .param("org", organisation)
                .query(String.class)
                .list()
                .stream()
                .map(ApplicationJson::read)
                .toList();
    }

    /**
     * Applications in {@code statuses} of any applicant but {@code excluded} (the officer's own organisation), those
     * due soonest first. The exclusion is in the query so that it cannot shorten a page cut by the limit.
     */
    List<QueueRow> queue(
            List<ApplicationStatus> statuses,
            String excluded,
            int limit,
            @Nullable LocalDate dueFrom,
            @Nullable LocalDate dueUntil) {
        return jdbc.sql("""
                        select id, version, type, status, applicant, applicant_name, updated_at, acceptance_due,
                               decision_due
                        from applications.application
                        where status in (:statuses) and applicant <> :excluded""" + dueRange(dueFrom, dueUntil) + """

                        order by next_due nulls last, updated_at, id
                        limit """ + " " + limit)
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .param("excluded", excluded)
                .params(dueParams(dueFrom, dueUntil))
                .query((rs, i) -> new QueueRow(
                        new ApplicationId(rs.getObject("id", java.util.UUID.class)),
                        rs.getLong("version"),
                        ApplicationType.valueOf(rs.getString("type")),
                        ApplicationStatus.valueOf(rs.getString("status")),
                        rs.getString("applicant"),
                        rs.getString("applicant_name"),
                        rs.getTimestamp("updated_at").toInstant(),
                        date(rs.getDate("acceptance_due")),
                        date(rs.getDate("decision_due"))))
                .list();
    }

    /** How many applications the queue with these filters holds, beyond any page. */
    long count(
            List<ApplicationStatus> statuses,
            String excluded,
            @Nullable LocalDate dueFrom,
            @Nullable LocalDate dueUntil) {
        return jdbc.sql("""
                        select count(*) from applications.application
                        where status in (:statuses) and applicant <> :excluded""" + dueRange(dueFrom, dueUntil))
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .param("excluded", excluded)
                .params(dueParams(dueFrom, dueUntil))
                .query(Long.class)
                .single();
    }

    private static String dueRange(@Nullable LocalDate from, @Nullable LocalDate until) {
        return (from != null ? " and next_due >= :dueFrom" : "") + (until != null ? " and next_due <= :dueUntil" : "");
    }

    private static java.util.Map<String, Object> dueParams(@Nullable LocalDate from, @Nullable LocalDate until) {
        var params = new java.util.HashMap<String, Object>();
        if (from != null) {
            params.put("dueFrom", java.sql.Date.valueOf(from));
        }
        if (until != null) {
            params.put("dueUntil", java.sql.Date.valueOf(until));
        }
        return params;
    }

    /** The application a creation request with {@code key} made earlier, and the digest of that request. */
    Optional<IdempotentCreation> created(String organisation, String key) {
        return jdbc.sql("""
                        select application_id, request_digest from applications.idempotency_key
                        where organisation = :org and idem_key = :key""")
                .param("org", organisation)
                .param("key", key)
                .query((rs, i) -> new IdempotentCreation(
                        new ApplicationId(rs.getObject("application_id", java.util.UUID.class)),
                        rs.getString("request_digest")))
                .optional();
    }

    void remember(String organisation, String key, ApplicationId id, String digest, Instant now) {
        jdbc.sql("""
                        insert into applications.idempotency_key
                          (organisation, idem_key, application_id, request_digest, created_at)
                        values (:org, :key, :id, :digest, :at)""")
                .param("org", organisation)
                .param("key", key)
                .param("id", id.value())
                .param("digest", digest)
                .param("at", Timestamp.from(now))
                .update();
    }

    record IdempotentCreation(ApplicationId application, String digest) {}

    /** The queue's sort key: the running clock's due date (acceptance first, as only one runs at a time). */
    private @Nullable LocalDate nextDue(LicenceApplication a) {
        var acceptance = due(a.acceptanceClock());
        return acceptance != null ? acceptance : due(a.decisionClock());
    }

    private @Nullable LocalDate due(@Nullable StatutoryClock clock) {
        if (clock == null || clock.stopped()) {
            return null;
        }
        try {
            return clock.due(calendars.calendar()).orElse(null);
        } catch (YearNotCovered e) {
            return null;
        }
    }

    private static @Nullable LocalDate date(java.sql.@Nullable Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
