package org.kaifang.eligibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * With {@code --demo}, judges and stores a few sample requests once the server is ready, and prints where to see
 * them. Without {@code --demo} nothing is created.
 */
@Component
@ConditionalOnProperty(name = "kaifang.demo", havingValue = "true")
class DemoDeterminations {

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final EligibilityCheck check;
    private final Environment environment;

    DemoDeterminations(EligibilityCheck check, Environment environment) {
        this.check = check;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        var base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        var out = new StringBuilder();
        out.append("\n  Kaifang demo is running at ").append(base).append("/\n");
        out.append("    Eligibility check:     ").append(base).append("/check\n");
        out.append("    What is open where:    ").append(base).append("/rules\n");
        out.append("    API (OpenAPI, Swagger): ").append(base).append("/swagger-ui.html\n");
        out.append("  Sample determinations:\n");
        for (var sample : samples()) {
            var stored = check.determine(sample.getValue());
            var overall = JSON.readTree(stored.json()).get("overall").asString();
            out.append(String.format(
                    "    %-13s %s%n                  %s/determinations/%s%n",
                    overall, sample.getKey(), base, stored.id()));
        }
        System.out.println(out);
    }

    private static Iterable<Map.Entry<String, tools.jackson.databind.JsonNode>> samples() {
        try (var in = new ClassPathResource("demo/determinations.yaml").getInputStream()) {
            var yaml = YAMLMapper.builder()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .build();
            var list = yaml.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            var samples = new java.util.ArrayList<Map.Entry<String, tools.jackson.databind.JsonNode>>();
            for (var node : list) {
                samples.add(Map.entry(node.get("label").asString(), node.get("request")));
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo requests", e);
        }
    }
}
