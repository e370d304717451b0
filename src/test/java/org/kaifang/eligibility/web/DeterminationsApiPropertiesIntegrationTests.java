package org.kaifang.eligibility.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jspecify.annotations.Nullable;
import org.kaifang.KaifangApplication;
import org.kaifang.testing.Http;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random and malformed requests thrown at the running API: it never answers 500, and every 400 is problem+json that
 * names the field of each problem.
 */
class DeterminationsApiPropertiesIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TOP_LEVEL =
            List.of("asOf", "applicant", "foreignEquityPercent", "ownership", "services");

    private static @Nullable ConfigurableApplicationContext context;
    private static @Nullable Http http;

    @BeforeContainer
    static void start() {
        context = SpringApplication.run(
                KaifangApplication.class,
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:properties;DB_CLOSE_DELAY=-1",
                "--logging.level.root=WARN");
        http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @AfterContainer
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Property(tries = 400)
    void mutatedRequestsAreJudgedOrRefusedWithPointers(@ForAll("mutatedRequests") String body) {
        check(body);
    }

    @Property(tries = 200)
    void arbitraryTextIsRefusedCleanly(@ForAll("junk") String body) {
        check(body);
    }

    private static void check(String body) {
        var response = http.postJson("/api/v1/determinations", body);
        assertThat(response.statusCode()).as(body).isIn(201, 400);
        if (response.statusCode() == 201) {
            assertThat(Http.json(response).get("overall").asString()).isIn("PERMITTED", "REFER", "NOT_PERMITTED");
            return;
        }
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var problem = Http.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        var errors = problem.get("errors");
        assertThat(errors.isArray() && !errors.isEmpty()).as(body).isTrue();
        var sent = parse(body);
        for (var error : errors) {
            assertThat(error.get("message").asString()).isNotBlank();
            var pointer = error.get("pointer").asString();
            if (sent != null && sent.isObject()) {
                assertThat(pointer).as("the pointer names a field of " + body).startsWith("/");
                var field =
                        pointer.substring(1).split("/")[0].replace("~1", "/").replace("~0", "~");
                assertThat(TOP_LEVEL.contains(field) || sent.has(field))
                        .as(pointer)
                        .isTrue();
            } else {
                assertThat(pointer).isEmpty();
            }
        }
    }

    private static @Nullable JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    @Provide
    Arbitrary<String> mutatedRequests() {
        return Arbitraries.integers()
                .between(1, 4)
                .flatMap(count -> Arbitraries.longs().list().ofSize(count).map(seeds -> {
                    var request = (ObjectNode) JSON.readTree(DeterminationsApiContract.CONTRACT_EXAMPLE);
                    for (var seed : seeds) {
                        mutate(request, new java.util.Random(seed));
                    }
                    return request.toString();
                }));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of(
                        "", "null", "[]", "{}", "42", "\"text\"", "{\"asOf\":", "[{\"services\":[]}]", "{\"a\":1}{"),
                Arbitraries.strings().withChars("{}[]\":,0123456789abc\\").ofMaxLength(60));
    }

    /** Replaces, removes or adds one value somewhere in the tree. */
    private static void mutate(ObjectNode root, java.util.Random random) {
        var containers = new ArrayList<JsonNode>();
        collect(root, containers);
        var target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            var names = new ArrayList<>(object.propertyNames());
            var choice = random.nextInt(3);
            if (choice == 0 && !names.isEmpty()) {
                object.remove(names.get(random.nextInt(names.size())));
            } else if (choice == 1 && !names.isEmpty()) {
                object.set(names.get(random.nextInt(names.size())), value(random));
            } else {
                object.set(random.nextBoolean() ? "extra" : "a/b~c", value(random));
            }
        } else if (target instanceof ArrayNode array) {
            if (!array.isEmpty() && random.nextBoolean()) {
                array.set(random.nextInt(array.size()), value(random));
            } else {
                array.add(value(random));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            node.values().forEach(child -> collect(child, containers));
        }
    }

    private static JsonNode value(java.util.Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.numberNode(new java.math.BigDecimal("1e" + random.nextInt(400)));
            case 4 -> NODES.numberNode(-random.nextDouble() * 1000);
            case 5 -> NODES.stringNode("");
            case 6 -> NODES.stringNode("汉字" + random.nextInt());
            case 7 -> NODES.stringNode(String.valueOf(random.nextInt(1_000_000)));
            case 8 -> NODES.arrayNode().add(random.nextInt());
            case 9 -> NODES.objectNode().put("x", "y");
            case 10 -> NODES.stringNode("2025-13-45");
            default -> NODES.stringNode("B" + random.nextInt(40));
        };
    }
}
