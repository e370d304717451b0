package org.kaifang.licensing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.kaifang.testing.Databases.Database;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Licences to record, and the licensing module wired by hand on a test database. */
final class LicenceFixtures {

    static final Instant AT = Instant.parse("2025-03-03T02:00:00Z");

    private LicenceFixtures() {}

    static ExistingLicence existing(String number, String holder) {
        return new ExistingLicence(
                LicenceKind.LICENCE,
                number,
                holder,
                null,
                null,
                "张三",
                new BigDecimal("10000000.00"),
                "MIIT",
                number.startsWith("合字"),
                false,
                null,
                List.of(
                        new LicensedService("B21", null, List.of("CN")),
                        new LicensedService("B25", null, List.of("CN"))),
                LocalDate.of(2022, 5, 10),
                LocalDate.of(2022, 5, 10),
                LocalDate.of(2027, 5, 9),
                LicenceStatus.NORMAL,
                List.of(),
                null,
                true,
                null);
    }

    /** A module on a database: its API, its parts, and the events it published. */
    record Module(
            Licences licences, LicenceStore store, NumberCounters counters, List<Object> events, JdbcClient jdbc) {}

    static Module module(Database database, Clock clock) {
        var template = new JdbcTemplate(database.dataSource());
        var jdbc = JdbcClient.create(template);
        var transactions = new DataSourceTransactionManager(database.dataSource());
        var events = new ArrayList<Object>();
        ApplicationEventPublisher publisher = events::add;
        var store = new LicenceStore(template);
        var counters = new NumberCounters(jdbc, transactions);
        var licences = new Licences(store, counters, publisher, clock, transactions);
        return new Module(licences, store, counters, events, jdbc);
    }

    static Module module(Database database) {
        return module(database, Clock.fixed(AT, ZoneOffset.UTC));
    }
}
