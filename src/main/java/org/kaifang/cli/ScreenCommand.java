package org.kaifang.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.kaifang.screening.InvalidScreeningRequest;
import org.kaifang.screening.Outcome;
import org.kaifang.screening.Party;
import org.kaifang.screening.PartyFile;
import org.kaifang.screening.PartyKind;
import org.kaifang.screening.Screening;
import org.kaifang.screening.ScreeningJson;
import org.kaifang.screening.ScreeningReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kaifang screen}: restricted-party screening against the built-in lists, offline. */
@Command(
        name = "screen",
        description = {
            "Screen names against China's restricted-party lists (UEL, export control, counter-measures).",
            "Exit codes: 0 all clear, 1 a match or possible match, 2 invalid input."
        })
final class ScreenCommand implements Callable<Integer> {

    static final int FINDINGS = 1;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Names to screen, in any script.")
    @Nullable
    List<String> names;

    @Option(
            names = "--file",
            paramLabel = "FILE",
            description = "parties.csv: a header with name and optionally kind, jurisdiction.")
    @Nullable
    Path file;

    @Option(names = "--kind", paramLabel = "KIND", description = "COMPANY, PERSON, STATE or FUND, for NAMEs.")
    @Nullable
    PartyKind kind;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Date of the listings' status (default: today).")
    @Nullable
    String asOf;

    @Option(names = "--json", description = "Print the screening contract's JSON (the API response body).")
    boolean json;

    @Option(names = "--lang", defaultValue = "en", description = "zh or en (default: ${DEFAULT-VALUE}).")
    String lang;

    @Override
    public Integer call() {
        if (!lang.equals("zh") && !lang.equals("en")) {
            System.err.println("--lang must be zh or en, not '" + lang + "'");
            return KaifangCli.INVALID_INPUT;
        }
        LocalDate date;
        try {
            date = asOf != null ? LocalDate.parse(asOf) : LocalDate.now(ZoneId.of("Asia/Shanghai"));
        } catch (DateTimeParseException e) {
            System.err.println("--as-of must be a date (YYYY-MM-DD), not '" + asOf + "'");
            return KaifangCli.INVALID_INPUT;
        }
        var parties = new ArrayList<Party>();
        if (names != null) {
            names.forEach(n -> parties.add(new Party(n, kind, null)));
        }
        try {
            if (file != null) {
                parties.addAll(PartyFile.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (NoSuchFileException e) {
            System.err.println("--file: no such file: " + e.getFile());
            return KaifangCli.INVALID_INPUT;
        } catch (IOException e) {
            System.err.println("--file: cannot read: " + e.getMessage());
            return KaifangCli.INVALID_INPUT;
        } catch (InvalidScreeningRequest e) {
            e.problems().forEach(p -> System.err.println(p.pointer() + ": " + p.message()));
            return KaifangCli.INVALID_INPUT;
        }
        if (parties.isEmpty()) {
            System.err.println("Give at least one NAME or --file parties.csv");
            return KaifangCli.INVALID_INPUT;
        }
        if (parties.size() > Screening.BATCH_LIMIT) {
            System.err.println("At most " + Screening.BATCH_LIMIT + " parties at a time, not " + parties.size());
            return KaifangCli.INVALID_INPUT;
        }
        var report = Screening.builtIn().screen(parties, date);
        if (json) {
            System.out.println(ScreeningJson.write(report).toPrettyString());
        } else {
            System.out.print(render(report, lang));
        }
        return report.results().stream().allMatch(r -> r.outcome() == Outcome.CLEAR) ? 0 : FINDINGS;
    }

    static String render(ScreeningReport report, String lang) {
        var zh = lang.equals("zh");
        var out = new StringBuilder();
        var list = report.lists().getFirst();
        out.append(zh ? "名单 " : "Lists ")
                .append(list.id())
                .append(' ')
                .append(list.version())
                .append(zh ? "，日期 " : ", as of ")
                .append(report.asOf())
                .append('\n');
        for (var result : report.results()) {
            out.append(String.format(
                    Locale.ROOT, "%-14s %s%n", result.outcome(), result.party().name()));
            for (var hit : result.hits()) {
                out.append(String.format(
                        Locale.ROOT,
                        "  %.3f  %s%s%n",
                        hit.score(),
                        hit.entry().name(),
                        hit.match().listedName().equals(hit.entry().name())
                                ? ""
                                : " (" + hit.match().listedName() + ")"));
                for (var l : hit.listings()) {
                    out.append("         ")
                            .append(l.listing().list())
                            .append(' ')
                            .append(l.listing().date())
                            .append(' ')
                            .append(l.status())
                            .append(' ')
                            .append(l.listing().measures().stream().sorted().toList())
                            .append('\n');
                }
                out.append("         ")
                        .append(zh ? hit.explanation().zh() : hit.explanation().en())
                        .append('\n');
            }
        }
        return out.toString();
    }
}
