package org.kaifang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The README's curl example returns the determination the README shows. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:it;DB_CLOSE_DELAY=-1")
class ReadmeExampleIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void theCurlExampleReturnsTheAnswerTheReadmeShows() throws IOException {
        var readme = Files.readString(Path.of("README.md"));
        var request = extract(readme, "<!-- readme-example-request -->", Pattern.compile("(?s)-d '\\s*(\\{.*?\\})'"));
        var expected = JSON.readTree(extract(
                readme, "<!-- readme-example-response -->", Pattern.compile("(?s)```json\\s*(\\{.*?\\})\\s*```")));

        var response = new Http(port).postJson("/api/v1/determinations", request);

        assertThat(response.statusCode()).isEqualTo(201);
        assertContains(Http.json(response), expected, "");
    }

    private static String extract(String readme, String marker, Pattern pattern) {
        var start = readme.indexOf(marker);
        assertThat(start).as(marker + " in README.md").isNotNegative();
        var matcher = pattern.matcher(readme.substring(start));
        assertThat(matcher.find()).as("the block after " + marker).isTrue();
        return matcher.group(1);
    }

    /** Every field the README shows has that value in the actual answer; the README may leave fields out. */
    private static void assertContains(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            for (var name : expected.propertyNames()) {
                assertThat(actual.has(name)).as(path + "/" + name).isTrue();
                assertContains(actual.get(name), expected.get(name), path + "/" + name);
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(actual.get(i), expected.get(i), path + "/" + i);
            }
        } else if (expected.isNumber()) {
            assertThat(actual.decimalValue()).as(path).isEqualByComparingTo(expected.decimalValue());
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
