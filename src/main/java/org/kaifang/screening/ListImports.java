package org.kaifang.screening;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports list files into the database as versions, and reads them back. A file is parsed first, in full, by the
 * importer of its format; only a file without problems is stored, in one transaction, with its content, so that the
 * lists can be loaded again at start-up. Each version is named {@code YYYY.MM.DD-N}: the import's date in Beijing and
 * its number that day for the list. Importing bytes that the list already holds stores nothing: it returns the
 * earlier version and makes it the current one again, so an earlier file can be restored by importing it again.
 * Once committed, {@link ListImported} is published and {@link ScreeningLists} screens against the new version.
 */
@Component
public class ListImports {

    /** The most warnings stored with a version; the count of them all is stored too. */
    public static final int WARNINGS_KEPT = 200;

    private static final Pattern LIST_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu.MM.dd");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxBytes;
    private final ReentrantLock writes = new ReentrantLock();

    ListImports(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock,
            ScreeningSettings settings) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
        this.maxBytes = settings.maxImportBytes();
    }

    /** The largest file {@link #add} accepts, in bytes ({@code kaifang.screening.max-import-bytes}). */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Parses {@code content} as {@code format} and stores it as a new version of {@code listId} (the format's default
     * list when null), unless the list already holds the same bytes.
     *
     * @param fileName the name the file came with, for the record only: sanitised, never used as a path
     * @throws ImportTooLarge when the file is larger than {@link #maxBytes()}
     * @throws ListImportProblem listing every problem found (row and field), when the file cannot be read or the list
     *     id is not valid; nothing is stored then
     */
    public ListImport add(byte[] content, ListFormat format, @Nullable String listId, @Nullable String fileName) {
        if (content.length > maxBytes) {
            throw new ImportTooLarge(content.length, maxBytes);
        }
        var name = sanitise(fileName);
        var id = listId == null || listId.isBlank() ? format.defaultListId() : listId.strip();
        if (!LIST_ID.matcher(id).matches()) {
            throw new ListImportProblem(
                    name, 0, "list-id", "'" + id + "' is not a list id: lower-case letters, digits, '.', '_', '-'");
        }
        if (id.equals(BuiltInLists.load().ref().id())) {
            throw new ListImportProblem(name, 0, "list-id", "'" + id + "' is the built-in list's id");
        }
        if (content.length == 0) {
            throw new ListImportProblem(name, 0, null, "empty file");
        }
        var digest = Digests.sha256(content);
        var imported = format.read(name, content);
        writes.lock();
        try {
            var result = transactions.execute(status -> store(id, digest, format, name, content, imported));
            if (result == null) {
                throw new IllegalStateException("The import transaction returned nothing");
            }
            var version = result.version();
            events.publishEvent(new ListImported(withRef(imported.list(), version.ref()), version));
            return result;
        } finally {
            writes.unlock();
        }
    }

    private ListImport store(
            String listId, String digest, ListFormat format, String fileName, byte[] content, ImportedList imported) {
        var now = clock.instant();
        var existing = find(listId, digest);
        if (existing.isPresent()) {
            jdbc.sql("update screening.list_import set current_since = :now where list_id = :list and digest = :digest")
                    .param("now", Timestamp.from(now))
                    .param("list", listId)
                    .param("digest", digest)
                    .update();
            var before = existing.get();
            return new ListImport.Unchanged(new ListVersion(
                    before.ref(),
                    before.format(),
                    before.fileName(),
                    before.entries(),
                    before.warnings(),
                    before.warningCount(),
                    before.importedAt(),
                    now));
        }
        var day = DAY.format(LocalDate.ofInstant(now, BEIJING));
        var sameDay = jdbc.sql("select count(*) from screening.list_import where list_id = :list and version like :day")
                .param("list", listId)
                .param("day", day + "-%")
                .query(Integer.class)
                .single();
        var ref = new ListRef(listId, day + "-" + (sameDay + 1), digest);
        var warnings = imported.warnings();
        var kept = warnings.size() > WARNINGS_KEPT ? warnings.subList(0, WARNINGS_KEPT) : warnings;
        jdbc.sql("""
                        insert into screening.list_import
                          (id, list_id, version, digest, format, file_name, entries, warning_count, warnings,
                           imported_at, current_since, content)
                        values (:id, :list, :version, :digest, :format, :fileName, :entries, :warningCount, :warnings,
                                :at, :at, :content)
                        """)
                .param("id", UUID.randomUUID())
                .param("list", listId)
                .param("version", ref.version())
                .param("digest", digest)
                .param("format", format.id())
                .param("fileName", fileName)
                .param("entries", imported.list().entries().size())
                .param("warningCount", warnings.size())
                .param("warnings", String.join("\n", kept))
                .param("at", Timestamp.from(now))
                .param("content", content)
                .update();
        return new ListImport.Added(new ListVersion(
                ref, format, fileName, imported.list().entries().size(), kept, warnings.size(), now, now));
    }

    /** Every stored version, by list id, the newest import first; without content. */
    public List<ListVersion> versions() {
        return jdbc.sql("""
                        select list_id, version, digest, format, file_name, entries, warning_count, warnings,
                               imported_at, current_since
                        from screening.list_import
                        order by list_id, imported_at desc, version desc
                        """).query((rs, n) -> version(rs)).list();
    }

    /** The current version of each imported list id, read and parsed again from its stored content. */
    List<ListImported> current() {
        var ids = jdbc.sql("select distinct list_id from screening.list_import order by list_id")
                .query(String.class)
                .list();
        var lists = new ArrayList<ListImported>();
        for (var id : ids) {
            var row = jdbc.sql("""
                            select list_id, version, digest, format, file_name, entries, warning_count, warnings,
                                   imported_at, current_since, content
                            from screening.list_import where list_id = :list
                            order by current_since desc, imported_at desc, version desc
                            """)
                    .param("list", id)
                    .query((rs, n) -> new Object[] {version(rs), rs.getBytes("content")})
                    .list()
                    .getFirst();
            var version = (ListVersion) row[0];
            var content = (byte[]) row[1];
            if (!Digests.sha256(content).equals(version.ref().digest())) {
                throw new IllegalStateException(
                        "Stored list " + id + " " + version.ref().version() + " does not match its digest "
                                + version.ref().digest());
            }
            var imported = version.format().read(version.fileName(), content);
            lists.add(new ListImported(withRef(imported.list(), version.ref()), version));
        }
        return lists;
    }

    private Optional<ListVersion> find(String listId, String digest) {
        return jdbc.sql("""
                        select list_id, version, digest, format, file_name, entries, warning_count, warnings,
                               imported_at, current_since
                        from screening.list_import where list_id = :list and digest = :digest
                        """)
                .param("list", listId)
                .param("digest", digest)
                .query((rs, n) -> version(rs))
                .optional();
    }

    private static ListVersion version(java.sql.ResultSet rs) throws java.sql.SQLException {
        var warnings = rs.getString("warnings");
        return new ListVersion(
                new ListRef(rs.getString("list_id"), rs.getString("version"), rs.getString("digest")),
                ListFormat.named(rs.getString("format")).orElseThrow(),
                rs.getString("file_name"),
                rs.getInt("entries"),
                warnings.isEmpty() ? List.of() : Arrays.asList(warnings.split("\n")),
                rs.getInt("warning_count"),
                instant(rs.getTimestamp("imported_at")),
                instant(rs.getTimestamp("current_since")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    static RestrictedPartyList withRef(RestrictedPartyList list, ListRef ref) {
        return new RestrictedPartyList(ref, list.entries());
    }

    /**
     * The file's own name, without any directory, with only letters, digits, spaces and {@code . _ -} kept, at most
     * 100 characters; {@code upload} when nothing is left. It is recorded and shown, never used as a path.
     */
    static String sanitise(@Nullable String fileName) {
        if (fileName == null) {
            return "upload";
        }
        var name = Normalizer.normalize(fileName, Normalizer.Form.NFKC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        var out = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') {
                out.appendCodePoint(c);
            } else if (c == ' ' && !out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        });
        var clean = out.toString().strip().replaceAll("^[.]+", "");
        if (clean.codePointCount(0, clean.length()) > 100) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, 100));
        }
        return clean.isEmpty() ? "upload" : clean;
    }
}
