package org.kaifang.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.kaifang.ownership.AnalysisJson;
import org.kaifang.ownership.CsvStructures;
import org.kaifang.ownership.InvalidStructure;
import org.kaifang.ownership.OwnershipAnalyses;
import org.kaifang.ownership.OwnershipAnalysis;
import org.kaifang.ownership.StructureReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code kaifang ownership analyse}: look-through foreign equity and control of a structure, offline. */
@Command(
        name = "ownership",
        description = "Analyse shareholding structures.",
        subcommands = OwnershipCommand.Analyse.class)
final class OwnershipCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "analyse",
            description = {
                "Analyse a structure: FILE is JSON or YAML (the ownership contract; - reads stdin),",
                "or parties.csv and holdings.csv [control.csv].",
                "Exit codes: 0 analysed, 2 invalid input (every problem listed)."
            })
    static final class Analyse implements Callable<Integer> {

        @Parameters(
                paramLabel = "FILE",
                arity = "1..3",
                description = "structure.json|yaml, or parties.csv holdings.csv [control.csv]")
        List<String> files;

        @Option(names = "--json", description = "Print the analysis as JSON (the API response body).")
        boolean json;

        @Option(names = "--lang", defaultValue = "en", description = "zh or en (default: ${DEFAULT-VALUE}).")
        String lang;

        @Option(
                names = "--as-of",
                paramLabel = "DATE",
                description = "Legal date for who counts as foreign (default: today).")
        @Nullable
        String asOf;

        @Option(
                names = "--rules",
                paramLabel = "DIR",
                description = "Use the rule pack in DIR instead of the bundled one.")
        @Nullable
        Path rules;

        @Override
        public Integer call() {
            if (!lang.equals("zh") && !lang.equals("en")) {
                System.err.println("--lang must be zh or en, not '" + lang + "'");
                return KaifangCli.INVALID_INPUT;
            }
            try {
                var csv = files.getFirst().toLowerCase().endsWith(".csv");
                if (csv && files.size() < 2) {
                    System.err.println("FILE: give parties.csv and holdings.csv (and optionally control.csv)");
                    return KaifangCli.INVALID_INPUT;
                }
                if (!csv && files.size() > 1) {
                    System.err.println("FILE: give one JSON or YAML file, or CSV files");
                    return KaifangCli.INVALID_INPUT;
                }
                var node = csv
                        ? CsvStructures.read(
                                read(files.get(0)), read(files.get(1)), files.size() > 2 ? read(files.get(2)) : null)
                        : YAMLMapper.builder()
                                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                                .build()
                                .readTree(read(files.getFirst()));
                var pack = PackOption.load(rules);
                var date = asOf != null ? LocalDate.parse(asOf) : LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
                if (node != null && node.isObject() && node.has("asOf") && asOf == null) {
                    date = LocalDate.parse(node.get("asOf").asString());
                }
                var structure = StructureReader.read(node, "", true);
                var analysis = OwnershipAnalyses.analyser(pack, date).analyse(structure);
                if (json) {
                    System.out.println(AnalysisJson.toJson(analysis).toPrettyString());
                } else {
                    System.out.print(render(analysis, lang));
                }
                return 0;
            } catch (NoSuchFileException e) {
                System.err.println("FILE: no such file: " + e.getFile());
            } catch (IOException e) {
                System.err.println("FILE: cannot read: " + e.getMessage());
            } catch (JacksonException e) {
                System.err.println("FILE: not valid JSON or YAML: " + e.getOriginalMessage());
            } catch (CsvStructures.Malformed e) {
                System.err.println(e.getMessage());
            } catch (DateTimeParseException e) {
                System.err.println("asOf: must be a date (YYYY-MM-DD)");
            } catch (InvalidStructure e) {
                System.err.println("The structure has " + e.problems().size() + " problem(s):");
                e.problems()
                        .forEach(p -> System.err.println(
                                "  " + (p.pointer().isEmpty() ? "(structure)" : p.pointer()) + ": " + p.message()));
            }
            return KaifangCli.INVALID_INPUT;
        }

        private static String read(String file) throws IOException {
            return file.equals("-")
                    ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file));
        }

        static String render(OwnershipAnalysis a, String lang) {
            var zh = lang.equals("zh");
            var e = a.foreignEquity();
            var out = new StringBuilder();
            out.append(zh ? "直接外资股比：" : "Direct foreign equity:      ")
                    .append(range(e.direct(), e.directRange()))
                    .append('\n');
            out.append(zh ? "穿透外资股比：" : "Look-through foreign equity: ")
                    .append(range(e.lookThrough(), e.lookThroughRange()))
                    .append('\n');
            out.append(zh ? "外方控制：" : "Foreign-controlled: ")
                    .append(a.foreignControlled() ? (zh ? "是" : "yes") : (zh ? "否" : "no"))
                    .append("\n\n");
            out.append(zh ? "实际控制人\n" : "Ultimate controllers\n");
            if (a.controllers().isEmpty()) {
                out.append(zh ? "  （无：无人持有多数表决权或申报控制）\n" : "  (none: no majority of votes or declared control)\n");
            }
            a.controllers()
                    .forEach(c -> out.append("  ")
                            .append(c.party())
                            .append(c.foreign() ? (zh ? "（境外）" : " (foreign)") : "")
                            .append(" — ")
                            .append(c.reason().in(lang))
                            .append('\n'));
            out.append(zh ? "\n最终权益人\n" : "\nUltimate owners\n");
            a.effective()
                    .forEach(o -> out.append(String.format(
                            "  %9.4f%%  %s%s%n",
                            o.percent(), o.party(), o.foreign() ? (zh ? "（境外）" : " (foreign)") : "")));
            out.append(zh ? "\n主要持股链\n" : "\nLargest chains\n");
            a.paths().forEach(p -> out.append("  ").append(p.text()).append('\n'));
            return out.toString();
        }

        private static String range(double value, OwnershipAnalysis.Range range) {
            return range.low() == range.high() ? value + "%" : value + "% (" + range.low() + "–" + range.high() + "%)";
        }
    }
}
