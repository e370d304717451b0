package org.kaifang.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Stored, versioned list imports, on every database Kaifang runs on. */
class ListImportsTests {

    static final Instant NOON = Instant.parse("2026-03-01T04:00:00Z");

    static byte[] fixture(String name) {
        try (var in = ListImportsTests.class.getResourceAsStream("/screening/imports/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Database> databases() {
        return Databases.all();
    }

    /** A clock that moves on a minute each time it is read. */
    static final class Ticking extends Clock {
        private Instant now = NOON;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plus(1, ChronoUnit.MINUTES);
            return now;
        }
    }

    final List<Object> events = new ArrayList<>();

    ListImports imports(Database database, long maxBytes) {
        return new ListImports(
                JdbcClient.create(database.dataSource()),
                new DataSourceTransactionManager(database.dataSource()),
                events::add,
                new Ticking(),
                new ScreeningSettings(0.9, 0.8, maxBytes));
    }

    ListImports imports(Database database) {
        return imports(database, 50L * 1024 * 1024);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void storesAnImportAsAVersionWithItsDigest(Database database) {
        var imports = imports(database);
        var csv = fixture("synthetic-cn.csv");

        var done = imports.add(csv, ListFormat.OPENSANCTIONS_CSV, null, "../../etc/synthetic cn.csv");

        assertThat(done).isInstanceOf(ListImport.Added.class);
        var version = done.version();
        assertThat(version.ref().id()).isEqualTo("opensanctions-cn");
        assertThat(version.ref().version()).isEqualTo("2026.03.01-1");
        assertThat(version.ref().digest()).isEqualTo(Digests.sha256(csv)).startsWith("sha256:");
        assertThat(version.fileName()).isEqualTo("synthetic cn.csv");
        assertThat(version.entries()).isEqualTo(3);
        assertThat(version.format()).isEqualTo(ListFormat.OPENSANCTIONS_CSV);
        assertThat(imports.versions()).singleElement().satisfies(v -> {
            assertThat(v.ref()).isEqualTo(version.ref());
            assertThat(v.entries()).isEqualTo(3);
            assertThat(v.fileName()).isEqualTo("synthetic cn.csv");
        });
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        ListImported.class, e -> assertThat(e.list().ref()).isEqualTo(version.ref()));
        var current = imports.current();
        assertThat(current).singleElement().satisfies(c -> {
            assertThat(c.list().ref()).isEqualTo(version.ref());
            assertThat(c.list().entries()).hasSize(3);
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void importingTheSameBytesAgainStoresNothingNew(Database database) {
        var imports = imports(database);
        var csv = fixture("synthetic-cn.csv");
        var first = imports.add(csv, ListFormat.OPENSANCTIONS_CSV, null, "a.csv");

        var again = imports.add(csv, ListFormat.OPENSANCTIONS_CSV, null, "renamed.csv");

        assertThat(again).isInstanceOf(ListImport.Unchanged.class);
        assertThat(again.version().ref()).isEqualTo(first.version().ref());
        assertThat(again.version().fileName()).isEqualTo("a.csv");
        assertThat(imports.versions()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aNewFileIsTheNextVersionAndReimportingAnOlderOneRestoresIt(Database database) {
        var imports = imports(database);
        var first = imports.add(fixture("synthetic-cn.csv"), ListFormat.OPENSANCTIONS_CSV, null, "a.csv");
        var changed = (new String(fixture("synthetic-cn.csv"), java.nio.charset.StandardCharsets.UTF_8)
                        + "Company,,Another Synthetic Co,,,US,sanction.counter,,,,UEL,04.03.2025,,https://example.test/x\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        var second = imports.add(changed, ListFormat.OPENSANCTIONS_CSV, null, "b.csv");

        assertThat(second.version().ref().version()).isEqualTo("2026.03.01-2");
        assertThat(imports.current())
                .singleElement()
                .satisfies(c ->
                        assertThat(c.version().ref()).isEqualTo(second.version().ref()));

        imports.add(fixture("synthetic-cn.csv"), ListFormat.OPENSANCTIONS_CSV, null, "a.csv");

        assertThat(imports.versions()).hasSize(2);
        assertThat(imports.current())
                .singleElement()
                .satisfies(c ->
                        assertThat(c.version().ref()).isEqualTo(first.version().ref()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void listsAreKeptApartByTheirIds(Database database) {
        var imports = imports(database);
        imports.add(fixture("synthetic-cn.csv"), ListFormat.OPENSANCTIONS_CSV, null, "a.csv");
        imports.add(fixture("synthetic-cn.csv"), ListFormat.OPENSANCTIONS_CSV, "mirror", "a.csv");
        imports.add(fixture("synthetic.ftm.json"), ListFormat.FTM, null, "s.ftm.json");

        assertThat(imports.current())
                .extracting(c -> c.version().ref().id())
                .containsExactly("ftm", "mirror", "opensanctions-cn");
        assertThat(imports.versions()).extracting(v -> v.ref().version()).containsOnly("2026.03.01-1");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBadFileListsEveryProblemWithRowAndFieldAndStoresNothing(Database database) {
        var imports = imports(database);

        assertThatThrownBy(() -> imports.add(fixture("synthetic-bad.csv"), ListFormat.OPENSANCTIONS_CSV, null, "b.csv"))
                .isInstanceOfSatisfying(ListImportProblem.class, e -> {
                    assertThat(e.count()).isEqualTo(3);
                    assertThat(e.problems()).extracting(ListImportProblem::row).containsExactly(3, 4, 5);
                    assertThat(e.problems())
                            .extracting(ListImportProblem::field)
                            .containsExactly("Type", "Date", "Name");
                    assertThat(e.problems().get(1).describe())
                            .isEqualTo("b.csv, row 4, field 'Date': '31.02.2023' is not a date");
                    assertThat(e.getMessage()).endsWith("(and 2 more problems)");
                });
        assertThat(imports.versions()).isEmpty();
        assertThat(events).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void refusesAFileLargerThanTheLimit(Database database) {
        var imports = imports(database, 100);

        assertThatThrownBy(() -> imports.add(fixture("synthetic-cn.csv"), ListFormat.OPENSANCTIONS_CSV, null, "a.csv"))
                .isInstanceOfSatisfying(ImportTooLarge.class, e -> {
                    assertThat(e.limit()).isEqualTo(100);
                    assertThat(e.getMessage()).contains("kaifang.screening.max-import-bytes");
                });
        assertThat(imports.versions()).isEmpty();
    }

    @Test
    void refusesAListIdThatIsNotOneAndTheBuiltInListsId() {
        var imports = imports(Databases.h2());
        var csv = fixture("synthetic-cn.csv");

        assertThatThrownBy(() -> imports.add(csv, ListFormat.OPENSANCTIONS_CSV, "../x", "a.csv"))
                .isInstanceOfSatisfying(
                        ListImportProblem.class, e -> assertThat(e.field()).isEqualTo("list-id"));
        assertThatThrownBy(() -> imports.add(csv, ListFormat.OPENSANCTIONS_CSV, "kaifang-cn", "a.csv"))
                .hasMessageContaining("built-in");
    }

    @Test
    void sanitisesFileNames() {
        assertThat(ListImports.sanitise(null)).isEqualTo("upload");
        assertThat(ListImports.sanitise("C:\\lists\\..\\cn.csv")).isEqualTo("cn.csv");
        assertThat(ListImports.sanitise("../../.hidden<script>.csv")).isEqualTo("hiddenscript.csv");
        assertThat(ListImports.sanitise("名单 2025.csv")).isEqualTo("名单 2025.csv");
        assertThat(ListImports.sanitise("/")).isEqualTo("upload");
        assertThat(ListImports.sanitise("a".repeat(300))).hasSize(100);
    }
}
