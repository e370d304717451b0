package org.kaifang.screening;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * List data that cannot be read. Says where: the source, the row or line (1-based, counting the header), and the field.
 * An importer reads on past a bad row, so one exception can stand for every problem of a file: {@link #problems()}
 * lists them, this one first, up to {@link #LIMIT}; {@link #count()} says how many there were in all.
 */
public final class ListImportProblem extends RuntimeException {

    /** The most problems one exception lists; a file that is wrong throughout would otherwise list every row. */
    public static final int LIMIT = 100;

    private final String source;
    private final int row;
    private final @Nullable String field;
    private final String problem;
    private final List<ListImportProblem> further;
    private final int count;

    public ListImportProblem(String source, int row, @Nullable String field, String problem) {
        this(source, row, field, problem, List.of(), 1);
    }

    private ListImportProblem(
            String source,
            int row,
            @Nullable String field,
            String problem,
            List<ListImportProblem> further,
            int count) {
        super(where(source, row, field) + ": " + problem
                + (count > 1 ? " (and " + (count - 1) + " more problem" + (count > 2 ? "s" : "") + ")" : ""));
        this.source = source;
        this.row = row;
        this.field = field;
        this.problem = problem;
        this.further = List.copyOf(further);
        this.count = count;
    }

    /**
     * One exception for {@code problems} (at least one), in the order given; {@code count} is how many there were in
     * all, when some were not kept.
     */
    static ListImportProblem of(List<ListImportProblem> problems, int count) {
        var all = new ArrayList<ListImportProblem>();
        problems.forEach(p -> all.addAll(p.problems()));
        var first = all.getFirst();
        var kept = all.subList(1, Math.min(all.size(), LIMIT));
        return new ListImportProblem(
                first.source, first.row, first.field, first.problem, kept, Math.max(count, all.size()));
    }

    /** Collects the problems of a file as an importer reads on; {@link #check()} throws if there were any. */
    static final class Collector {
        private final List<ListImportProblem> problems = new ArrayList<>();
        private int count;

        void add(ListImportProblem problem) {
            for (var p : problem.problems()) {
                count++;
                if (problems.size() < LIMIT) {
                    problems.add(p);
                }
            }
        }

        void check() {
            if (!problems.isEmpty()) {
                throw of(problems, count);
            }
        }
    }

    private static String where(String source, int row, @Nullable String field) {
        return source + (row > 0 ? ", row " + row : "") + (field != null ? ", field '" + field + "'" : "");
    }

    public String source() {
        return source;
    }

    /** The row or line, 1-based; 0 when the problem is with the whole file. */
    public int row() {
        return row;
    }

    public @Nullable String field() {
        return field;
    }

    /** What is wrong, without where. */
    public String problem() {
        return problem;
    }

    /** This problem and every further one found in the same file, in file order, at most {@link #LIMIT}. */
    public List<ListImportProblem> problems() {
        var all = new ArrayList<ListImportProblem>(further.size() + 1);
        all.add(further.isEmpty() ? this : new ListImportProblem(source, row, field, problem));
        all.addAll(further);
        return List.copyOf(all);
    }

    /** How many problems the file had, including any beyond {@link #LIMIT}. */
    public int count() {
        return count;
    }

    /** Where and what, for listing one problem among several. */
    public String describe() {
        return where(source, row, field) + ": " + problem;
    }
}
