package org.kaifang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.rules.RulePackLoader;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The determination store, on H2, on a real PostgreSQL started by the test, and on the machine's own if configured. */
class DeterminationsTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T08:00:00.123456Z"), ZoneOffset.UTC);
    private static final EligibilityEngine ENGINE =
            new EligibilityEngine(RulePackLoader.fromDirectory(Path.of("rules/telecom-vas")));

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storesADeterminationAndReturnsItUnchanged(Database database) {
        var store = new Determinations(JdbcClient.create(database.dataSource()), database.dataSource());
        var determination = ENGINE.determine(SampleRequests.pilotCloudInPudong());
        var id = DeterminationIds.next(CLOCK);
        var json = DeterminationJson.write(id.toString(), CLOCK.instant().toString(), determination);

        store.add(new StoredDetermination(id, CLOCK.instant(), json), determination, "{\"asOf\":\"2025-03-01\"}");

        var found = store.find(id).orElseThrow();
        assertThat(found.json()).isEqualTo(json);
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.createdAt()).isEqualTo(CLOCK.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(found.json())
                        .get("overall")
                        .asString())
                .isEqualTo(determination.overall().name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findsNothingForAnUnknownId(Database database) {
        var store = new Determinations(JdbcClient.create(database.dataSource()), database.dataSource());
        assertThat(store.find(UUID.randomUUID())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void neverOverwritesAStoredDetermination(Database database) {
        var store = new Determinations(JdbcClient.create(database.dataSource()), database.dataSource());
        var determination = ENGINE.determine(SampleRequests.pilotCloudInPudong());
        var id = DeterminationIds.next(CLOCK);
        store.add(new StoredDetermination(id, CLOCK.instant(), "{\"first\":true}"), determination, "{}");

        var second = new StoredDetermination(id, CLOCK.instant(), "{\"second\":true}");
        assertThatThrownBy(() -> store.add(second, determination, "{}")).isInstanceOf(DataAccessException.class);

        assertThat(store.find(id).orElseThrow().json()).isEqualTo("{\"first\":true}");
        assertThat(store.count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keepsLargeDeterminationsWhole(Database database) {
        var store = new Determinations(JdbcClient.create(database.dataSource()), database.dataSource());
        var determination = ENGINE.determine(SampleRequests.everyValueAddedService());
        var id = DeterminationIds.next(CLOCK);
        var json = DeterminationJson.write(id.toString(), null, determination);
        store.add(new StoredDetermination(id, CLOCK.instant(), json), determination, "{}");

        assertThat(json.length()).isGreaterThan(50_000);
        assertThat(store.find(id).orElseThrow().json()).isEqualTo(json);
    }
}
