package org.kaifang.licensing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kaifang.accounts.Accounts;
import org.kaifang.applications.Actor;
import org.kaifang.applications.ApplicationType;
import org.kaifang.applications.Applications;
import org.kaifang.applications.Verdict;
import org.kaifang.licensing.LicenceView;
import org.kaifang.licensing.Licences;
import org.kaifang.testing.Actors;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.FormClient;
import org.kaifang.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * The licences API and pages. The API over HTTP Basic with the demo users: object-level access (another organisation's licence is 404),
 * a registrar's revocation with its reason, basis and date in the history, and every refusal as problem+json. The
 * pages signed in with the form: the registrar's ending form re-shown with its problems, then recorded; the holder sees
 * its licence without the form; another organisation gets 404.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:licences-api;DB_CLOSE_DELAY=-1",
            DemoLogins.DEMO,
            DemoLogins.FIXED_PASSWORD,
            "kaifang.notifications.schedule=false",
            "kaifang.licensing.schedule=false"
        })
class LicencesApiIntegrationTests {

    static final String REQUEST = """
            {"asOf":"2025-06-01",
             "applicant":{"name":"Lingang Cloud Data Co., Ltd.","seat":"310115","registeredCapitalCny":10000000},
             "foreignEquityPercent":49,
             "services":[{"code":"B11","item":"IDC","coverage":["CN"],"facilities":["310115"]}]}
            """;

    @TestConfiguration
    static class FixedDay {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2025-06-10T02:00:00Z"), ZoneOffset.UTC);
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

    private final HttpClient client = HttpClient.newHttpClient();

    Actor actor(String username) {
        return Actors.of(accounts, username);
    }

    /** A licence issued to applicant.a's organisation through the whole application journey. */
    LicenceView issued() {
        var app = applications.create(actor("applicant.a"), ApplicationType.NEW_LICENCE, "临港云数据有限公司", REQUEST, null);
        app = applications.submit(actor("applicant.a"), app.id(), app.version());
        app = applications.accept(actor("officer"), app.id(), app.version());
        app = applications.startReview(actor("officer"), app.id(), app.version());
        app = applications.recommend(actor("officer"), app.id(), app.version(), Verdict.APPROVE, "Complete");
        app = applications.decide(actor("approver"), app.id(), app.version(), Verdict.APPROVE, "Approved");
        return licences.ofApplication(app.id().toString()).orElseThrow();
    }

    HttpResponse<String> call(@Nullable String user, String method, String path, @Nullable String body) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (user != null) {
            var token = Base64.getEncoder()
                    .encodeToString((user + ":" + DemoLogins.PASSWORD).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return Http.json(response);
    }

    static java.util.List<String> pointers(HttpResponse<String> response) {
        var pointers = new ArrayList<String>();
        json(response).get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
        return pointers;
    }

    @Test
    void aRegistrarRevokesWithReasonBasisAndDateAndTheHolderSeesItInTheHistory() {
        var licence = issued();
        var path = "/api/v1/licences/" + licence.id();

        var revoked = call("registrar", "POST", path + "/revoke", """
                {"reason":"以欺骗手段取得许可 / obtained by deception",
                 "legalBasis":"中华人民共和国行政许可法 第六十九条","date":"2025-06-10","version":1}""");

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(json(revoked).get("status").asString()).isEqualTo("REVOKED");
        assertThat(json(revoked).at("/termination/legalBasis").asString()).isEqualTo("中华人民共和国行政许可法 第六十九条");
        assertThat(json(revoked).at("/termination/on").asString()).isEqualTo("2025-06-10");
        assertThat(json(revoked).get("id").asString()).isEqualTo(licence.id().value());
        var mine = call("applicant.a", "GET", path, null);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json(mine).get("status").asString()).isEqualTo("REVOKED");
        var history = json(call("applicant.a", "GET", path + "/history", null));
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("change").asString()).isEqualTo("ISSUED");
        assertThat(history.get(1).get("change").asString()).isEqualTo("REVOKED");
        assertThat(history.get(1).get("reason").asString()).contains("obtained by deception");

