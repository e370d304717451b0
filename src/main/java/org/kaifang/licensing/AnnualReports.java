package org.kaifang.licensing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.Role;
import org.kaifang.rules.RuleCatalogue;
import org.kaifang.rules.RulePack;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Annual reports (年报, Order 42 art. 35) and what follows from a missing one (art. 38): the holder saves a draft as
 * often as it likes and submits it complete, with the typed commitment, from the first day of the window in the rule
 * pack ({@code annual-report.window}); a report still missing after {@code annual-report.deadline} puts the operator
 * on the bad list ({@link #sweep}); a registrar's confirmation of the report takes it off again.
 */
@Service
public class AnnualReports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final LicenceStore licences;
    private final CreditLists lists;
    private final RuleCatalogue rules;
    private final DailyJobs jobs;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    static final String JOB = "annual-report-sweep";

    AnnualReports(
            JdbcClient jdbc,
            LicenceStore licences,
            CreditLists lists,
            RuleCatalogue rules,
            DailyJobs jobs,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.licences = licences;
        this.lists = lists;
        this.rules = rules;
        this.clock = clock;
    }

    /** The report on {@code year}, if there is one and {@code user} may see the licence. */
    public Optional<AnnualReport> find(CurrentUser user, LicenceId licence, int year) {
        visible(user, licence);
        return load(licence, year);
    }

    /** How many past years the holder's list of reports goes back. */
    static final int YEARS_SHOWN = 3;

    /**
     * The reports {@code user}'s organisation owes or owed on its licences in force: each year since the licence was
     * issued, the last {@value #YEARS_SHOWN} at most, newest first. Empty for anyone but a holder's applicant.
     */
    public java.util.List<ReportDue> due(CurrentUser user) {
        var today = today();
        var pack = rules.current();
        var window = window(today);
        var deadline = deadline(pack, today);
        var due = new java.util.ArrayList<ReportDue>();
        for (var licence : Licences.held(licences, user)) {
            if (licence.status() != LicenceStatus.NORMAL) {
                continue;
            }
            var first = Math.max(licence.issuedOn().getYear(), today.getYear() - YEARS_SHOWN);
            for (var year = today.getYear() - 1; year >= first; year--) {
                due.add(new ReportDue(
                        licence,
                        year,
                        load(licence.id(), year).orElse(null),
                        window.getKey().atYear(year + 1),
                        deadline.atYear(year + 1)));
            }
        }
        return due;
    }

    /** Submitted reports a registrar has yet to confirm, oldest submission first (the regulator's staff only). */
    public java.util.List<ReportDue> awaitingConfirmation(CurrentUser user) {
        if (user.has(Role.APPLICANT)) {
            throw LicenceRefused.forbidden("The confirmation queue is for the regulator's staff");
        }
        var today = today();
        var window = window(today);
        var deadline = deadline(rules.current(), today);
        return jdbc.sql("""
                        select licence_id, report_year from licensing.annual_report where status = 'SUBMITTED'
                         order by submitted_at, licence_id limit 500""").query((rs, i) -> Map.entry(new LicenceId(rs.getString(1)), rs.getInt(2))).list().stream()
                .flatMap(e -> licences.find(e.getKey()).stream()
                        .map(l -> new ReportDue(
                                l,
                                e.getValue(),
                                load(l.id(), e.getValue()).orElse(null),
                                window.getKey().atYear(e.getValue() + 1),
                                deadline.atYear(e.getValue() + 1))))
                .toList();
    }

    /**
     * The holder saves the report as a draft (items may be missing).
     *
     * @throws LicenceRefused {@code NOT_FOUND} when the user may not see the licence, {@code FORBIDDEN} unless the user
     *     is the holder's applicant, {@code CONFLICT} once submitted or for a year it cannot report on, {@code INVALID}
     */
    @Transactional
    public AnnualReport saveDraft(CurrentUser user, LicenceId id, int year, AnnualReportForm form) {
        var licence = holder(user, id);
        checkYear(licence, year);
        var problems = form.draftProblems();
        if (!problems.isEmpty()) {
            throw LicenceRefused.invalid(problems);
        }
        var existing = load(id, year);
        if (existing.isPresent() && existing.get().status() != AnnualReport.Status.DRAFT) {
            throw LicenceRefused.conflict("The report on " + year + " was submitted already");
        }
        var report = new AnnualReport(
                id,
                year,
                AnnualReport.Status.DRAFT,
                form,
                clock.instant(),
                user.id().toString(),
                null,
                null,
                null);
        save(report, existing.isPresent());
        return report;
    }

    /**
     * The holder submits the report: items 1–5 filled in and the commitment typed, from the window's first day (late
     * reports are taken; they do not take the operator off the bad list until a registrar confirms them).
     */
    @Transactional
    public AnnualReport submit(CurrentUser user, LicenceId id, int year, AnnualReportForm form) {
        var licence = holder(user, id);
        checkYear(licence, year);
        var opens = window(today()).getKey().atYear(year + 1);
        if (today().isBefore(opens)) {
            throw LicenceRefused.conflict("The report on " + year + " can be submitted from " + opens);
        }
        var problems = form.submissionProblems();
        if (!problems.isEmpty()) {
            throw LicenceRefused.invalid(problems);
        }
        var existing = load(id, year);
        if (existing.isPresent() && existing.get().status() != AnnualReport.Status.DRAFT) {
            throw LicenceRefused.conflict("The report on " + year + " was submitted already");
        }
        var now = clock.instant();
        var report = new AnnualReport(
                id, year, AnnualReport.Status.SUBMITTED, form, now, user.id().toString(), now, null, null);
        save(report, existing.isPresent());
        return report;
    }

    /**
     * A registrar confirms a submitted report; a bad-list entry for its lateness is taken off (art. 38).
     *
     * @throws LicenceRefused {@code FORBIDDEN} unless a registrar, {@code CONFLICT} unless submitted
     */
    @Transactional
    public AnnualReport confirm(CurrentUser user, LicenceId id, int year) {
        visible(user, id);
        if (!user.has(Role.REGISTRAR)) {
            throw LicenceRefused.forbidden("Only a registrar confirms annual reports");
        }
        var report = load(id, year)
                .filter(r -> r.status() == AnnualReport.Status.SUBMITTED)
                .orElseThrow(() -> LicenceRefused.conflict("There is no submitted report on " + year + " to confirm"));
        var now = clock.instant();
        var confirmed = new AnnualReport(
                id,
                year,
                AnnualReport.Status.CONFIRMED,
                report.form(),
                report.savedAt(),
                report.savedBy(),
                report.submittedAt(),
                now,
                user.id().toString());
        jdbc.sql("""
                        update licensing.annual_report set status = 'CONFIRMED', confirmed_at = :at, confirmed_by = :by
                         where licence_id = :id and report_year = :year""")
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("by", user.id().toString())
                .param("id", id.value())
                .param("year", year)
                .update();
        events.publishEvent(
                new AnnualReportChanged(id, year, AnnualReport.Status.CONFIRMED, confirmed.submittedAt(), now, now));
        lists.takeOff(
                cause(id, year),
                today(),
                "已补报" + year + "年度年报并经确认（第三十八条）/ the " + year + " annual report was filed and confirmed (art. 38)");
        return confirmed;
    }

    /**
     * Today's sweep, if this node wins it: {@code -1} when another node (or an earlier run) had today's.
     */
    int runOnce() {
        var today = today();
        return jobs.claim(JOB, today) ? sweep(today) : -1;
    }

    /**
     * Puts on the bad list every operator whose licence in force has no submitted report on last year once this
     * year's deadline has passed; each licence and year once. Synthetic licences and licences with no Kaifang
     * organisation are left out. Returns how many entries were made.
     */
    @Transactional
    public int sweep(LocalDate today) {
        var pack = rules.current();
        var deadlineDay = deadline(pack, today);
        var deadline = deadlineDay.atYear(today.getYear());
        if (!today.isAfter(deadline)) {
            return 0;
        }
        var year = today.getYear() - 1;
        var lastDayOfYear = LocalDate.of(year, 12, 31);
        var missing = jdbc.sql("""
                        select l.body from licensing.licence l
                         where l.status = 'NORMAL' and not exists (
                           select 1 from licensing.annual_report r
                            where r.licence_id = l.id and r.report_year = :year and r.status <> 'DRAFT')""")
                .param("year", year)
                .query((rs, i) -> LicenceJson.read(rs.getString(1)))
                .list();
        var basis = pack.parameter("annual-report.late-listing").require(today);
        var count = 0;
        for (var licence : missing) {
            // Only holders who can file here are listed: a licence issued before the year ended, held by an
            // organisation with a Kaifang account. Demo data and licences taken over from an earlier register
            // without an account have no reports in Kaifang to miss.
            if (licence.issuedOn().isAfter(lastDayOfYear) || licence.synthetic() || licence.organisation() == null) {
                continue;
            }
            var cause = cause(licence.id(), year);
            var entry = new CreditListEntry(
                    UUID.randomUUID().toString(),
                    CreditList.valueOf(basis.text()),
                    licence.holder(),
                    licence.uscc(),
                    licence.number(),
                    today,
                    "逾期未报送" + year + "年度年报（截止" + deadline + "；电信业务经营许可管理办法第三十八条）/ annual report on " + year
                            + " not filed by " + deadline + " (Order 42 art. 38)",
                    authorityName(licence.authority()),
                    null,
                    null,
                    licence.synthetic());
            if (lists.put(entry, cause) == entry) {
                count++;
            }
        }
        return count;
    }

    private static String cause(LicenceId id, int year) {
        return "ANNUAL_REPORT:" + id.value() + ":" + year;
    }

    private static String authorityName(String authority) {
        return authority.equals("MIIT") ? "工业和信息化部 / MIIT" : authority + " 通信管理局 / communications administration";
    }

    private Map.Entry<MonthDay, MonthDay> window(LocalDate on) {
        var value =
                rules.current().parameter("annual-report.window").require(on).map();
        return Map.entry(MonthDay.parse("--" + value.get("from")), MonthDay.parse("--" + value.get("to")));
    }

    private static MonthDay deadline(RulePack pack, LocalDate on) {
        var value = pack.parameter("annual-report.deadline").require(on).map();
        return MonthDay.of(((Number) value.get("month")).intValue(), ((Number) value.get("day")).intValue());
    }

    private void checkYear(LicenceView licence, int year) {
        if (year >= today().getYear()) {
            throw LicenceRefused.conflict("A report is on a year that has ended; " + year + " has not");
        }
        if (licence.issuedOn().getYear() > year) {
            throw LicenceRefused.conflict("The licence was issued after " + year);
        }
    }

    private LicenceView visible(CurrentUser user, LicenceId id) {
        return licences.find(id)
                .filter(l -> Licences.visibleTo(user, l))
                .orElseThrow(() -> LicenceRefused.notFound(id));
    }

    private LicenceView holder(CurrentUser user, LicenceId id) {
        var licence = visible(user, id);
        if (!Licences.heldBy(user, licence)) {
            throw LicenceRefused.forbidden("Only the licence holder files its annual report");
        }
        return licence;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Licences.CHINA);
    }

    private Optional<AnnualReport> load(LicenceId id, int year) {
        return jdbc.sql("select * from licensing.annual_report where licence_id = :id and report_year = :year")
                .param("id", id.value())
                .param("year", year)
                .query((rs, i) -> new AnnualReport(
                        id,
                        year,
                        AnnualReport.Status.valueOf(rs.getString("status")),
                        JSON.readValue(rs.getString("body"), AnnualReportForm.class),
                        rs.getObject("saved_at", OffsetDateTime.class).toInstant(),
                        rs.getString("saved_by"),
                        instant(rs.getObject("submitted_at", OffsetDateTime.class)),
                        instant(rs.getObject("confirmed_at", OffsetDateTime.class)),
                        rs.getString("confirmed_by")))
                .optional();
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private void save(AnnualReport r, boolean exists) {
        var sql = exists ? """
                update licensing.annual_report set status = :status, body = :body, saved_at = :savedAt,
                       saved_by = :savedBy, submitted_at = :submittedAt
                 where licence_id = :id and report_year = :year""" : """
                insert into licensing.annual_report (licence_id, report_year, status, body, saved_at, saved_by,
                       submitted_at)
                values (:id, :year, :status, :body, :savedAt, :savedBy, :submittedAt)""";
        jdbc.sql(sql)
                .param("id", r.licence().value())
                .param("year", r.year())
                .param("status", r.status().name())
                .param("body", JSON.writeValueAsString(r.form()))
                .param("savedAt", OffsetDateTime.ofInstant(r.savedAt(), ZoneOffset.UTC))
                .param("savedBy", r.savedBy())
                .param(
                        "submittedAt",
                        r.submittedAt() == null ? null : OffsetDateTime.ofInstant(r.submittedAt(), ZoneOffset.UTC),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
        events.publishEvent(
                new AnnualReportChanged(r.licence(), r.year(), r.status(), r.submittedAt(), null, r.savedAt()));
    }
}
