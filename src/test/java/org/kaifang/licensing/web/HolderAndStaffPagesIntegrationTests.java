package org.kaifang.licensing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kaifang.accounts.Accounts;
import org.kaifang.accounts.Username;
import org.kaifang.applications.Actor;
import org.kaifang.applications.ApplicationType;
import org.kaifang.applications.Applications;
import org.kaifang.applications.Verdict;
import org.kaifang.eligibility.EligibilityCheck;
import org.kaifang.licensing.AnnualReportForm;
import org.kaifang.licensing.AnnualReports;
import org.kaifang.licensing.CreditList;
import org.kaifang.licensing.CreditLists;
import org.kaifang.licensing.ExistingLicence;
import org.kaifang.licensing.LicenceKind;
import org.kaifang.licensing.LicenceStatus;
import org.kaifang.licensing.LicenceView;
import org.kaifang.licensing.Licences;
import org.kaifang.licensing.LicensedService;
import org.kaifang.testing.Actors;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.json.JsonMapper;

/**
 * The holder's annual-report pages and the staff credit-list pages, signed in with the form as a person would (plain
 * forms, no JavaScript): a licence issued in 2024 whose 2024 report is missing after the 2025 deadline lands on the bad
 * list automatically; the holder sees the report due, saves a draft, is shown every problem of an incomplete
 * submission by its field, submits with the typed commitment; a registrar confirms, which takes the entry off. Staff
 * add a dishonest-list entry (whose fields eligibility then cites) and take it off. An applicant sees its recorded
 * licences by USCC on {@code /licences}, never another's.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:licensing-pages;DB_CLOSE_DELAY=-1",
            DemoLogins.DEMO,
            DemoLogins.FIXED_PASSWORD,
            "kaifang.notifications.schedule=false",
            "kaifang.licensing.schedule=false"
        })
class HolderAndStaffPagesIntegrationTests {

    static final Instant ISSUE_DAY = Instant.parse("2024-06-10T02:00:00Z");
    static final Instant REPORT_DAY = Instant.parse("2025-06-10T02:00:00Z");
    static final String USCC_A = "91310115MA1K4LXQ26";
    static final String USCC_B = "91310115MA1FL7T93C";

    /** A clock the test sets: the licence is issued in 2024, its report is due in 2025. */
    static final class SetClock extends Clock {
        volatile Instant now = REPORT_DAY;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final SetClock CLOCK = new SetClock();

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        Clock settableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Applications applications;

    @Autowired
    Accounts accounts;

    @Autowired
    Licences licences;

    @Autowired
    AnnualReports reports;

    @Autowired
    CreditLists lists;

    @Autowired
    EligibilityCheck eligibility;

    Actor actor(String username) {
        return Actors.of(accounts, username);
    }

    /** A licence issued to applicant.a's organisation on 10 June 2024 through the application journey. */
    synchronized LicenceView issuedIn2024() {
        CLOCK.now = ISSUE_DAY;
        try {
            var request = LicencesApiIntegrationTests.REQUEST
                    .replace("2025-06-01", "2024-06-01")
                    .replace(
                            "\"name\":\"Lingang Cloud Data Co., Ltd.\",",
                            "\"name\":\"临港云数据有限公司\",\"uscc\":\"" + USCC_A + "\",");
            var app =
                    applications.create(actor("applicant.a"), ApplicationType.NEW_LICENCE, "临港云数据有限公司", request, null);
            app = applications.submit(actor("applicant.a"), app.id(), app.version());
            app = applications.accept(actor("officer"), app.id(), app.version());
            app = applications.startReview(actor("officer"), app.id(), app.version());
            app = applications.recommend(actor("officer"), app.id(), app.version(), Verdict.APPROVE, "Complete");
            app = applications.decide(actor("approver"), app.id(), app.version(), Verdict.APPROVE, "Approved");
            return licences.ofApplication(app.id().toString()).orElseThrow();
        } finally {
            CLOCK.now = REPORT_DAY;
        }
    }

    static ExistingLicence recorded(String number, String holder, String uscc) {
        return new ExistingLicence(
                LicenceKind.LICENCE,
                number,
                holder,
                null,
                uscc,
                "张三",
                new BigDecimal("10000000"),
                "MIIT",
                true,
                false,
                null,
                List.of(new LicensedService("B25", null, List.of("CN"))),
                LocalDate.of(2023, 3, 1),
                LocalDate.of(2023, 3, 1),
                LocalDate.of(2028, 2, 28),
                LicenceStatus.NORMAL,
                List.of(),
                null,
                false,
                null);
    }

    FormClient signedIn(String username) {
        var client = new FormClient(port);
        client.signIn(username, DemoLogins.PASSWORD);
        return client;
    }

    Map<String, String> form(FormClient client, String path, String... pairs) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", client.csrfToken(path));
        for (var i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    @Test
    void aMissingReportListsTheHolderWhoFilesThroughThePagesAndIsTakenOffOnConfirmation() {
        var licence = issuedIn2024();
        assertThat(reports.sweep(LocalDate.of(2025, 6, 10))).isGreaterThanOrEqualTo(1);

        // The bad list's staff page shows the automatic entry with the notice's fields.
        var registrar = signedIn("registrar");
        var bad = registrar.get("/credit-lists/bad?lang=en");
        assertThat(bad.statusCode()).isEqualTo(200);
        var row = row(bad.body(), licence.number());
        assertThat(row)
                .contains("data-automatic=\"true\"", "data-removed=\"false\"", "临港云数据有限公司", USCC_A)
                .contains("2025-06-10", "annual report on 2024 not filed");

        // The holder sees the 2024 report due, not begun.
        var holder = signedIn("applicant.a");
        var due = holder.get("/annual-reports?lang=en").body();
        assertThat(due)
                .contains("data-licence=\"" + licence.id() + "\" data-year=\"2024\" data-state=\"MISSING\"")
                .contains("2025-01-01 – 2025-04-30");
        var path = "/licences/" + licence.id() + "/annual-reports/2024";
        assertThat(holder.get(path).body()).contains("id=\"report-form\"", "Never public");

        // A draft with one item is saved.
        var saved = holder.post(path, form(holder, path, "action", "save", "business", "营业收入1200万元"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(FormClient.location(saved)).endsWith(path + "?done=saved");
        assertThat(holder.get(path + "?done=saved").body())
                .contains("data-state=\"DRAFT\"", "营业收入1200万元", "data-done=\"saved\"");

        // Submitting it incomplete re-shows the form with every missing item and a wrong commitment by its field.
        var refused = holder.post(
                path, form(holder, path, "action", "submit", "business", "营业收入1200万元", "commitment", "I promise"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"error-summary\"")
                .contains("id=\"networkAndChanges-error\"", "id=\"serviceQuality-error\"", "id=\"security-error\"")
                .contains("id=\"compliance-error\"", "id=\"commitment-error\"")
                .doesNotContain("id=\"business-error\"", "id=\"other-error\"")
                .contains("营业收入1200万元", "I promise");
        assertThat(reports.find(user("applicant.a"), licence.id(), 2024)
                        .orElseThrow()
                        .status()
                        .name())
                .isEqualTo("DRAFT");

        // Another organisation cannot see or file it.
        var other = signedIn("applicant.b");
        assertThat(other.get(path).statusCode()).isEqualTo(404);
        assertThat(other.post(path, form(other, "/licences", "action", "save", "business", "x"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(other.get("/annual-reports").body())
                .doesNotContain(licence.id().value());

        // Complete, with item 1 a trade secret and item 5 published, and the commitment typed.
        var submitted = holder.post(
                path,
                form(
                        holder,
                        path,
                        "action",
                        "submit",
                        "business",
                        "营业收入1200万元",
                        "networkAndChanges",
                        "新增机房一处",
                        "serviceQuality",
                        "投诉率低于万分之一",
                        "security",
                        "等保三级",
                        "compliance",
                        "无违规",
                        "other",
                        "",
                        "tradeSecret",
                        "1",
                        "publishCompliance",
                        "true",
                        "commitment",
                        AnnualReportForm.COMMITMENT_EN));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        var shown = holder.get(path + "?done=submitted").body();
        assertThat(shown).contains("data-state=\"SUBMITTED\"").doesNotContain("id=\"report-form\"");
        assertThat(publicFlags(shown)).containsExactly("false", "true", "true", "false", "true", "false");

        // The officer sees it awaiting confirmation but cannot confirm; the registrar confirms.
        var officer = signedIn("officer");
        assertThat(officer.get("/annual-reports").body())
                .contains("data-licence=\"" + licence.id() + "\" data-year=\"2024\" data-state=\"SUBMITTED\"");
        assertThat(officer.get(path).body()).doesNotContain("id=\"confirm-form\"");
        assertThat(officer.post(path + "/confirmation", form(officer, "/licences"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(registrar.get(path).body()).contains("id=\"confirm-form\"");
        var confirmed = registrar.post(path + "/confirmation", form(registrar, path));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(registrar.get(path + "?done=confirmed").body()).contains("data-state=\"CONFIRMED\"");
        assertThat(row(registrar.get("/credit-lists/bad").body(), licence.number()))
                .contains("data-removed=\"true\"");
    }

    @Test
    void registrarsAddAndRemoveEntriesThroughThePagesAndEligibilityCitesTheEntry() {
        var registrar = signedIn("registrar");
        var before = lists.entries(CreditList.DISHONEST).size();

        var missing = registrar.post(
                "/credit-lists/dishonest",
                form(registrar, "/credit-lists/dishonest", "uscc", "123", "listedOn", "June"));
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body())
                .contains("id=\"error-summary\"")
                .contains("id=\"operator-error\"", "id=\"reason-error\"", "id=\"authority-error\"")
                .contains("id=\"uscc-error\"", "id=\"listedOn-error\"", "is not a date");
        assertThat(lists.entries(CreditList.DISHONEST)).hasSize(before);

        var added = registrar.post(
                "/credit-lists/dishonest",
                form(
                        registrar,
                        "/credit-lists/dishonest",
                        "operator",
                        "浦东网联科技有限公司",
                        "uscc",
                        USCC_B,
                        "licenceNumber",
                        "沪B2-20200001",
                        "listedOn",
                        "2025-06-01",
                        "reason",
                        "被吊销经营许可证 / licence withdrawn",
                        "authority",
                        "上海市通信管理局"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        var entry = lists.entries(CreditList.DISHONEST).stream()
                .filter(e -> USCC_B.equals(e.uscc()) && e.removedOn() == null)
                .findFirst()
                .orElseThrow();
        assertThat(row(registrar.get("/credit-lists/dishonest").body(), "沪B2-20200001"))
                .contains("data-automatic=\"false\"", "被吊销经营许可证", "上海市通信管理局", "2025-06-01");

        // Eligibility: the applicant with that USCC is on the dishonest list, and the finding says which entry.
        var stored = eligibility.determine("""
                {"asOf":"2025-06-05",
                 "applicant":{"name":"浦东网联科技有限公司","uscc":"%s","seat":"310115","registeredCapitalCny":10000000},
                 "foreignEquityPercent":0,
                 "services":[{"code":"B25","item":"SEARCH","coverage":["310000"]}]}""".formatted(USCC_B));
        var credit = JsonMapper.builder()
                .build()
                .readTree(stored.json())
                .get("findings")
                .valueStream()
                .filter(f -> f.get("rule").asString().equals("applicant.credit"))
                .findFirst()
                .orElseThrow();
        assertThat(credit.get("outcome").asString()).isEqualTo("NOT_PERMITTED");
        assertThat(credit.at("/message/en").asString())
                .contains("dishonest list", "since 2025-06-01", "上海市通信管理局", "licence withdrawn");
        assertThat(credit.at("/message/zh").asString()).contains("电信业务经营失信名单", "2025-06-01", "被吊销经营许可证");

        // Taking it off: a blank form is re-shown by the entry's fields, then it is taken off.
        var removal = "/credit-lists/entries/" + entry.id() + "/removal";
        var blank = registrar.post(removal, form(registrar, "/credit-lists/dishonest", "reason", "", "removedOn", ""));
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("id=\"error-summary\"", "#reason-" + entry.id(), "#removedOn-" + entry.id());
        assertThat(lists.find(entry.id()).orElseThrow().removedOn()).isNull();
        var removed = registrar.post(
                removal,
                form(registrar, "/credit-lists/dishonest", "reason", "已整改 / remedied", "removedOn", "2025-06-09"));
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(row(registrar.get("/credit-lists/dishonest").body(), "沪B2-20200001"))
                .contains("data-removed=\"true\"", "已整改");

        // Applicants and anonymous callers get nothing of the staff pages.
        var applicant = signedIn("applicant.a");
        assertThat(applicant.get("/credit-lists/bad").statusCode()).isEqualTo(403);
        assertThat(applicant
                        .post("/credit-lists/bad", form(applicant, "/licences", "operator", "x"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(signedIn("officer").get("/credit-lists/dishonest").body()).doesNotContain("id=\"add-form\"");
        assertThat(new FormClient(port).get("/credit-lists/bad").statusCode()).isEqualTo(302);
    }

    @Test
    void anApplicantSeesItsRecordedLicencesByUsccButNeverAnothers() {
        var recorded = licences.record(
                List.of(
                        recorded("合字B2-20230901", "临港云数据有限公司", USCC_A),
                        recorded("合字B2-20230902", "浦东网联科技有限公司", USCC_B)),
                "system");
        var ofA = recorded.get(0);
        var ofB = recorded.get(1);

        var a = signedIn("applicant.a");
        var list = a.get("/licences").body();
        assertThat(list)
                .contains("data-licence=\"" + ofA.id() + "\"")
                .doesNotContain(ofB.id().value());
        assertThat(a.get("/licences/" + ofA.id()).statusCode()).isEqualTo(200);
        assertThat(a.get("/licences/" + ofB.id()).statusCode()).isEqualTo(404);
        assertThat(licences.visibleTo(user("applicant.a"), 0))
                .extracting(LicenceView::id)
                .contains(ofA.id())
                .doesNotContain(ofB.id());
        assertThat(licences.visibleTo(user("applicant.b"), 0))
                .extracting(LicenceView::id)
                .contains(ofB.id())
                .doesNotContain(ofA.id());
        assertThat(licences.visibleTo(user("applicant.a"), 1)).isEmpty();
        // The holder's annual reports list includes the recorded licence too.
        assertThat(a.get("/annual-reports").body()).contains("data-licence=\"" + ofA.id() + "\"");
    }

    org.kaifang.accounts.CurrentUser user(String username) {
        var account = accounts.user(new Username(username)).orElseThrow();
        return new org.kaifang.accounts.CurrentUser(
                account.id(),
                account.username(),
                account.displayName(),
                accounts.organisation(account.organisation()).orElseThrow(),
                account.roles());
    }

    /** The table row that mentions {@code text}. */
    static String row(String page, String text) {
        var at = page.indexOf(text);
        assertThat(at).as("%s on the page", text).isGreaterThanOrEqualTo(0);
        var start = page.lastIndexOf("<tr", at);
        var end = page.indexOf("</tr>", at);
        return page.substring(start, end);
    }

    static List<String> publicFlags(String page) {
        var flags = new java.util.ArrayList<String>();
        var matcher =
                java.util.regex.Pattern.compile("data-public=\"(true|false)\"").matcher(page);
        while (matcher.find()) {
            flags.add(matcher.group(1));
        }
        return flags;
    }
}
