package org.kaifang.screening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/screening/lists}: uploads need a login (a test user here: accounts are another module's business),
 * and an upload takes effect on the next screening without a restart.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:screening-lists-it;DB_CLOSE_DELAY=-1",
            "kaifang.screening.max-import-bytes=2000"
        })
@AutoConfigureMockMvc
class ScreeningListsApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    static byte[] fixture(String name) throws IOException {
        try (var in = ScreeningListsApiIntegrationTests.class.getResourceAsStream("/screening/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    static JsonNode json(MvcResult result) {
        return JSON.readTree(result.getResponse().getContentAsByteArray());
    }

    static String screen(String name) {
        return "{\"asOf\": \"2026-01-01\", \"parties\": [{\"name\": \"" + name + "\"}]}";
    }

    @Test
    void anUploadTakesEffectOnTheNextScreening() throws Exception {
        var before = mvc.perform(post("/api/v1/screenings")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(screen("Zephyrine Avionics Holdings Inc")))
                .andReturn();
        assertThat(json(before).at("/results/0/outcome").asString()).isEqualTo("CLEAR");

        var upload = mvc.perform(multipart("/api/v1/screening/lists")
                        .file(new MockMultipartFile(
                                "file", "synthetic-cn.csv", "text/csv", fixture("synthetic-cn.csv")))
                        .param("format", "opensanctions-csv")
                        .with(user("officer").roles("CASE_OFFICER")))
                .andReturn();

        assertThat(upload.getResponse().getStatus()).isEqualTo(201);
        var stored = json(upload);
        assertThat(stored.get("id").asString()).isEqualTo("opensanctions-cn");
        assertThat(stored.get("version").asString()).matches("\\d{4}\\.\\d{2}\\.\\d{2}-1");
        assertThat(stored.get("digest").asString()).startsWith("sha256:");
        assertThat(stored.get("entries").asInt()).isEqualTo(3);
        var after = json(mvc.perform(post("/api/v1/screenings")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(screen("Zephyrine Avionics Holdings Inc")))
                .andReturn());
        assertThat(after.at("/results/0/outcome").asString()).isEqualTo("MATCH");
        assertThat(after.at("/results/0/hits/0/list/version").asString())
                .isEqualTo(stored.get("version").asString());
        assertThat(after.at("/lists/1/digest").asString())
                .isEqualTo(stored.get("digest").asString());

        var again = mvc.perform(post("/api/v1/screening/lists?format=opensanctions-csv&fileName=again.csv")
                        .contentType("text/csv")
                        .content(fixture("synthetic-cn.csv"))
                        .with(user("officer").roles("CASE_OFFICER")))
                .andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(json(again).get("version").asString())
                .isEqualTo(stored.get("version").asString());

        var versions = json(mvc.perform(get("/api/v1/screening/lists")).andReturn());
        assertThat(versions.at("/current/0/id").asString()).isEqualTo("kaifang-cn");
        assertThat(versions.get("versions").findValuesAsString("digest"))
                .contains(stored.get("digest").asString());
    }

    @Test
    void anUploadNeedsALogin() throws Exception {
        var response = mvc.perform(multipart("/api/v1/screening/lists")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", fixture("synthetic-cn.csv")))
                        .param("format", "opensanctions-csv"))
                .andReturn();

        assertThat(response.getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void aBadFileIs400NamingEveryRowAndField() throws Exception {
        var response = mvc.perform(post("/api/v1/screening/lists?format=opensanctions-csv&fileName=bad.csv")
                        .contentType("text/csv")
                        .content(fixture("synthetic-bad.csv"))
                        .with(user("officer").roles("CASE_OFFICER")))
                .andReturn();

        assertThat(response.getResponse().getStatus()).isEqualTo(400);
        assertThat(response.getResponse().getContentType()).startsWith("application/problem+json");
        var body = json(response);
        assertThat(body.get("type").asString()).isEqualTo("urn:kaifang:problem:invalid-list-file");
        assertThat(body.get("errors").findValuesAsString("field")).containsExactly("Type", "Date", "Name");
        assertThat(body.get("errors").findValues("row"))
                .extracting(JsonNode::asInt)
                .containsExactly(3, 4, 5);
        assertThat(body.at("/errors/1/message").asString()).contains("bad.csv, row 4, field 'Date'");
    }

    @Test
    void aMissingOrUnknownFormatIs400() throws Exception {
        var response = mvc.perform(post("/api/v1/screening/lists")
                        .contentType("text/csv")
                        .content("x".getBytes(StandardCharsets.UTF_8))
                        .with(user("officer").roles("CASE_OFFICER")))
                .andReturn();

        assertThat(response.getResponse().getStatus()).isEqualTo(400);
        assertThat(json(response).at("/errors/0/field").asString()).isEqualTo("format");
    }

    @Test
    void aFileOverTheLimitIs413() throws Exception {
        var large = new byte[2001];
        java.util.Arrays.fill(large, (byte) 'a');
        var response = mvc.perform(multipart("/api/v1/screening/lists")
                        .file(new MockMultipartFile("file", "big.csv", "text/csv", large))
                        .param("format", "opensanctions-csv")
                        .with(user("officer").roles("CASE_OFFICER")))
                .andReturn();

        assertThat(response.getResponse().getStatus()).isEqualTo(413);
        assertThat(json(response).get("detail").asString()).contains("kaifang.screening.max-import-bytes");
    }
}
