package org.kaifang.whatif;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The runs and their changes in schema {@code whatif}. Changes are written in JDBC batches. */
@Component
class Runs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Runs(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new JdbcTemplate(dataSource);
    }

    void create(Run run) {
        jdbc.sql("""
                        insert into whatif.run (id, organisation, started_by, candidate_source, candidate_version,
                            candidate_digest, current_version, current_digest, as_of, status, started_at, estimate,
                            subjects, skipped, services, distinct_inputs, gains, losses, heartbeat_at)
                        values (:id, :organisation, :startedBy, :source, :candidateVersion, :candidateDigest,
                            :currentVersion, :currentDigest, :asOf, :status, :startedAt, :estimate, 0, 0, 0, 0, 0, 0,
                            current_timestamp)""")
                .param("id", run.id())
                .param("organisation", run.organisation())
                .param("startedBy", run.startedBy())
                .param("source", run.candidateSource())
                .param("candidateVersion", run.candidateVersion())
                .param("candidateDigest", run.candidateDigest())
                .param("currentVersion", run.currentVersion())
                .param("currentDigest", run.currentDigest())
                .param("asOf", run.asOf())
                .param("status", run.status().name())
                .param("startedAt", Timestamp.from(run.startedAt()))
                .param("estimate", run.estimate())
                .update();
    }

    /**
     * Records progress and, once {@code status} is finished, the end, and beats the run's heart; returns {@code false},
     * changing nothing, when the run is no longer running (another node has marked it failed: see {@link #abandon}).
     */
    boolean progress(
            UUID id,
            RunStatus status,
            long subjects,
            long skipped,
            long services,
            long distinctInputs,
            long gains,
            long losses,
            @Nullable String problem,
            @Nullable Instant finishedAt) {
        return jdbc.sql("""
                        update whatif.run set status = :status, subjects = :subjects, skipped = :skipped,
                            services = :services, distinct_inputs = :distinct, gains = :gains, losses = :losses,
                            problem = :problem, finished_at = :finishedAt, heartbeat_at = current_timestamp
                        where id = :id and status = 'RUNNING'""")
                        .param("status", status.name())
                        .param("subjects", subjects)
                        .param("skipped", skipped)
                        .param("services", services)
                        .param("distinct", distinctInputs)
                        .param("gains", gains)
                        .param("losses", losses)
                        .param("problem", problem)
                        .param("finishedAt", finishedAt == null ? null : Timestamp.from(finishedAt))
                        .param("id", id)
                        .update()
                > 0;
    }

    /** Beats the heart of the runs {@code ids} that are still running (on this node, waiting or working). */
    void beat(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update whatif.run set heartbeat_at = current_timestamp where id in (:ids) and status = 'RUNNING'")
                    .param("ids", List.copyOf(ids))
                    .update();
        }
    }

    /**
     * Marks failed every run still running whose heart has not beaten for {@code silence}: the node running it has
     * stopped. Returns how many. Any node may call it at any time; a run whose node is alive is never touched.
     */
    int abandon(Duration silence, Instant now) {
        return jdbc.sql("""
                        update whatif.run set status = 'FAILED', finished_at = :now,
                            problem = 'the server running it stopped during the run'
                        where status = 'RUNNING'
                          and (heartbeat_at is null or heartbeat_at < current_timestamp - cast(:seconds as integer) * interval '1' second)""")
                .param("now", Timestamp.from(now))
                .param("seconds", silence.toSeconds())
                .update();
    }

    /** Asks the node that runs {@code id} to cancel it; {@code false} when it is not running. */
    boolean requestCancel(UUID id) {
        return jdbc.sql("update whatif.run set cancel_requested = true where id = :id and status = 'RUNNING'")
                        .param("id", id)
                        .update()
                > 0;
    }

    /** Of the runs {@code ids}, those whose cancel was asked for (on any node). */
    List<UUID> cancelRequested(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from whatif.run where id in (:ids) and cancel_requested")
                .param("ids", List.copyOf(ids))
                .query(UUID.class)
                .list();
    }

    /** Writes {@code changes}, numbered from {@code firstSeq}, in one batch. */
    void add(UUID run, long firstSeq, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        var rows = new ArrayList<Object[]>(changes.size());
        var seq = firstSeq;
        for (var c : changes) {
            var s = c.subject();
            rows.add(new Object[] {
                run,
                seq++,
                s.kind().name(),
                s.ref(),
                clip(s.name(), 500),
                s.uscc(),
                s.seat(),
                c.area(),
                clip(String.join(",", s.zones()), 500),
                s.foreignEquityPercent(),
                s.equityAssumed(),
                c.serviceKey(),
                JSON.writeValueAsString(c.service()),
                c.direction().name(),
                c.current().name(),
                c.candidate().name(),
                c.currentRule(),
                c.candidateRule()
            });
        }
        template.batchUpdate("""
                insert into whatif.change (run_id, seq, subject_kind, subject_ref, subject_name, uscc, seat, area,
                    zones, equity, equity_assumed, service, service_json, direction, current_outcome,
                    candidate_outcome, current_rule, candidate_rule)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    Optional<Run> find(UUID id) {
        return jdbc.sql("select * from whatif.run where id = :id")
                .param("id", id)
                .query(Runs::run)
                .optional();
    }

    /** An organisation's runs, newest first. */
    List<Run> of(String organisation, int limit) {
        return jdbc.sql("select * from whatif.run where organisation = :organisation order by started_at desc limit "
                        + limit)
                .param("organisation", organisation)
                .query(Runs::run)
                .list();
    }

    /** Gains and losses by service and area, with counts. */
    List<Report.Group> groups(UUID run) {
        return jdbc.sql("""
                        select service, area, direction, current_outcome, candidate_outcome, count(*)
                          from whatif.change where run_id = :run
                         group by service, area, direction, current_outcome, candidate_outcome
                         order by service, area, direction, current_outcome, candidate_outcome""")
                .param("run", run)
                .query((rs, i) -> new Report.Group(
                        rs.getString(1),
                        rs.getString(2),
                        Direction.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6)))
                .list();
    }

    /** Stored changes of a run, in order, from {@code afterSeq}: a keyset page for the CSV and the lists. */
    List<StoredChange> changes(UUID run, long afterSeq, int limit) {
        return jdbc.sql("select * from whatif.change where run_id = :run and seq > :after order by seq limit " + limit)
                .param("run", run)
                .param("after", afterSeq)
                .query(Runs::change)
                .list();
    }

    /** The stored changes of one subject in a run. */
    List<StoredChange> changesOf(UUID run, String subjectRef) {
        return jdbc.sql("select * from whatif.change where run_id = :run and subject_ref = :ref order by seq")
                .param("run", run)
                .param("ref", subjectRef)
                .query(Runs::change)
                .list();
    }

    /** A stored change, as the report and the CSV show it. */
    record StoredChange(
            long seq,
            SubjectKind kind,
            String ref,
            String name,
            @Nullable String uscc,
            String seat,
            String area,
            List<String> zones,
            BigDecimal equity,
            boolean equityAssumed,
            String service,
            String serviceJson,
            Direction direction,
            String current,
            String candidate,
            String currentRule,
            String candidateRule) {}

    private static StoredChange change(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        var zones = rs.getString("zones");
        return new StoredChange(
                rs.getLong("seq"),
                SubjectKind.valueOf(rs.getString("subject_kind")),
                rs.getString("subject_ref"),
                rs.getString("subject_name"),
                rs.getString("uscc"),
                rs.getString("seat"),
                rs.getString("area"),
                zones.isEmpty() ? List.of() : List.of(zones.split(",")),
                rs.getBigDecimal("equity"),
                rs.getBoolean("equity_assumed"),
                rs.getString("service"),
                rs.getString("service_json"),
                Direction.valueOf(rs.getString("direction")),
                rs.getString("current_outcome"),
                rs.getString("candidate_outcome"),
                rs.getString("current_rule"),
                rs.getString("candidate_rule"));
    }

    private static Run run(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        var finished = rs.getTimestamp("finished_at");
        return new Run(
                rs.getObject("id", UUID.class),
                rs.getString("organisation"),
                rs.getString("started_by"),
                rs.getString("candidate_source"),
                rs.getString("candidate_version"),
                rs.getString("candidate_digest"),
                rs.getString("current_version"),
                rs.getString("current_digest"),
                rs.getObject("as_of", LocalDate.class),
                RunStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getLong("estimate"),
                rs.getLong("subjects"),
                rs.getLong("skipped"),
                rs.getLong("services"),
                rs.getLong("distinct_inputs"),
                rs.getLong("gains"),
                rs.getLong("losses"),
                rs.getString("problem"));
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
