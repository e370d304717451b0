package org.kaifang.eligibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The conformance kit of a rule pack: its YAML example cases, and a runner that checks an engine against them. The
 * format is documented in {@code docs/conformance.md} so that a second implementation can run the same cases.
 */
public final class ConformanceKit {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final List<ExampleCase> cases;

    private ConformanceKit(List<ExampleCase> cases) {
        this.cases = List.copyOf(cases);
    }

    public List<ExampleCase> cases() {
        return cases;
    }

    /** Loads every {@code *.yaml} file in {@code directory}, in file-name order. */
    public static ConformanceKit fromDirectory(Path directory) {
        var cases = new ArrayList<ExampleCase>();
        try (Stream<Path> files = Files.list(directory)) {
            for (var file : files.filter(f -> f.toString().endsWith(".yaml"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList()) {
                parse(file.getFileName().toString(), Files.readString(file), cases);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read examples in " + directory, e);
        }
        return new ConformanceKit(cases);
    }

    /** Loads the examples bundled with the pack {@code packId}. */
    public static ConformanceKit fromClasspath(String packId) {
        var cases = new ArrayList<ExampleCase>();
        try {
            var resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:rules/" + packId + "/examples/*.yaml");
            var sorted = Stream.of(resources)
                    .sorted(Comparator.comparing(r -> String.valueOf(r.getFilename())))
                    .toList();
            for (Resource resource : sorted) {
                parse(
                        String.valueOf(resource.getFilename()),
                        resource.getContentAsString(java.nio.charset.StandardCharsets.UTF_8),
                        cases);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bundled examples of " + packId, e);
        }
        return new ConformanceKit(cases);
    }

    private static void parse(String file, String text, List<ExampleCase> cases) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(file + " must hold a list of cases");
        }
        for (int i = 0; i < root.size(); i++) {
            var node = root.get(i);
            var name = node.path("name").asString("");
            if (name.isBlank()) {
                throw new IllegalArgumentException(file + " case " + i + " has no name");
            }
            var request = node.get("request");
            var expect = node.get("expect");
            var errors = node.get("expectErrors");
            if (request == null || (expect == null) == (errors == null)) {
                throw new IllegalArgumentException(
                        file + " case '" + name + "' needs a request and exactly one of expect or expectErrors");
            }
            cases.add(new ExampleCase(
                    file,
                    name,
                    request,
                    expect == null ? NullNode.getInstance() : expect,
                    errors == null ? NullNode.getInstance() : errors));
        }
    }

    /** The result of one case: passed when {@code mismatches} is empty. */
    public record Result(ExampleCase example, List<String> mismatches) {
        public boolean passed() {
            return mismatches.isEmpty();
        }
    }

    /** Runs every case against {@code engine}, screening parties against the built-in lists. */
    public List<Result> run(EligibilityEngine engine) {
        var reader = new RequestReader(engine.pack(), org.kaifang.screening.Screening.builtIn());
        return cases.stream().map(c -> run(c, reader, engine)).toList();
    }

    static Result run(ExampleCase example, RequestReader reader, EligibilityEngine engine) {
        var mismatches = new ArrayList<String>();
        DeterminationRequest request;
        try {
            request = reader.read(example.request());
        } catch (InvalidRequest e) {
            if (example.expectErrors().isNull()) {
                mismatches.add("request refused: " + e.getMessage());
            } else {
                var reported = new HashSet<String>();
                e.problems().forEach(p -> reported.add(p.pointer()));
                for (var pointer : example.expectErrors()) {
                    if (!reported.contains(pointer.asString())) {
                        mismatches.add("expected a problem at " + pointer.asString() + " but got: " + e.getMessage());
                    }
                }
            }
            return new Result(example, mismatches);
        }
        if (!example.expectErrors().isNull()) {
            mismatches.add("expected the request to be refused, but it was judged");
            return new Result(example, mismatches);
        }
        var d = engine.determine(request);
        var expect = example.expect();
        compare("overall", expect.get("overall"), d.overall().name(), mismatches);
        compare("authority", expect.get("authority"), d.authority().code(), mismatches);
        compare("licenceScope", expect.get("licenceScope"), d.licenceScope().name(), mismatches);
        compareNumber("foreignEquityPercent", expect.get("foreignEquityPercent"), d.foreignEquityPercent(), mismatches);
        compareFindings("findings", expect.get("findings"), d.findings(), mismatches);
        var services = expect.get("services");
        if (services != null) {
            if (services.size() != d.services().size()) {
                mismatches.add("services: expected " + services.size() + " but got "
                        + d.services().size());
            }
            for (int i = 0; i < Math.min(services.size(), d.services().size()); i++) {
                var e = services.get(i);
                var s = d.services().get(i);
                var prefix = "services[" + i + "] " + s.code() + (s.item() == null ? "" : "/" + s.item()) + " ";
                compare(prefix + "code", e.get("code"), s.code(), mismatches);
                compare(prefix + "item", e.get("item"), s.item(), mismatches);
                compare(prefix + "outcome", e.get("outcome"), s.outcome().name(), mismatches);
                compare(prefix + "decidedBy", e.get("decidedBy"), s.decidedBy(), mismatches);
                if (e.has("foreignEquityCapPercent")) {
                    compareNumber(
                            prefix + "foreignEquityCapPercent",
                            e.get("foreignEquityCapPercent"),
                            s.foreignEquityCapPercent(),
                            mismatches);
                }
                compareFindings(prefix + "findings", e.get("findings"), s.findings(), mismatches);
                var overridden = e.get("overridden");
                if (overridden != null) {
                    for (var rule : overridden) {
                        var found =
                                s.findings().stream().anyMatch(f -> f.rule().equals(rule.asString()) && !f.stands());
                        if (!found) {
                            mismatches.add(prefix + "expected " + rule.asString() + " to be overridden");
                        }
                    }
                }
                var conditions = e.get("conditions");
                if (conditions != null && conditions.asInt() != s.conditions().size()) {
                    mismatches.add(prefix + "conditions: expected " + conditions.asInt() + " but got "
                            + s.conditions().size());
                }
                var hints = e.get("hints");
                if (hints != null && hints.asBoolean() == s.hints().isEmpty()) {
                    mismatches.add(prefix + "hints: expected " + (hints.asBoolean() ? "some" : "none"));
                }
            }
        }
        var hints = expect.get("hints");
        if (hints != null && hints.asBoolean() == d.hints().isEmpty()) {
            mismatches.add("hints: expected " + (hints.asBoolean() ? "some" : "none"));
        }
        return new Result(example, mismatches);
    }

    private static void compare(String what, @Nullable JsonNode expected, @Nullable String actual, List<String> out) {
        if (expected == null) {
            return;
        }
        var want = expected.isNull() ? null : expected.asString();
        if (want == null ? actual != null : !want.equals(actual)) {
            out.add(what + ": expected " + want + " but got " + actual);
        }
    }

    private static void compareNumber(
            String what, @Nullable JsonNode expected, @Nullable BigDecimal actual, List<String> out) {
        if (expected == null) {
            return;
        }
        if (expected.isNull()) {
            if (actual != null) {
                out.add(what + ": expected null but got " + actual.toPlainString());
            }
            return;
        }
        var want = expected.decimalValue();
        if (actual == null || want.compareTo(actual) != 0) {
            out.add(what + ": expected " + want.toPlainString() + " but got "
                    + (actual == null ? "null" : actual.toPlainString()));
        }
    }

    private static void compareFindings(
            String what, @Nullable JsonNode expected, List<Finding> findings, List<String> out) {
        if (expected == null) {
            return;
        }
        for (var rule : expected.propertyNames()) {
            var want = expected.get(rule).asString();
            var match = findings.stream().filter(f -> f.rule().equals(rule)).findFirst();
            if ("ABSENT".equals(want)) {
                if (match.isPresent()) {
                    out.add(what + ": expected no finding of " + rule + " but got "
                            + match.get().outcome());
                }
            } else if (match.isEmpty()) {
                out.add(what + ": expected a finding of " + rule + " but there is none");
            } else if (!match.get().outcome().name().equals(want)) {
                out.add(what + ": " + rule + " expected " + want + " but got "
                        + match.get().outcome());
            }
        }
    }
}
