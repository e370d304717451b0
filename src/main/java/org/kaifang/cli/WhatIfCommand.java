package org.kaifang.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.kaifang.rules.RulePackLoader;
import org.kaifang.rules.RulePackRejected;
import org.kaifang.whatif.WhatIf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kaifang whatif --candidate DIR --as-of DATE}: a policy what-if of a candidate pack against the live one, over
 * every licence holder and pending application in the database, in this process. Prints progress and the summary.
 */
@Command(
        name = "whatif",
        mixinStandardHelpOptions = true,
        description = {
            "Judge every licence holder and pending application under the live rule pack and under the candidate pack"
                    + " in DIR, as of DATE, and print who gains and who loses each service, by service and area. The"
                    + " run is stored: administrators see it on /whatif.",
            "Uses the embedded database under --data unless KAIFANG_DB_URL names a PostgreSQL database; stop a server"
                    + " that uses the embedded database first.",
            "Exit codes: 0 done, 1 the run failed, 2 bad input or a defective candidate (every problem listed), 3 the"
                    + " database could not be opened."
        })
final class WhatIfCommand implements Callable<Integer> {

    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    @Option(names = "--candidate", paramLabel = "DIR", description = "Directory of the candidate rule pack.")
    Path candidate;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The legal date to judge on, YYYY-MM-DD.")
    String asOf;

    @picocli.CommandLine.Mixin
    DataOption data = new DataOption();

    @Override
    public Integer call() {
        var problems = new ArrayList<String>();
        if (candidate == null) {
            problems.add("--candidate: is required: the directory of a candidate rule pack");
        } else if (!Files.isDirectory(candidate)) {
            problems.add("--candidate: " + candidate + " is not a directory");
        }
        LocalDate date = null;
        if (asOf == null) {
            problems.add("--as-of: is required: a date, YYYY-MM-DD");
        } else {
            try {
                date = LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                problems.add("--as-of: must be a date, YYYY-MM-DD, not '" + asOf + "'");
            }
        }
        if (candidate != null && Files.isDirectory(candidate)) {
            // Validated before the database is opened, so that a defective candidate fails fast with every problem.
            try {
                RulePackLoader.fromDirectory(candidate);
            } catch (RulePackRejected e) {
                e.problems().forEach(p -> problems.add("--candidate: " + p));
            }
        }
        if (!problems.isEmpty() || date == null) {
            System.err.println("kaifang whatif: " + problems.size() + " problem(s):");
            problems.forEach(p -> System.err.println("  " + p));
            return BAD_INPUT;
        }
        var day = date;
        try (var context = InProcess.start(data.data)) {
            System.out.println("What-if of " + candidate + " as of " + day + " against the live pack");
            var summary = context.getBean(WhatIf.class).runHere(candidate, day, System.out::println);
            System.out.printf(
                    "%s: run %s, %,d subjects judged (%,d not judged), %,d distinct inputs; %,d services gained,"
                            + " %,d lost%n",
                    summary.status(),
                    summary.run(),
                    summary.subjects(),
                    summary.skipped(),
                    summary.distinctInputs(),
                    summary.gains(),
                    summary.losses());
            summary.groups().forEach(System.out::println);
            return summary.status().equals("DONE") ? 0 : FAILED;
        } catch (RuntimeException e) {
            if (ListsCommand.locked(e)) {
                return InProcess.inUse(data.data, "start the run on /whatif or through the API instead");
            }
            throw e;
        }
    }
}
