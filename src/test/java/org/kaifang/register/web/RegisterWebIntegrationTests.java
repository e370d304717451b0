package org.kaifang.register.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaifang.licensing.CreditList;
import org.kaifang.licensing.CreditListChanged;
import org.kaifang.licensing.CreditListEntry;
import org.kaifang.licensing.LicenceChange;
import org.kaifang.licensing.LicenceView;
import org.kaifang.register.LicenceViews;
import org.kaifang.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public register over HTTP without a login: the JSON API and the pages, fed by licensing's events published in a
 * transaction as the licensing module publishes them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:register-web;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterWebIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    LicenceView fie;
    LicenceView revoked;

    @BeforeAll
    void publish() {
        fie = LicenceViews.licence(
                "WEB-1", "合字B2-20250145", "上海示例信息技术有限公司", "Example IT (Shanghai) Co., Ltd.", "91310000MA1FL0AB1X");
        var other = LicenceViews.licence("WEB-2", "沪B2-20190001", "上海另一示例网络有限公司", null, null);
        revoked = LicenceViews.revoked(other, LocalDate.parse("2025-05-05"));
        var pilot = LicenceViews.pilot(LicenceViews.licence("WEB-3", "x", "海南试点科技有限公司", null, null), "HAINAN_FTP");
        transaction.executeWithoutResult(s -> {
            events.publishEvent(LicenceViews.issued(fie));
            events.publishEvent(LicenceViews.issued(other));
            events.publishEvent(LicenceViews.changed(revoked, LicenceChange.REVOKED, LicenceViews.AT.plusSeconds(60)));
            events.publishEvent(LicenceViews.issued(pilot));
            events.publishEvent(new CreditListChanged(
                    new CreditListEntry(
                            "CR-1",
                            CreditList.BAD,
                            "上海另一示例网络有限公司",
                            null,
                            "沪B2-20190001",
                            LocalDate.parse("2025-04-01"),
                            "未按规定报送年报",
                            "上海市通信管理局",
                            null,
                            null,
                            false),
                    LicenceViews.AT));
        });
    }

    @Test
    void searchesWithoutALogin() {
        var response = http().get("/api/v1/register/licences?q=" + encode("示例") + "&status=normal");

        assertThat(response.statusCode()).isEqualTo(200);
        var json = Http.json(response);
        assertThat(json.get("total").asLong()).isEqualTo(1);
        assertThat(json.get("licences").get(0).get("number").asString()).isEqualTo("合字B2-20250145");
        assertThat(json.get("facets").get("service").get("B25").asLong()).isEqualTo(1);
    }

    @Test
    void aBadSearchIsAProblemNamingEachParameter() {
        var response = http().get("/api/v1/register/licences?service=ICP&size=0&pilot=perhaps");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Http.json(response).get("errors").findValuesAsString("pointer"))
                .containsExactlyInAnyOrder("/service", "/size", "/pilot");
    }

    @Test
    void givesALicenceByIdAndByNumberWithItsHistory() {
        assertThat(Http.json(http().get("/api/v1/register/licences/WEB-1"))
                        .get("holderEn")
                        .asString())
                .isEqualTo("Example IT (Shanghai) Co., Ltd.");
        assertThat(Http.json(http().get("/api/v1/register/licences/by-number?number=" + encode("沪B2-20190001")))
                        .get("status")
                        .asString())
                .isEqualTo("REVOKED");
        var history = Http.json(http().get("/api/v1/register/licences/WEB-2/history"));
        assertThat(history.findValuesAsString("change")).containsExactly("ISSUED", "REVOKED");
        assertThat(http().get("/api/v1/register/licences/NOPE").statusCode()).isEqualTo(404);
        assertThat(http().get("/api/v1/register/licences/no%20such").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theCreditListsArePublic() {
        var bad = Http.json(http().get("/api/v1/register/credit-lists/bad?all=true"));
        assertThat(bad.findValuesAsString("licenceNumber")).containsExactly("沪B2-20190001");
        assertThat(http().get("/api/v1/register/credit-lists/grey").statusCode())
                .isEqualTo(400);

        var page = http().get("/register/bad-list?lang=zh");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("电信业务经营不良名单", "未按规定报送年报", "上海市通信管理局");
        assertThat(http().get("/register/dishonest-list?lang=en").body()).contains("Nobody is on this list.");
    }

    @Test
    void thePagesShowResultsFacetsAndSyntheticLabels() {
        var page = http().get("/register?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("合字B2-20250145", "id=\"facets\"", "data-synthetic=\"true\"");
        assertThat(page.body()).contains("合成演示数据 / synthetic demo data", "id=\"synthetic-banner\"");

        var narrowed = http().get("/register?lang=en&q=" + encode("示例"));
        assertThat(narrowed.body()).contains("合字B2-20250145", "沪B2-20190001").doesNotContain("synthetic-banner");

        var bad = http().get("/register?lang=en&service=ICP");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"problems\"", "href=\"#service\"", "value=\"ICP\"");
    }

    @Test
    void aRevokedLicenceVerifiesAsRevoked() {
        var verify = http().get("/register/verify/WEB-2?lang=en");
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(verify.body())
                .contains("data-status=\"REVOKED\"", "data-in-force=\"false\"", "NOT in force", "以欺骗手段取得许可");
        assertThat(http().get("/register/verify/WEB-1?lang=zh").body()).contains("data-in-force=\"true\"", "该许可证有效");
        assertThat(http().get("/register/licences/WEB-2?lang=en").body())
                .contains("data-change=\"REVOKED\"", "id=\"termination\"");
        assertThat(http().get("/register/verify/NOPE").statusCode()).isEqualTo(404);
    }

    @Test
    void theCertificateIsAPdfWhoseQrCodePointsToTheVerificationPage() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(http().base() + "/register/licences/WEB-2/certificate.pdf"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(response.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf))
                    .contains("沪B2-20190001");
            var image = new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 150);
            var qr = new com.google.zxing.qrcode.QRCodeReader()
                    .decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                            new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image))));
            assertThat(qr.getText()).isEqualTo(http().base() + "/register/verify/WEB-2");
        }
    }

    @Test
    void bulkDataStreamsWithAManifestThatMatches() throws Exception {
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var csv = http().get("/api/v1/register/bulk/snapshot.csv?date=" + today);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("kaifang-register-snapshot-" + today + ".csv"));
        var manifest = Http.json(http().get("/api/v1/register/bulk/snapshot.csv/manifest?date=" + today));
        assertThat(manifest.get("rows").asLong()).isEqualTo(3);
        assertThat(manifest.get("sha256").asString())
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(csv.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(manifest.get("schemaVersion").asInt()).isEqualTo(1);
        var delta = http().get("/api/v1/register/bulk/delta.jsonl?date=2025-03-03");
        assertThat(delta.body().lines()).hasSize(4);
        assertThat(http().get("/api/v1/register/bulk/full.xml").statusCode()).isEqualTo(400);
        assertThat(http().get("/api/v1/register/bulk/delta.csv?date=yesterday").statusCode())
                .isEqualTo(400);
        assertThat(http().get("/register/bulk?lang=en").body()).contains("delta.jsonl?date=" + today);
    }

    private Http http() {
        return new Http(port);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
