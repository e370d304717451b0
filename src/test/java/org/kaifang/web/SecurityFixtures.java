package org.kaifang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kaifang.accounts.ApiTokens;
import org.kaifang.accounts.CreateApiToken;
import org.kaifang.accounts.Role;
import org.kaifang.accounts.UserId;
import org.kaifang.licensing.ExistingLicence;
import org.kaifang.licensing.LicenceKind;
import org.kaifang.licensing.LicenceStatus;
import org.kaifang.licensing.LicenceView;
import org.kaifang.licensing.Licences;
import org.kaifang.licensing.LicensedService;
import org.kaifang.testing.Http;
import org.kaifang.testing.SampleFiles;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The objects the authorisation matrix and the bad-input corpus point at, made through the API and the pages as users
 * make them: a draft application of organisation A with a document, a submitted one (which made a determination and
 * told the case officers in their inboxes), a determination made anonymously, and a screening alert raised by an officer. Each is a value for
 * a placeholder in the matrix's requests, e.g. {@code {app}}.
 */
final class SecurityFixtures {

    /** A determination request the engine accepts. */
    static final String REQUEST = "{\"asOf\":\"2025-06-01\",\"applicant\":{\"name\":\"Matrix Cloud Co., Ltd.\","
            + "\"seat\":\"310115\",\"registeredCapitalCny\":10000000},\"foreignEquityPercent\":100,"
            + "\"services\":[{\"code\":\"B11\",\"item\":\"IDC\",\"coverage\":[\"CN\"],\"facilities\":[\"310115\"]}]}";

    /** A shareholding structure the ownership analyser accepts. */
    static final String STRUCTURE = "{\"asOf\":\"2025-06-01\",\"parties\":["
            + "{\"id\":\"applicant\",\"name\":\"Matrix Cloud\",\"kind\":\"COMPANY\",\"jurisdiction\":\"CN\"},"
            + "{\"id\":\"parent\",\"name\":\"Matrix AG\",\"kind\":\"COMPANY\",\"jurisdiction\":\"DE\"}],"
            + "\"holdings\":[{\"owner\":\"parent\",\"owned\":\"applicant\",\"equityPercent\":50}]}";

    /** A name on the built-in lists: screening it raises an alert. */
    static final String LISTED = "Planate Management Group";

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Caller applicantA;

    private SecurityFixtures(Caller applicantA) {
        this.applicantA = applicantA;
    }

