package org.kaifang.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.kaifang.eligibility.EligibilityEngine;
import org.kaifang.eligibility.OpeningTable;
import org.kaifang.rules.RulePackRejected;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kaifang rules …}: validate, test and show rule packs, offline. */
@Command(
        name = "rules",
        description = "Validate, test and show rule packs.",
        subcommands = {RulesCommand.Validate.class, RulesCommand.Test.class, RulesCommand.Show.class})
final class RulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "validate",
            description = {
                "Check a rule pack: structure, dates, citations, changelog and what the engine needs.",
                "Exit codes: 0 valid, 1 defects found, 2 usage."
            })
    static final class Validate implements Callable<Integer> {

        @Parameters(
                paramLabel = "DIR",
                arity = "0..1",
                description = "Pack directory (default: the bundled telecom-vas pack).")
        @Nullable
        Path directory;

        @Override
        public Integer call() {
            try {
                var pack = PackOption.load(directory);
                new EligibilityEngine(pack);
                var examples = PackOption.examples(directory);
                System.out.printf(
                        "OK  %s %s  %s%n    %d instruments, %d services, %d divisions, %d areas, %d parameters, %d messages, %d examples%n",
                        pack.id(),
                        pack.version(),
                        pack.ref().digest(),
                        pack.instruments().size(),
                        pack.catalogue().all().size(),
                        pack.divisions().listed().size(),
                        pack.areas().size(),
                        pack.parameters().size(),
                        pack.messages().size(),
                        examples.cases().size());
                return 0;
            } catch (RulePackRejected e) {
                System.err.println(e.getMessage());
                return 1;
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(
            name = "test",
            description = {
                "Run the pack's example cases against the engine.",
                "Exit codes: 0 all pass, 1 failures, 2 usage."
            })
    static final class Test implements Callable<Integer> {

        @Parameters(
                paramLabel = "DIR",
                arity = "0..1",
                description = "Pack directory (default: the bundled telecom-vas pack).")
        @Nullable
        Path directory;

        @Option(names = "--verbose", description = "List every case, not only failures.")
        boolean verbose;

        @Override
        public Integer call() {
            try {
                var pack = PackOption.load(directory);
                var engine = new EligibilityEngine(pack);
                var results = PackOption.examples(directory).run(engine);
                var failed = 0;
                for (var result : results) {
                    if (!result.passed()) {
                        failed++;
                        System.out.println("FAIL  " + result.example().file() + ": "
                                + result.example().name());
                        result.mismatches().forEach(m -> System.out.println("        " + m));
                    } else if (verbose) {
                        System.out.println("ok    " + result.example().file() + ": "
                                + result.example().name());
                    }
                }
                System.out.printf(
                        "%d examples, %d passed, %d failed (%s %s)%n",
                        results.size(), results.size() - failed, failed, pack.id(), pack.version());
                return failed == 0 ? 0 : 1;
            } catch (RulePackRejected | IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(
            name = "show",
            description = {
                "Show what is open to foreign investment where on a date.",
                "100% = no cap; ≤50% = capped; * = needs an extra approval (e.g. the pilot approval);",
                "? = rests on uncertain law or facts, an officer must judge; — = closed."
            })
    static final class Show implements Callable<Integer> {

        @Option(names = "--as-of", required = true, paramLabel = "DATE", description = "The legal date (YYYY-MM-DD).")
        String asOf;

        @Option(
                names = "--area",
                paramLabel = "ID",
                description = "Show only this area beside the national column, e.g. CN-PILOT-SH.")
        @Nullable
        String area;

        @Option(names = "--lang", defaultValue = "en", description = "zh or en (default: ${DEFAULT-VALUE}).")
        String lang;

        @Option(
                names = "--rules",
                paramLabel = "DIR",
                description = "Use the rule pack in DIR instead of the bundled one.")
        @Nullable
        Path rules;

        @Override
        public Integer call() {
            LocalDate date;
            try {
                date = LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                System.err.println("--as-of must be a date (YYYY-MM-DD), not '" + asOf + "'");
                return KaifangCli.INVALID_INPUT;
            }
            if (!lang.equals("zh") && !lang.equals("en")) {
                System.err.println("--lang must be zh or en, not '" + lang + "'");
                return KaifangCli.INVALID_INPUT;
            }
            var pack = PackOption.load(rules);
            if (date.isBefore(pack.coverageFrom())) {
                System.err.println("--as-of: the rule pack covers dates from " + pack.coverageFrom());
                return KaifangCli.INVALID_INPUT;
            }
            OpeningTable.Table table;
            try {
                table = OpeningTable.compute(new EligibilityEngine(pack), date, area);
            } catch (IllegalArgumentException e) {
                System.err.println("--area: " + e.getMessage());
                return KaifangCli.INVALID_INPUT;
            }
            System.out.print(TableText.render(table, lang, pack.id() + " " + pack.version()));
            return 0;
        }
    }
}