        var again = call("registrar", "POST", path + "/withdraw", """
                {"reason":"again","legalBasis":"电信条例 第六十九条","date":"2025-06-10"}""");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void anotherOrganisationsLicenceIsNotFoundAndTheListsAreEachOrganisationsOwn() {
        var licence = issued();

        assertThat(call("applicant.b", "GET", "/api/v1/licences/" + licence.id(), null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(call("applicant.b", "GET", "/api/v1/licences/" + licence.id() + "/history", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(json(call("applicant.b", "GET", "/api/v1/licences", null))).isEmpty();
        assertThat(json(call("applicant.a", "GET", "/api/v1/licences", null)))
                .anySatisfy(l -> assertThat(l.get("id").asString())
                        .isEqualTo(licence.id().value()));
        assertThat(call("registrar", "GET", "/api/v1/licences/no-such-licence", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(call(null, "GET", "/api/v1/licences", null).statusCode()).isEqualTo(401);
    }

    @Test
    void badInputIsA400NamingEveryFieldAndOnlyRegistrarsEndLicences() {
        var licence = issued();
        var path = "/api/v1/licences/" + licence.id();

        var empty = call("registrar", "POST", path + "/cancel", "{\"colour\":\"red\"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(pointers(empty)).containsExactlyInAnyOrder("/colour", "/reason", "/legalBasis", "/date");

        var future = call("registrar", "POST", path + "/cancel", """
                {"reason":"holder's request","legalBasis":"电信业务经营许可管理办法 第三十条","date":"2025-06-11"}""");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(pointers(future)).containsExactly("/date");

        var malformed = call("registrar", "POST", path + "/cancel", "{\"reason\":");
        assertThat(malformed.statusCode()).isEqualTo(400);

        var stale = call("registrar", "POST", path + "/cancel", """
                {"reason":"holder's request","legalBasis":"第三十条","date":"2025-06-10","version":7}""");
        assertThat(stale.statusCode()).isEqualTo(409);

        var officer = call("officer", "POST", path + "/cancel", """
                {"reason":"holder's request","legalBasis":"第三十条","date":"2025-06-10"}""");
        assertThat(officer.statusCode()).isEqualTo(403);
        var holder = call("applicant.a", "POST", path + "/cancel", """
                {"reason":"holder's request","legalBasis":"第三十条","date":"2025-06-10"}""");
        assertThat(holder.statusCode()).isEqualTo(403);

        assertThat(licences.find(licence.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aRegistrarEndsALicenceOnItsPageAndAnotherOrganisationGets404() {
        var licence = issued();
        var path = "/licences/" + licence.id();
        var registrar = new FormClient(port);
        registrar.signIn("registrar", DemoLogins.PASSWORD);

        assertThat(registrar.get("/licences").body()).contains(licence.number());
        var page = registrar.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"end-form\"").contains("data-change=\"ISSUED\"");

        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", registrar.csrfToken(path));
        fields.put("action", "withdraw");
        fields.put("reason", "");
        fields.put("legalBasis", "电信条例 第六十九条");
        fields.put("date", "2025-06-10");
        fields.put("version", "1");
        var refused = registrar.post(path + "/end", fields);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"error-summary\"").contains("id=\"reason-error\"");
        assertThat(licences.find(licence.id()).orElseThrow().version()).isEqualTo(1);

        fields.put("_csrf", registrar.csrfToken(path));
        fields.put("reason", "未按规定经营 / operated outside the licence");
        var recorded = registrar.post(path + "/end", fields);
        assertThat(recorded.statusCode()).isEqualTo(302);
        assertThat(FormClient.location(recorded)).endsWith(path + "?done=ended");
        var after = registrar.get(path + "?done=ended").body();
        assertThat(after).contains("data-status=\"WITHDRAWN\"").contains("data-change=\"WITHDRAWN\"");
        assertThat(after).doesNotContain("id=\"end-form\"");

        var holder = new FormClient(port);
        holder.signIn("applicant.a", DemoLogins.PASSWORD);
        var own = holder.get(path);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("data-status=\"WITHDRAWN\"").doesNotContain("id=\"end-form\"");
        var other = new FormClient(port);
        other.signIn("applicant.b", DemoLogins.PASSWORD);
        assertThat(other.get(path).statusCode()).isEqualTo(404);
        assertThat(other.get("/licences").body()).doesNotContain(licence.number());
    }

    @Test
    void theHolderOfARecordedLicenceFilesItsAnnualReportAndARegistrarConfirmsIt() {
        var recorded = licences.record(
                        java.util.List.of(new org.kaifang.licensing.ExistingLicence(
                                org.kaifang.licensing.LicenceKind.LICENCE,
                                "合字B2-20240777",
                                "临港云数据有限公司",
                                null,
                                "91310115MA1K4LXQ26",
                                null,
                                null,
                                "MIIT",
                                true,
                                false,
                                null,
                                java.util.List.of(new org.kaifang.licensing.LicensedService(
                                        "B25", null, java.util.List.of("CN"))),
                                java.time.LocalDate.of(2024, 3, 1),
                                java.time.LocalDate.of(2024, 3, 1),
                                java.time.LocalDate.of(2029, 2, 28),
                                org.kaifang.licensing.LicenceStatus.NORMAL,
                                java.util.List.of(),
                                null,
                                false,
                                null)),
                        "system")
                .getFirst();
        var path = "/api/v1/licences/" + recorded.id() + "/annual-reports/2024";

        var bad = call("applicant.a", "PUT", path, "{\"tradeSecrets\":\"all\",\"colour\":1}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(pointers(bad)).containsExactlyInAnyOrder("/colour");
        var draft = call("applicant.a", "PUT", path, "{\"business\":\"营业收入1200万元\"}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        assertThat(json(draft).get("status").asString()).isEqualTo("DRAFT");
        var incomplete = call("applicant.a", "POST", path + "/submission", "{\"business\":\"营业收入\"}");
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(pointers(incomplete))
                .contains("/networkAndChanges", "/serviceQuality", "/security", "/compliance", "/commitment");
        assertThat(call("applicant.b", "GET", path, null).statusCode()).isEqualTo(404);

        var submitted = call("applicant.a", "POST", path + "/submission", """
                {"business":"营业收入","networkAndChanges":"新增机房","serviceQuality":"投诉率低","security":"等保三级",
                 "compliance":"无违规","tradeSecrets":[1],"publishCompliance":true,"commitment":"%s"}""".formatted(
                        org.kaifang.licensing.AnnualReportForm.COMMITMENT_ZH));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(json(submitted).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(call("applicant.a", "POST", path + "/confirmation", null).statusCode())
                .isEqualTo(403);
        var confirmed = call("registrar", "POST", path + "/confirmation", null);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(json(confirmed).get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void registrarsKeepTheCreditListsByHandAndApplicantsCannot() {
        var missing = call("registrar", "POST", "/api/v1/credit-lists/bad", "{\"uscc\":\"123\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(pointers(missing))
                .containsExactlyInAnyOrder("/operator", "/reason", "/authority", "/uscc", "/listedOn");
        assertThat(call("applicant.a", "POST", "/api/v1/credit-lists/bad", """
                        {"operator":"某公司","listedOn":"2025-06-01","reason":"r","authority":"MIIT"}""").statusCode())
                .isEqualTo(403);
        assertThat(call("applicant.a", "GET", "/api/v1/credit-lists/bad", null).statusCode())
                .isEqualTo(403);

        var added = call("registrar", "POST", "/api/v1/credit-lists/dishonest", """
                {"operator":"浦东网联科技有限公司","uscc":"91310115MA1FL7T93C","listedOn":"2025-06-01",
                 "reason":"被吊销经营许可证 / licence withdrawn","authority":"上海市通信管理局"}""");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        var id = json(added).get("id").asString();
        assertThat(json(call("officer", "GET", "/api/v1/credit-lists/dishonest", null)))
                .anySatisfy(e -> assertThat(e.get("id").asString()).isEqualTo(id));

        var removed = call("registrar", "POST", "/api/v1/credit-lists/entries/" + id + "/removal", """
                {"reason":"期满移出 / period ended","removedOn":"2025-06-10"}""");
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(json(removed).get("removedOn").asString()).isEqualTo("2025-06-10");
        assertThat(call("registrar", "POST", "/api/v1/credit-lists/entries/" + id + "/removal", """
                        {"reason":"again","removedOn":"2025-06-10"}""")
                        .statusCode())
                .isEqualTo(409);
    }
}