    static SecurityFixtures create(
            int port, Map<String, Caller> callers, JdbcClient jdbc, Licences licences, ApiTokens tokens) {
        var a = callers.get("applicant.a");
        var fixtures = new SecurityFixtures(a);
        var app = fixtures.application(a);
        var pdf = new Caller.Multipart()
                .field("kind", "ARTICLES")
                .file("file", "articles.pdf", "application/pdf", SampleFiles.pdf());
        var upload = a.api("POST", "/api/v1/applications/" + app + "/documents", pdf.contentType(), pdf.body());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        fixtures.values.put("{app}", app);
        fixtures.values.put("{doc}", Http.json(upload).get("id").asString());

        var submitted = fixtures.application(a);
        var submit = a.api("POST", "/api/v1/applications/" + submitted + "/submit", "{\"version\":1}");
        assertThat(submit.statusCode()).as(submit.body()).isEqualTo(200);
        fixtures.values.put("{submitted}", submitted);
        fixtures.values.put(
                "{submittedDet}",
                Http.json(submit).at("/submission/determination").asString());

        var determination = callers.get(Caller.ANONYMOUS).api("POST", "/api/v1/determinations", REQUEST);
        assertThat(determination.statusCode()).as(determination.body()).isEqualTo(201);
        fixtures.values.put("{det}", Http.json(determination).get("id").asString());

        var officer = callers.get("officer");
        var screened = officer.form("POST", "/screening", "names=" + Caller.encode(LISTED) + "&asOf=2025-06-01");
        assertThat(screened.statusCode()).as(screened.body()).isEqualTo(200);
        // A hit already reviewed is remembered rather than raised again, so the alert may be an earlier test's.
        var alerts = jdbc.sql(
                        "select id from screening.alert where (lower(entry_name) like :name or lower(query) like :name)"
                                + " order by case when status = 'OPEN' then 0 else 1 end, raised_at desc")
                .param("name", "%planate%")
                .query(UUID.class)
                .list();
        assertThat(alerts).as("alerts for %s", LISTED).isNotEmpty();
        fixtures.values.put("{alert}", alerts.getFirst().toString());

        fixtures.values.put("{msg}", fixtures.messageOf("officer", jdbc));

        var licence = recordLicenceOfA(licences);
        fixtures.values.put("{licence}", licence.id().value());
        fixtures.values.put("{licenceVersion}", String.valueOf(licence.version()));
        fixtures.values.put("{licenceNumber}", Caller.encode(licence.number()));
        var draft = a.api(
                "PUT",
                "/api/v1/licences/" + licence.id().value() + "/annual-reports/" + REPORT_YEAR,
                "{\"business\":\"IDC in Shanghai\"}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        fixtures.values.put("{year}", String.valueOf(REPORT_YEAR));
        var entry = callers.get("registrar")
                .api(
                        "POST",
                        "/api/v1/credit-lists/bad",
                        "{\"operator\":\"矩阵测试网络有限公司\",\"listedOn\":\"2025-03-01\","
                                + "\"reason\":\"未按规定报送年报（第三十八条）\",\"authority\":\"上海市通信管理局\"}");
        assertThat(entry.statusCode()).as(entry.body()).isEqualTo(200);
        fixtures.values.put("{entry}", Http.json(entry).get("id").asString());

        var userA = jdbc.sql("select id from accounts.user_account where username = 'applicant.a'")
                .query(UUID.class)
                .single();
        var token = tokens.issue(
                new UserId(userA), new CreateApiToken("matrix " + UUID.randomUUID(), Set.of(Role.APPLICANT), 30));
        fixtures.values.put("{token}", token.token().id().value().toString());
        fixtures.values.put("{request}", REQUEST);
        fixtures.values.put("{structure}", STRUCTURE);
        fixtures.values.put("{run}", whatIfRun(callers.get("registrar")));
        return fixtures;
    }

    /** A what-if run started by the registrar (MIIT), waited for until it has finished. */
    private static String whatIfRun(Caller registrar) {
        var started = registrar.api(
                "POST", "/api/v1/whatif/runs", "{\"candidate\":\"twenty-cities-2025\",\"asOf\":\"2025-09-01\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        var id = Http.json(started).get("id").asString();
        for (int i = 0; i < 600; i++) {
            var run = registrar.api("GET", "/api/v1/whatif/runs/" + id, null);
            if (!Http.json(run).get("status").asString().equals("RUNNING")) {
                return id;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the what-if run did not finish in a minute");
    }

    /** The year of the annual report draft on {@code {licence}}: a year that has ended, after the licence's issue. */
    static final int REPORT_YEAR = 2024;

    /**
     * A licence of organisation A taken over from an earlier register: it has no Kaifang organisation, so it is A's by
     * its USCC (docs/licensing.md). Its number is new on every run, as the database may outlive one test class.
     */
    private static LicenceView recordLicenceOfA(Licences licences) {
        var number = "合字B1-2023" + String.format("%04d", (int) (Math.random() * 10_000)) + "M"
                + Long.toString(System.nanoTime() % 100_000, 36);
        return licences.record(
                        List.of(new ExistingLicence(
                                LicenceKind.LICENCE,
                                number,
                                "临港云数据有限公司",
                                "Lingang Cloud Data Co., Ltd. (demo)",
                                "91310115MA1K4LXQ26",
                                null,
                                new BigDecimal("10000000"),
                                "MIIT",
                                true,
                                false,
                                null,
                                List.of(new LicensedService("B11", "IDC", List.of("CN"))),
                                LocalDate.of(2023, 3, 1),
                                LocalDate.of(2023, 3, 1),
                                LocalDate.of(2028, 2, 28),
                                LicenceStatus.NORMAL,
                                List.of(),
                                null,
                                false,
                                null)),
                        "system")
                .getFirst();
    }

    /** A new draft application of organisation A; its id. */
    String application(Caller applicant) {
        var response = applicant.api(
                "POST",
                "/api/v1/applications",
                "{\"type\":\"NEW_LICENCE\",\"applicantName\":\"Matrix Cloud Co., Ltd.\",\"request\":" + REQUEST + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).get("id").asString();
    }

    /** The newest inbox message of {@code username}. */
    String messageOf(String username, JdbcClient jdbc) {
        List<UUID> ids = jdbc.sql("select m.id from notifications.message m join accounts.user_account u"
                        + " on u.id = m.recipient where u.username = :u order by m.seq desc")
                .param("u", username)
                .query(UUID.class)
                .list();
        assertThat(ids).as("inbox messages of %s", username).isNotEmpty();
        return ids.getFirst().toString();
    }

    /** {@code text} with every placeholder replaced; {@code {appVersion}} is read afresh, as a client would. */
    String fill(String text) {
        var out = text;
        if (out.contains("{appVersion}") || out.contains("{submittedVersion}")) {
            out = out.replace("{appVersion}", version(values.get("{app}")))
                    .replace("{submittedVersion}", version(values.get("{submitted}")));
        }
        for (var e : values.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    String value(String placeholder) {
        return values.get(placeholder);
    }

    private String version(String application) {
        var response = applicantA.api("GET", "/api/v1/applications/" + application, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return String.valueOf(Http.json(response).get("version").asLong());
    }
}
