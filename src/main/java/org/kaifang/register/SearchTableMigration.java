package org.kaifang.register;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Flyway's V20 ({@code db.migration.V20__register_search_table}): moves what search filters and sorts on out of
 * {@code register.licence}, whose every row carries the whole view as JSON, into the narrow
 * {@code register.licence_search} (docs/register.md, "Search"). With the JSON inline, the matches of a search were
 * spread over a large heap and reading them dominated its time; the search table is about a tenth of the size, and
 * {@code register.licence} is read only for the page shown, by id.
 *
 * <p>Every row's token key is computed here, in Java, once ({@link NameKey#tokens}, in its V20 form, which needs no
 * second key to check). This replaces the fill-in of missing token keys that {@code RegisterIndexes} ran at every
 * start-up (a count over the whole table). Plain SQL that H2 and PostgreSQL both run.
 */
public final class SearchTableMigration {

    private static final int BATCH = 5_000;

    private SearchTableMigration() {}

    /** Runs V20 on {@code connection}, in Flyway's transaction. */
    public static void migrate(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("""
                    create table register.licence_search (
                        id               varchar(64) primary key references register.licence (id) on delete cascade,
                        holder           varchar(300) not null,
                        name_tok         varchar(1200) not null,
                        name_key_en      varchar(300),
                        status           varchar(16) not null,
                        foreign_invested boolean not null,
                        pilot            boolean not null,
                        services         varchar(2000) not null,
                        areas            varchar(2000) not null
                    )""");
        }
        var after = "";
        while (true) {
            var rows = new ArrayList<Object[]>();
            try (var select = connection.prepareStatement("select id, holder, holder_en, status, foreign_invested,"
                    + " pilot from register.licence where id > ? order by id limit " + BATCH)) {
                select.setString(1, after);
                try (var rs = select.executeQuery()) {
                    while (rs.next()) {
                        var holderEn = rs.getString(3);
                        rows.add(new Object[] {
                            rs.getString(1),
                            rs.getString(2),
                            NameKey.tokens(rs.getString(2)),
                            holderEn == null ? null : NameKey.english(holderEn),
                            rs.getString(4),
                            rs.getBoolean(5),
                            rs.getBoolean(6)
                        });
                    }
                }
            }
            if (rows.isEmpty()) {
                break;
            }
            var first = (String) rows.getFirst()[0];
            var last = (String) rows.getLast()[0];
            var services = codes(connection, "select licence_id, code from register.licence_service", first, last);
            var areas = codes(connection, "select licence_id, area from register.licence_area", first, last);
            try (var insert = connection.prepareStatement("insert into register.licence_search (id, holder, name_tok,"
                    + " name_key_en, status, foreign_invested, pilot, services, areas)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (var row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.setString(8, Register.joined(services.getOrDefault((String) row[0], List.of())));
                    insert.setString(9, Register.joined(areas.getOrDefault((String) row[0], List.of())));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            after = last;
        }
        try (var statement = connection.createStatement()) {
            for (var sql : List.of(
                    "create index licence_search_holder on register.licence_search (holder, id)",
                    // In holder order within a status or flag, with what a search returns after the order's columns,
                    // so that a search by them reads only the index on PostgreSQL (an index-only scan; H2 has no
                    // INCLUDE). Services and areas are short: catalogue codes and province codes, each at most once.
                    "create index licence_search_status on register.licence_search"
                            + " (status, holder, id, foreign_invested, pilot, services, areas)",
                    "create index licence_search_pilot on register.licence_search"
                            + " (pilot, holder, id, status, foreign_invested, services, areas)",
                    "create index licence_search_foreign on register.licence_search"
                            + " (foreign_invested, holder, id, status, pilot, services, areas)",
                    // Search reads these from licence_search now; on PostgreSQL the trigram indexes of the dropped
                    // columns go with them, and RegisterIndexes creates them on licence_search.
                    "drop index if exists register.licence_holder",
                    "drop index if exists register.licence_status",
                    "alter table register.licence drop column name_key",
                    "alter table register.licence drop column name_tok",
                    "alter table register.licence drop column name_key_en")) {
                statement.execute(sql);
            }
        }
    }

    /** Each licence's values from {@code select} (licence id, value) for the licences from {@code first} to {@code last}. */
    private static Map<String, List<String>> codes(Connection connection, String select, String first, String last)
            throws SQLException {
        var codes = new HashMap<String, TreeSet<String>>();
        try (var statement = connection.prepareStatement(select + " where licence_id >= ? and licence_id <= ?")) {
            statement.setString(1, first);
            statement.setString(2, last);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    codes.computeIfAbsent(rs.getString(1), id -> new TreeSet<>())
                            .add(rs.getString(2));
                }
            }
        }
        var lists = new HashMap<String, List<String>>();
        codes.forEach((id, values) -> lists.put(id, List.copyOf(values)));
        return lists;
    }
}
