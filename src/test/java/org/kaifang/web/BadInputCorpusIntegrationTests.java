package org.kaifang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.kaifang.accounts.ApiTokens;
import org.kaifang.licensing.AnnualReportForm;
import org.kaifang.licensing.Licences;
import org.kaifang.testing.DemoLogins;
import org.kaifang.web.BadInputCorpus.Expect;
import org.kaifang.web.BadInputCorpus.Field;
import org.kaifang.web.BadInputCorpus.Type;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bad-input corpus ({@link BadInputCorpus}) sent to a running server: every malformed request must be refused
 * with a 4xx problem+json (API) or a re-shown form (pages), never a 5xx, never a stack trace or SQL in the body, and
 * nothing stored may change (every table's row count and content hash are compared before and after each request).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusIntegrationTests {

    /** What an answer may never contain: stack frames, exception names, SQL engines' messages. */
    static final List<String> LEAKS =
            List.of("Exception", "\tat ", "org.h2", "org.postgresql", "org.springframework", "SQLState", "jdbc:");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Licences licences;

    @Autowired
    ApiTokens tokens;

    private final Map<String, Caller> callers = new LinkedHashMap<>();
    private SecurityFixtures fixtures;
    private TableDigests tables;
    private TreeMap<String, String> stored;

    @BeforeAll
    void usersAndFixtures() {
        for (var role : List.of(Caller.ANONYMOUS, "applicant.a", "officer", "approver", "registrar", "admin")) {
            callers.put(role, new Caller(port, role).signIn());
        }
        fixtures = SecurityFixtures.create(port, callers, jdbc, licences, tokens);
        tables = new TableDigests(jdbc);
        stored = settled();
    }

    /** The digest once background work (event publication, notifications) has stopped changing it. */
    private TreeMap<String, String> settled() {
        var previous = tables.digest();
        for (var i = 0; i < 20; i++) {
            sleep(250);
            var now = tables.digest();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        throw new IllegalStateException("The stored data keeps changing without requests");
    }

    BadInputCorpus corpus() {
        var app = fixtures.value("{app}");
        var submitted = fixtures.value("{submitted}");
        var appVersion = fixtures.fill("{appVersion}");
        var submittedVersion = fixtures.fill("{submittedVersion}");
        var corpus = new BadInputCorpus();

        // ---- JSON API bodies -------------------------------------------------------------------------------
        corpus.json(
                Caller.ANONYMOUS,
                "POST",
                "/api/v1/determinations",
                SecurityFixtures.REQUEST,
                true,
                new Field("/asOf", Type.DATE, false),
                new Field("/applicant", Type.OBJECT, true),
                new Field("/applicant/name", Type.TEXT, true),
                new Field("/applicant/seat", Type.CODE, true),
                new Field("/applicant/registeredCapitalCny", Type.AMOUNT, false),
                new Field("/foreignEquityPercent", Type.PERCENT, false),
                new Field("/services", Type.ARRAY, true),
                new Field("/services/0/code", Type.CODE, true),
                new Field("/services/0/item", Type.CODE, false),
                new Field("/services/0/coverage", Type.ARRAY, true),
                new Field("/services/0/facilities", Type.ARRAY, false));
        corpus.json(
                Caller.ANONYMOUS,
                "POST",
                "/api/v1/screenings",
                "{\"asOf\":\"2025-06-01\",\"parties\":[{\"name\":\"Matrix Cloud\",\"kind\":\"COMPANY\","
                        + "\"jurisdiction\":\"CN\"}]}",
                false,
                new Field("/asOf", Type.DATE, false),
                new Field("/parties", Type.ARRAY, true),
                new Field("/parties/0/name", Type.TEXT, true),
                new Field("/parties/0/kind", Type.ENUM, false),
                new Field("/parties/0/jurisdiction", Type.CODE, false));
        corpus.json(
                Caller.ANONYMOUS,
                "POST",
                "/api/v1/ownership/analyses",
                SecurityFixtures.STRUCTURE,
                false,
                new Field("/asOf", Type.DATE, false),
                new Field("/parties", Type.ARRAY, true),
                new Field("/holdings", Type.ARRAY, true),
                new Field("/parties/0/id", Type.CODE, true),
                new Field("/parties/0/kind", Type.ENUM, true),
                new Field("/holdings/0/owner", Type.CODE, true),
                new Field("/holdings/0/equityPercent", Type.PERCENT, false));
        corpus.json(
                "applicant.a",
                "POST",
                "/api/v1/applications",
                "{\"type\":\"NEW_LICENCE\",\"applicantName\":\"Matrix Cloud\",\"request\":" + SecurityFixtures.REQUEST
                        + "}",
                true,
                new Field("/type", Type.ENUM, true),
                new Field("/applicantName", Type.TEXT, true),
                new Field("/request", Type.OBJECT, true));
        corpus.json(
                "applicant.a",
                "PUT",
                "/api/v1/applications/" + app,
                "{\"version\":" + appVersion + ",\"applicantName\":\"Matrix Cloud\",\"request\":"
                        + SecurityFixtures.REQUEST + "}",
                false,
                new Field("/version", Type.INTEGER, true),
                new Field("/applicantName", Type.TEXT, true),
                new Field("/request", Type.OBJECT, true));
        corpus.json(
                "officer",
                "POST",
                "/api/v1/applications/" + submitted + "/correction-request",
                "{\"version\":" + submittedVersion + ",\"reason\":\"The scan is illegible\"}",
                false,
                new Field("/version", Type.INTEGER, true),
                new Field("/reason", Type.TEXT, true));
        corpus.json(
                "approver",
                "POST",
                "/api/v1/applications/" + submitted + "/extension",
                "{\"version\":" + submittedVersion + ",\"days\":10,\"reason\":\"Expert review\"}",
                false,
                new Field("/version", Type.INTEGER, true),
                new Field("/days", Type.INTEGER, true),
                new Field("/reason", Type.TEXT, true));

        // ---- the applicant's wizard over REST: each step's section, the submission --------------------------------
        corpus.json(
                "applicant.a",
                "PUT",
                "/api/v1/applications/" + app + "/steps/company",
                "{\"version\":" + appVersion + ",\"applicant\":{\"name\":\"Matrix Cloud\","
                        + "\"uscc\":\"91310115MA1K4LXQ26\",\"seat\":\"310115\",\"registeredCapitalCny\":10000000,"
                        + "\"legalRepresentative\":\"王芳\",\"address\":\"1 Century Avenue\"}}",
                true,
                new Field("/version", Type.INTEGER, true),
                new Field("/applicant", Type.OBJECT, true),
                new Field("/applicant/name", Type.TEXT, true),
                new Field("/applicant/uscc", Type.CODE, true),
                new Field("/applicant/seat", Type.CODE, true),
                new Field("/applicant/registeredCapitalCny", Type.AMOUNT, true),
                new Field("/applicant/legalRepresentative", Type.TEXT, true),
                new Field("/applicant/address", Type.TEXT, true));
        corpus.json(
                "applicant.a",
                "PUT",
                "/api/v1/applications/" + app + "/steps/ownership",
                "{\"version\":" + appVersion + ",\"foreignEquityPercent\":49}",
                true,
                new Field("/version", Type.INTEGER, true),
                new Field("/foreignEquityPercent", Type.PERCENT, true));
        corpus.json(
                "applicant.a",
                "PUT",
                "/api/v1/applications/" + app + "/steps/services",
                "{\"version\":" + appVersion + ",\"type\":\"NEW_LICENCE\",\"services\":[{\"code\":\"B11\","
                        + "\"item\":\"IDC\",\"coverage\":[\"CN\"]}]}",
                true,
                new Field("/version", Type.INTEGER, true),
                new Field("/type", Type.ENUM, false),
                new Field("/services", Type.ARRAY, true),
                new Field("/services/0/code", Type.CODE, true),
                new Field("/services/0/coverage", Type.ARRAY, true));
        corpus.json(
                "applicant.a",
                "POST",
                "/api/v1/applications/" + app + "/steps/submission",
                "{\"version\":" + appVersion + "}",
                false,
                new Field("/version", Type.INTEGER, true));

        // ---- multipart uploads -------------------------------------------------------------------------------
        var injections = Arrays.asList(
                null,
                "",
                "NOT_A_KIND",
                BadInputCorpus.SQL,
                BadInputCorpus.HTML,
                BadInputCorpus.TRAVERSAL,
                BadInputCorpus.FORMULA,
                "x".repeat(10_000));
        corpus.multipart(
                "applicant.a",
                "/api/v1/applications/" + app + "/documents",
                Map.of("kind", "ARTICLES"),
                Map.of("kind", injections.subList(1, injections.size())));
        corpus.multipart(
                "applicant.a",
                "/applications/" + app + "/documents",
                Map.of("kind", "ARTICLES"),
                Map.of("kind", injections.subList(1, injections.size())));
        corpus.multipart(
                "officer",
                "/api/v1/screening/lists",
                Map.of("format", "opensanctions-csv"),
                Map.of("format", injections));

        // ---- query strings and path segments --------------------------------------------------------------------
        var dates = BadInputCorpus.wrongTexts(Type.DATE);
        var counts = BadInputCorpus.wrongTexts(Type.INTEGER);
        var codes = BadInputCorpus.wrongTexts(Type.CODE);
        corpus.query(Caller.ANONYMOUS, "/api/v1/calendar/days/{}", dates, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/calendar/due?start={}&days=20", dates, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/calendar/due?start=2025-06-03&days={}", counts, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/calendar/due?start=2025-06-03&days=20&unit={}", codes, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/rules/opening?asOf={}", dates, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/rules/opening?area={}", codes, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/determinations/{}", codes, Expect.PROBLEM)
                .query("applicant.a", "/api/v1/applications?status={}", codes, Expect.PROBLEM)
                .query("applicant.a", "/api/v1/applications/{}", codes, Expect.PROBLEM)
                .query("applicant.a", "/api/v1/applications/" + app + "/documents/{}", codes, Expect.PROBLEM)
                .query("applicant.a", "/api/v1/applications/{}/documents", codes, Expect.PROBLEM)
                .query("applicant.a", "/applications/" + app + "/documents/{}", codes, Expect.PAGE)
                .query(Caller.ANONYMOUS, "/rules?asOf={}", dates, Expect.PAGE)
                .query(Caller.ANONYMOUS, "/screening/lists?asOf={}", dates, Expect.PAGE)
                .query(Caller.ANONYMOUS, "/determinations/{}", codes, Expect.PAGE)
                .query("applicant.a", "/applications?status={}", codes, Expect.PAGE)
                .query("applicant.a", "/applications/{}", codes, Expect.PAGE)
                .query("officer", "/applications/" + app + "/rerun?asOf={}", dates, Expect.PAGE)
                .query("officer", "/screening/reviews?status={}", codes, Expect.PAGE)
                .query("officer", "/screening/reviews/{}", codes, Expect.PAGE)
                .query("admin", "/admin/audit?page={}", counts, Expect.PAGE)
                .query("admin", "/admin/audit?subject={}", codes, Expect.PAGE)
                .query("applicant.a", "/inbox?done={}", codes, Expect.PAGE);

        // ---- page forms -------------------------------------------------------------------------------------
        var formDates = new ArrayList<String>(dates);
        formDates.add("1989-12-31");
        var check = new LinkedHashMap<String, String>();
        check.put("name", "Matrix Cloud Co., Ltd.");
        check.put("asOf", "2025-06-01");
        check.put("seat", "310115");
        check.put("capital", "10000000");
        check.put("equity", "100");
        check.put("services", "B11/IDC");
        check.put("coverage", "CN");
        check.put("facilities", "310115");
        corpus.form(
                Caller.ANONYMOUS,
                "/check",
                check,
                Map.of(
                        "asOf", formDates,
                        "seat", Arrays.asList(null, "999999", BadInputCorpus.SQL, BadInputCorpus.HTML),
                        "capital", List.of("-1", "ten", "1e400", "9".repeat(400), BadInputCorpus.FORMULA),
                        "equity", List.of("150", "-5", "ten", "1e400", BadInputCorpus.FORMULA),
                        "services", Arrays.asList(null, "X99/NOPE", BadInputCorpus.SQL, BadInputCorpus.TRAVERSAL),
                        "uscc", List.of("91310115MA1K4LXQ27", BadInputCorpus.SQL, "x".repeat(1000)),
                        "coverage", List.of("PROVINCES"),
                        "ownership", List.of("{", "parties: [", "{\"parties\": 1}", yamlBomb(), "[".repeat(10_000))));
        corpus.form(
                Caller.ANONYMOUS,
                "/ownership",
                Map.of("structure", SecurityFixtures.STRUCTURE, "asOf", "2025-06-01"),
                Map.of(
                        "structure",
                        Arrays.asList(
                                null,
                                "",
                                "{",
                                "parties: [",
                                yamlBomb(),
                                "[".repeat(10_000),
                                "{\"parties\":[{\"id\":\"a\"}]}",
                                BadInputCorpus.SQL),
                        "asOf",
                        formDates));
        corpus.form(
                "officer",
                "/screening",
                Map.of("names", "Matrix Cloud", "asOf", "2025-06-01"),
                Map.of(
                        "names",
                        Arrays.asList(null, "", " \n \n", "x".repeat(501), "name\n".repeat(101)),
                        "asOf",
                        formDates));
        corpus.form(
                "officer",
                "/screening/reviews/" + fixtures.value("{alert}"),
                Map.of("decision", "DISMISSED", "reason", "Not the same company"),
                Map.of(
                        "decision",
                        Arrays.asList(null, "", "OPEN", "dismissed", BadInputCorpus.SQL, BadInputCorpus.HTML, "\u0000"),
                        "reason",
                        Arrays.asList(null, "", "   ", "x".repeat(5000))));
        corpus.form(
                "applicant.a",
                "/applications",
                Map.of("determination", fixtures.value("{det}"), "type", "NEW_LICENCE"),
                Map.of(
                        "determination",
                        Arrays.asList(
                                null,
                                "",
                                "not-a-uuid",
                                "00000000-0000-0000-0000-000000000000",
                                BadInputCorpus.SQL,
                                BadInputCorpus.TRAVERSAL),
                        "type",
                        List.of("NOT_A_TYPE", "new_licence", BadInputCorpus.SQL, BadInputCorpus.HTML)));
        // The wizard's step forms: every field made wrong is shown again with its errors, nothing saved.
        var company = new LinkedHashMap<String, String>();
        company.put("version", appVersion);
        company.put("name", "Matrix Cloud");
        company.put("uscc", "91310115MA1K4LXQ26");
        company.put("seat", "310115");
        company.put("capital", "10000000");
        company.put("legalRepresentative", "王芳");
        company.put("address", "1 Century Avenue");
        var versions = Arrays.asList(null, "", "ten", "-1", "99999999999999999999");
        corpus.form(
                "applicant.a",
                "/applications/" + app + "/steps/company",
                company,
                Map.of(
                        "version",
                        versions,
                        "name",
                        Arrays.asList(null, "", "   ", "x".repeat(600)),
                        "uscc",
                        Arrays.asList(null, "", "91310115MA1K4LXQ27", BadInputCorpus.SQL, BadInputCorpus.HTML),
                        "seat",
                        Arrays.asList(null, "", "999999", "810000", BadInputCorpus.SQL),
                        "capital",
                        Arrays.asList(null, "", "-1", "lots", "1e400"),
                        "legalRepresentative",
                        Arrays.asList(null, "", "   ", "x".repeat(600)),
                        "address",
                        Arrays.asList(null, "", "x".repeat(600))));
        corpus.form(
                "applicant.a",
                "/applications/" + app + "/steps/ownership",
                Map.of("version", appVersion, "equity", "49"),
                Map.of(
                        "version",
                        versions,
                        "equity",
                        Arrays.asList(null, "", "-1", "101", "ten", "49.123456", BadInputCorpus.SQL),
                        "structure",
                        List.of("{", "parties: [", BadInputCorpus.HTML, "{\"parties\":[],\"holdings\":[]}")));
        var services = new LinkedHashMap<String, String>();
        services.put("version", appVersion);
        services.put("type", "NEW_LICENCE");
        services.put("services", "B11/IDC");
        services.put("coverage", "CN");
        corpus.form(
                "applicant.a",
                "/applications/" + app + "/steps/services",
                services,
                Map.of(
                        "version",
                        versions,
                        "type",
                        List.of("NOT_A_TYPE", "new_licence", BadInputCorpus.SQL),
                        "services",
                        Arrays.asList(null, "", "B99/NOPE", BadInputCorpus.SQL, BadInputCorpus.TRAVERSAL),
                        "coverage",
                        List.of("PROVINCES"),
                        "facilities",
                        List.of("999999", BadInputCorpus.SQL)));
        var act = new LinkedHashMap<String, String>();
        act.put("action", "request-correction");
        act.put("version", submittedVersion);
        act.put("reason", "The scan is illegible");
        corpus.form(
                "officer",
                "/applications/" + submitted,
                act,
                Map.of(
                        "action",
                        Arrays.asList(null, "", "approve", BadInputCorpus.SQL, BadInputCorpus.HTML),
                        "version",
                        Arrays.asList(null, "", "-1", "ten", "99999999999999999999", "1.5", "9223372036854775807"),
                        "reason",
                        Arrays.asList(null, "", "   ", "x".repeat(5000))));
        var decide = new LinkedHashMap<String, String>();
        decide.put("action", "extend");
        decide.put("version", submittedVersion);
        decide.put("reason", "Expert review");
        decide.put("days", "10");
        corpus.form(
                "approver",
                "/applications/" + submitted,
                decide,
                Map.of("days", List.of("", "0", "366", "-1", "ten", "99999999999", "1.5")));
        corpus.form(
                "applicant.a",
                "/inbox/address",
                Map.of("address", "a@example.com"),
                Map.of(
                        "address",
                        List.of(
                                "not-an-address",
                                BadInputCorpus.SQL,
                                BadInputCorpus.HTML,
                                "a@",
                                "@example.com",
                                "x".repeat(400) + "@example.com",
                                "a@example.com\r\nBcc: victim@example.com")));
        for (var id : codes) {
            corpus.add(new BadInputCorpus.Case(
                    "POST /inbox/{id}/read as applicant.a with " + BadInputCorpus.abbreviate(id),
                    "applicant.a",
                    "POST",
                    "/inbox/" + Caller.encode(id).replace("+", "%20") + "/read",
                    "application/x-www-form-urlencoded",
                    new byte[0],
                    Map.of(),
                    Expect.FORM));
        }
        licensingAndRegister(corpus, dates, counts, codes);
        return corpus;
    }

    /**
     * The licensing, register and API token endpoints: a registrar ending organisation A's licence, its holder's annual
     * report, the credit lists, the public register's searches and bulk files, and the token form.
     */
    private void licensingAndRegister(
            BadInputCorpus corpus, List<String> dates, List<String> counts, List<String> codes) {
        var licence = fixtures.value("{licence}");
        var version = fixtures.value("{licenceVersion}");
        var year = fixtures.value("{year}");
        var ending = "{\"reason\":\"以欺骗手段取得许可\",\"legalBasis\":\"中华人民共和国行政许可法 第六十九条\","
                + "\"date\":\"2025-06-10\",\"version\":" + version + "}";
        corpus.json(
                "registrar",
                "POST",
                "/api/v1/licences/" + licence + "/revoke",
                ending,
                true,
                new Field("/reason", Type.TEXT, true),
                new Field("/legalBasis", Type.TEXT, true),
                new Field("/date", Type.DATE, true),
                new Field("/version", Type.INTEGER, false));
        for (var action : List.of("withdraw", "cancel", "invalidate")) {
            corpus.json(
                    "registrar",
                    "POST",
                    "/api/v1/licences/" + licence + "/" + action,
                    ending,
                    true,
                    new Field("/reason", Type.TEXT, true),
                    new Field("/date", Type.DATE, true));
        }
        var end = new LinkedHashMap<String, String>();
        end.put("action", "revoke");
        end.put("reason", "以欺骗手段取得许可");
        end.put("legalBasis", "中华人民共和国行政许可法 第六十九条");
        end.put("date", "2025-06-10");
        end.put("version", version);
        var endDates = new ArrayList<String>(dates);
        endDates.addAll(Arrays.asList(null, "", "2999-01-01", "2000-01-01"));
        corpus.form(
                "registrar",
                "/licences/" + licence + "/end",
                end,
                Map.of(
                        "action",
                        Arrays.asList(null, "", "expire", "REVOKE", BadInputCorpus.SQL, BadInputCorpus.HTML),
                        "reason",
                        Arrays.asList(null, "", "   ", "x".repeat(5000)),
                        "legalBasis",
                        Arrays.asList(null, "", "   ", "x".repeat(5000)),
                        "date",
                        endDates,
                        "version",
                        List.of("ten", "1.5", "-1", "99999999999999999999", BadInputCorpus.SQL)));

        // The holder's annual report: submitting needs items 1-5 and the commitment, a draft only sizes.
        var report = "/api/v1/licences/" + licence + "/annual-reports/" + year;
        var full = "{\"business\":\"IDC in Shanghai\",\"networkAndChanges\":\"No changes\","
                + "\"serviceQuality\":\"No complaints\",\"security\":\"Graded protection level 3\","
                + "\"compliance\":\"No penalties\",\"other\":\"None\",\"tradeSecrets\":[1],"
                + "\"publishCompliance\":true,\"publishOther\":false,\"commitment\":\""
                + AnnualReportForm.COMMITMENT_ZH + "\"}";
        corpus.json(
                "applicant.a",
                "POST",
                report + "/submission",
                full,
                true,
                new Field("/business", Type.TEXT, true),
                new Field("/networkAndChanges", Type.TEXT, true),
                new Field("/serviceQuality", Type.TEXT, true),
                new Field("/security", Type.TEXT, true),
                new Field("/compliance", Type.TEXT, true),
                new Field("/commitment", Type.TEXT, true));
        corpus.json("applicant.a", "PUT", report, full, true);
        var wrongDrafts = List.of(
                List.of("/business", BadInputCorpus.json("x".repeat(AnnualReportForm.MAX_ITEM + 1))),
                List.of("/other", "42"),
                List.of("/tradeSecrets", "[4]"),
                List.of("/tradeSecrets", "[0]"),
                List.of("/tradeSecrets", "[\"1\"]"),
                List.of("/tradeSecrets", "\"1,2\""),
                List.of("/tradeSecrets", "[1.5]"),
                List.of("/tradeSecrets", "[99999999999]"),
                List.of("/publishCompliance", "\"yes\""),
                List.of("/publishOther", "1"),
                List.of("/commitment", "[]"));
        for (var wrong : wrongDrafts) {
            corpus.add(new BadInputCorpus.Case(
                    "PUT " + report + " as applicant.a: " + wrong.get(0) + "="
                            + BadInputCorpus.abbreviate(wrong.get(1)),
                    "applicant.a",
                    "PUT",
                    report,
                    "application/json",
                    BadInputCorpus.replace(full, wrong.get(0), wrong.get(1)).getBytes(StandardCharsets.UTF_8),
                    Map.of(),
                    Expect.PROBLEM));
        }
        corpus.query("applicant.a", "/api/v1/licences/" + licence + "/annual-reports/{}", counts, Expect.PROBLEM)
                .query("applicant.a", "/api/v1/licences/{}", codes, Expect.PROBLEM)
                .query("officer", "/api/v1/licences/{}/history", codes, Expect.PROBLEM)
                .query("officer", "/api/v1/credit-lists/{}", codes, Expect.PROBLEM)
                .query("officer", "/licences?page={}", counts, Expect.PAGE)
                .query("officer", "/licences/{}", codes, Expect.PAGE);

        // The holder's annual-report form page: every refusal re-shows the form and stores nothing.
        var reportForm = new LinkedHashMap<String, String>();
        reportForm.put("business", "IDC in Shanghai");
        reportForm.put("action", "submit");
        reportForm.put("networkAndChanges", "No changes");
        reportForm.put("serviceQuality", "No complaints");
        reportForm.put("security", "Graded protection level 3");
        reportForm.put("compliance", "No penalties");
        reportForm.put("tradeSecret", "1");
        reportForm.put("publishCompliance", "true");
        reportForm.put("commitment", AnnualReportForm.COMMITMENT_EN);
        corpus.form(
                "applicant.a",
                "/licences/" + licence + "/annual-reports/" + year,
                reportForm,
                Map.of(
                        "action",
                        Arrays.asList(null, "", "publish", BadInputCorpus.SQL),
                        "business",
                        Arrays.asList(null, "", "   ", "x".repeat(AnnualReportForm.MAX_ITEM + 1)),
                        "security",
                        Arrays.asList(null, ""),
                        "commitment",
                        Arrays.asList(null, "", "I promise", BadInputCorpus.HTML),
                        "tradeSecret",
                        List.of("4", "0", "one", BadInputCorpus.SQL)));
        corpus.query("applicant.a", "/licences/" + licence + "/annual-reports/{}", counts, Expect.PAGE)
                .query("officer", "/credit-lists/{}", codes, Expect.PAGE);

        // The staff credit-list pages: adding and taking off entries.
        var listing = new LinkedHashMap<String, String>();
        listing.put("operator", "矩阵探针网络有限公司");
        listing.put("uscc", "91310115MA1K4LXQ99");
        listing.put("licenceNumber", "B2-20200001");
        listing.put("listedOn", "2025-03-01");
        listing.put("reason", "未按规定报送年报（第三十八条）");
        listing.put("authority", "上海市通信管理局");
        var listingDates = new ArrayList<String>(dates);
        listingDates.addAll(Arrays.asList(null, "", "2999-01-01"));
        corpus.form(
                "registrar",
                "/credit-lists/bad",
                listing,
                Map.of(
                        "operator",
                        Arrays.asList(null, "", "   ", "x".repeat(5000)),
                        "uscc",
                        List.of("123", "91310115ma1k4lxq26", BadInputCorpus.SQL),
                        "listedOn",
                        listingDates,
                        "reason",
                        Arrays.asList(null, "", "x".repeat(5000)),
                        "authority",
                        Arrays.asList(null, "", "x".repeat(5000))));
        var removalDates = new ArrayList<String>(dates);
        removalDates.addAll(Arrays.asList(null, "", "2000-01-01"));
        corpus.form(
                "registrar",
                "/credit-lists/entries/" + fixtures.value("{entry}") + "/removal",
                Map.of("reason", "已补报年报", "removedOn", "2025-04-01"),
                Map.of("reason", Arrays.asList(null, "", "   ", "x".repeat(5000)), "removedOn", removalDates));

        // The credit lists, kept by registrars.
        corpus.json(
                "registrar",
                "POST",
                "/api/v1/credit-lists/bad",
                "{\"operator\":\"矩阵探针网络有限公司\",\"uscc\":\"91310115MA1K4LXQ99\",\"licenceNumber\":\"B2-20200001\","
                        + "\"listedOn\":\"2025-03-01\",\"reason\":\"未按规定报送年报（第三十八条）\",\"authority\":\"上海市通信管理局\"}",
                true,
                new Field("/operator", Type.TEXT, true),
                new Field("/listedOn", Type.DATE, true),
                new Field("/reason", Type.TEXT, true),
                new Field("/authority", Type.TEXT, true));
        for (var uscc : List.of(
                "\"91310115MA1K4LXQ2\"",
                "\"91310115ma1k4lxq26\"",
                "1",
                "[]",
                BadInputCorpus.json(BadInputCorpus.SQL))) {
            var body = BadInputCorpus.replace(
                    "{\"operator\":\"矩阵探针网络有限公司\",\"listedOn\":\"2025-03-01\",\"reason\":\"年报\",\"authority\":\"MIIT\"}",
                    "/uscc",
                    uscc);
            corpus.add(new BadInputCorpus.Case(
                    "POST /api/v1/credit-lists/bad as registrar: /uscc=" + BadInputCorpus.abbreviate(uscc),
                    "registrar",
                    "POST",
                    "/api/v1/credit-lists/bad",
                    "application/json",
                    body.getBytes(StandardCharsets.UTF_8),
                    Map.of(),
                    Expect.PROBLEM));
        }
        corpus.json(
                "registrar",
                "POST",
                "/api/v1/credit-lists/entries/" + fixtures.value("{entry}") + "/removal",
                "{\"reason\":\"已补报年报\",\"removedOn\":\"2025-04-01\"}",
                true,
                new Field("/reason", Type.TEXT, true),
                new Field("/removedOn", Type.DATE, true));

        // The public register: searches at and past their limits, bad filters, and the bulk files.
        var search = new ArrayList<String>(codes);
        search.add("x".repeat(101));
        // Page 500 of 20 is the last within the first 10,000 results; page 0 is the first.
        var pages = List.of(
                "-1", "99999999999999999999", "1.5", "ten", "1e9", "0x10", "501", "10001", "2147483647", "-2147483649");
        var sizes = new ArrayList<String>(counts);
        sizes.addAll(List.of("101", "2147483648"));
        var flags = List.of("maybe", "2", "TRUE!", "真", BadInputCorpus.SQL);
        corpus.query(
                        Caller.ANONYMOUS,
                        "/api/v1/register/licences?q={}",
                        List.of("x".repeat(101), "x".repeat(5000)),
                        Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/licences?page={}", pages, Expect.PROBLEM)
                .query(
                        Caller.ANONYMOUS,
                        "/api/v1/register/licences?size=100&page={}",
                        List.of("101", "-5"),
                        Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/licences?size={}", sizes, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/licences?status={}", codes, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/licences?service={}", codes, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/licences?area={}", codes, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/licences?pilot={}", flags, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/licences?foreignInvested={}", flags, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/licences/{}", codes, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/licences/{}/history", codes, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/licences/by-number?number={}", codes, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/credit-lists/{}", codes, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/credit-lists/bad?all={}", flags, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/bulk/{}.csv", codes, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/bulk/delta.{}", codes, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/bulk/delta.csv?date={}", dates, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/bulk/delta.jsonl/manifest?date={}", dates, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/register/bulk/{}.jsonl/manifest", codes, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/register?q={}", search, Expect.PAGE)
                .query(Caller.ANONYMOUS, "/register?page={}", pages, Expect.PAGE)
                .query(Caller.ANONYMOUS, "/register?size={}", sizes, Expect.PAGE)
                .query(Caller.ANONYMOUS, "/register?status={}", codes, Expect.PAGE)
                .query(Caller.ANONYMOUS, "/register?area={}", codes, Expect.PAGE)
                .query(Caller.ANONYMOUS, "/register?pilot={}", flags, Expect.PAGE)
                .query(Caller.ANONYMOUS, "/register/licences/{}", codes, Expect.PAGE)
                .query(Caller.ANONYMOUS, "/register/verify/{}", codes, Expect.PAGE)
                .query(Caller.ANONYMOUS, "/register/licences/{}/certificate.pdf", codes, Expect.PAGE);

        // Statistics: every figure takes a date range (and the enterprise series a period); pages re-show the form.
        var periods = List.of("week", "0", "YEARS", "真", BadInputCorpus.SQL);
        corpus.query(Caller.ANONYMOUS, "/api/v1/statistics/enterprises?from={}", dates, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/statistics/licences?to={}", dates, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/statistics/enterprises?period={}", periods, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/statistics/pilots.csv?from={}&to=2025-01-01", dates, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/api/v1/statistics/{}", codes, Expect.PROBLEM)
                .query("officer", "/api/v1/statistics/staff/processing-times?from={}", dates, Expect.PROBLEM)
                .query("officer", "/api/v1/statistics/staff/screening.csv?to={}", dates, Expect.PROBLEM)
                .query(Caller.ANONYMOUS, "/statistics?from={}", dates, Expect.PAGE)
                .query(Caller.ANONYMOUS, "/statistics?period={}", periods, Expect.PAGE)
                .query("officer", "/statistics/staff?to={}", dates, Expect.PAGE)
                .query("officer", "/statistics/staff/annual-reports.csv?from={}", dates, Expect.PAGE);

        // Policy what-if: a bundled candidate's name and an as-of date (JSON, the page's form), or an uploaded zip of
        // a candidate pack; a run's id and an enterprise's reference in paths. Nothing may start a run.
        corpus.json(
                "officer",
                "POST",
                "/api/v1/whatif/runs",
                "{\"candidate\":\"twenty-cities-2025\",\"asOf\":\"2025-09-01\"}",
                false,
                new Field("/candidate", Type.CODE, true),
                new Field("/asOf", Type.DATE, true));
        corpus.multipart(
                "officer",
                "/api/v1/whatif/runs",
                Map.of("asOf", "2025-09-01"),
                Map.of("asOf", Arrays.asList(null, "", "2025-02-30", "1900-01-01", "tomorrow", BadInputCorpus.SQL)));
        var whatIfForm = new LinkedHashMap<String, String>();
        whatIfForm.put("candidate", "twenty-cities-2025");
        whatIfForm.put("asOf", "2025-09-01");
        corpus.form(
                "officer",
                "/whatif",
                whatIfForm,
                Map.of(
                        "candidate",
                        Arrays.asList(
                                null,
                                "",
                                "no-such-candidate",
                                "../telecom-vas",
                                BadInputCorpus.TRAVERSAL,
                                BadInputCorpus.SQL,
                                BadInputCorpus.HTML),
                        "asOf",
                        Arrays.asList(
                                null, "", "2025-02-30", "2019-12-31", "2099-01-01", "01/09/2025", BadInputCorpus.SQL)));
        corpus.query("officer", "/api/v1/whatif/runs/{}", codes, Expect.PROBLEM)
                .query("officer", "/api/v1/whatif/runs/{}/affected.csv", codes, Expect.PROBLEM)
                .query("officer", "/api/v1/whatif/runs/{}/enterprises/x", codes, Expect.PROBLEM)
                .query("officer", "/whatif/runs/{}", codes, Expect.PAGE)
                .query("officer", "/whatif/runs/{}/enterprises/x", codes, Expect.PAGE);

        // The API token form: a name, roles of the user's own, and 1 to 366 days.
        var token = new LinkedHashMap<String, String>();
        token.put("name", "matrix probe");
        token.put("role", "APPLICANT");
        token.put("days", "30");
        corpus.form(
                "applicant.a",
                "/account/tokens",
                token,
                Map.of(
                        "name",
                        Arrays.asList(null, "", "   ", "x".repeat(101), "tab\there", "line\nbreak"),
                        "role",
                        Arrays.asList(
                                null, "", "ADMIN", "REGISTRAR", "NOT_A_ROLE", BadInputCorpus.SQL, BadInputCorpus.HTML),
                        "days",
                        Arrays.asList(null, "", "0", "367", "-1", "ten", "99999999999", "1.5", "2147483648", "1e2")));
        for (var id : codes) {
            corpus.add(new BadInputCorpus.Case(
                    "POST /account/tokens/{id}/revoke as applicant.a with " + BadInputCorpus.abbreviate(id),
                    "applicant.a",
                    "POST",
                    "/account/tokens/" + Caller.encode(id).replace("+", "%20") + "/revoke",
                    "application/x-www-form-urlencoded",
                    new byte[0],
                    Map.of(),
                    Expect.FORM));
        }
    }

    /** Aliases that expand exponentially when a YAML reader follows them (billion laughs). */
    private static String yamlBomb() {
        var yaml =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        var previous = 'a';
        for (var c = 'b'; c <= 'i'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (var i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }
        return yaml.toString();
    }

    @Test
    void theCorpusHasAtLeastSixHundredRequestsAcrossEveryEndpointThatTakesInput() {
        var cases = corpus().cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(600);
        assertThat(cases.stream().map(BadInputCorpus.Case::name).distinct()).hasSameSizeAs(cases);
        // A case is named after its template: "METHOD /path as role: what is wrong" or "... as role with value".
        var templates = cases.stream()
                .map(c -> c.name().substring(0, c.name().indexOf(" as ")))
                .distinct()
                .count();
        assertThat(templates).isGreaterThanOrEqualTo(109);
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedRequestIsRefusedAndChangesNothing() {
        return corpus().cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> refused(c)));
    }

    private void refused(BadInputCorpus.Case c) {
        var response = send(c);
        var after = tables.digest();
        var changed = changes(stored, after);
        stored = after;
        var status = response.statusCode();
        var body = response.body() == null ? "" : response.body();
        var what = c.name() + " -> " + status + " " + abbreviate(body);
        assertThat(status).as(what).isLessThan(500);
        assertThat(body).as(what).doesNotContain(LEAKS);
        switch (c.expect()) {
            case PROBLEM -> {
                assertThat(status).as(what).isBetween(400, 499).isNotIn(401, 403);
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .as(what)
                        .startsWith("application/problem+json");
            }
            case FORM -> {
                var refused = (status >= 400 && status != 401 && status != 403)
                        || ((status == 200 || status == 422) && body.contains("class=\"error-summary\""))
                        || (status == 302 && Caller.location(response).contains("error"));
                assertThat(refused).as("refused: " + what).isTrue();
            }
            case PAGE -> assertThat(status).as(what).isNotIn(401, 403);
        }
        assertThat(changed).as("tables changed by " + c.name()).isEmpty();
    }

    private HttpResponse<String> send(BadInputCorpus.Case c) {
        var caller = callers.get(c.role());
        if (c.path().startsWith("/api/")) {
            return caller.api(c.method(), c.path(), c.contentType().isEmpty() ? null : c.contentType(), c.body());
        }
        if (c.method().equals("GET")) {
            return caller.page("GET", c.path());
        }
        if (c.headers().containsKey("multipart")) {
            return caller.rawPage(c.method(), c.path(), c.contentType(), c.body());
        }
        var fields = new String(c.body(), StandardCharsets.UTF_8);
        return caller.form(c.method(), c.path(), fields);
    }

    private static List<String> changes(Map<String, String> before, Map<String, String> after) {
        var changed = new ArrayList<String>();
        after.forEach((table, digest) -> {
            if (!digest.equals(before.get(table))) {
                changed.add(table + " " + before.get(table) + " -> " + digest);
            }
        });
        return changed;
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
