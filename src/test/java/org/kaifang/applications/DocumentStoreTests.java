package org.kaifang.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;
import org.kaifang.testing.SampleFiles;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Document metadata and database-kept contents, on H2 and PostgreSQL (migration V7 on both). */
class DocumentStoreTests {

    private static final Instant AT = Instant.parse("2025-03-03T02:00:00.123456Z");

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    private static ApplicationDocument document(ApplicationId application, String kind, int version, byte[] content) {
        return new ApplicationDocument(
                DocumentId.random(),
                application,
                kind,
                version,
                DocumentFormat.PDF,
                content.length,
                Documents.sha256(content),
                "章程 v" + version + ".pdf",
                "u-a",
                "applicant.a",
                AT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keepsEveryVersionAndItsContent(Database database) {
        var jdbc = JdbcClient.create(database.dataSource());
        var store = new DocumentStore(jdbc);
        var contents = new DatabaseContents(jdbc);
        var application = ApplicationId.random();
        var large = SampleFiles.concat(new byte[3 * 1024 * 1024], SampleFiles.pdf());
        var first = document(application, "ARTICLES", 1, SampleFiles.pdf());
        var second = document(application, "ARTICLES", 2, large);

        store.insert(second);
        store.insert(first);
        contents.write(first.id(), SampleFiles.pdf());
        contents.write(second.id(), large);

        assertThat(store.of(application)).containsExactly(first, second);
        assertThat(contents.read(second.id())).isEqualTo(large);
        assertThat(store.find(application, first.id())).contains(first);
        assertThat(store.find(ApplicationId.random(), first.id())).isEmpty();
        store.lock(application);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aVersionIsStoredOnce(Database database) {
        var store = new DocumentStore(JdbcClient.create(database.dataSource()));
        var application = ApplicationId.random();
        store.insert(document(application, "ARTICLES", 1, SampleFiles.png()));

        assertThatThrownBy(() -> store.insert(document(application, "ARTICLES", 1, SampleFiles.jpeg())))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDeletedDocumentIsGone(Database database) {
        var jdbc = JdbcClient.create(database.dataSource());
        var store = new DocumentStore(jdbc);
        var contents = new DatabaseContents(jdbc);
        var application = ApplicationId.random();
        var d = document(application, "BUSINESS_LICENCE", 1, SampleFiles.png());
        store.insert(d);
        contents.write(d.id(), SampleFiles.png());

        store.delete(d.id());
        contents.delete(d.id());

        assertThat(store.of(application)).isEmpty();
        assertThatThrownBy(() -> contents.read(d.id())).isInstanceOf(IllegalStateException.class);
    }
}
