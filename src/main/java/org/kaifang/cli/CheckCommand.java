package org.kaifang.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.kaifang.eligibility.DeterminationJson;
import org.kaifang.eligibility.EligibilityEngine;
import org.kaifang.eligibility.InvalidRequest;
import org.kaifang.eligibility.RequestReader;
import org.kaifang.rules.RulePackRejected;
import org.kaifang.screening.Screening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code kaifang check FILE}: judges a determination request offline, without a server or a database. */
@Command(
        name = "check",
        description = {
            "Judge a determination request (JSON or YAML, as in the determination contract).",
            "Exit codes: 0 a determination was made (whatever its outcome), 2 invalid input."
        })
final class CheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The request file, or - for standard input.")
    String file;

    @Option(names = "--json", description = "Print the determination as JSON (the REST response body).")
    boolean json;

    @Option(
            names = "--lang",
            description = "Language of the readable output: zh or en (default: ${DEFAULT-VALUE}).",
            defaultValue = "en")
    String lang;

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            description = "Judge by the rule pack in DIR instead of the bundled one.")
    @Nullable
    Path rules;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() {
        if (!lang.equals("zh") && !lang.equals("en")) {
            err.println("--lang must be zh or en, not '" + lang + "'");
            return KaifangCli.INVALID_INPUT;
        }
        String text;
        try {
            text = file.equals("-")
                    ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            err.println("FILE: no such file: " + file);
            return KaifangCli.INVALID_INPUT;
        } catch (IOException e) {
            err.println("FILE: cannot read " + file + ": " + e.getMessage());
            return KaifangCli.INVALID_INPUT;
        }
        try {
            var pack = PackOption.load(rules);
            var body = YAMLMapper.builder()
                    .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .build()
                    .readTree(text);
            var request = new RequestReader(pack, Screening.builtIn()).read(body);
            var determination = new EligibilityEngine(pack).determine(request);
            if (json) {
                out.println(DeterminationJson.toJson(UUID.randomUUID().toString(), null, determination)
                        .toPrettyString());
            } else {
                out.print(DeterminationText.render(determination, lang));
            }
            return 0;
        } catch (JacksonException e) {
            err.println("FILE: not valid JSON or YAML: " + e.getOriginalMessage());
            return KaifangCli.INVALID_INPUT;
        } catch (InvalidRequest e) {
            err.println("The request has " + e.problems().size() + " problem(s):");
            e.problems().forEach(p -> err.println("  " + p));
            return KaifangCli.INVALID_INPUT;
        } catch (RulePackRejected e) {
            err.println(e.getMessage());
            return KaifangCli.INVALID_INPUT;
        }
    }
}
