package org.kaifang.register;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * On PostgreSQL, the indexes that make partial-name search fast, in {@code register.licence_search}: a GIN index of
 * every name's grams, its characters and pairs of adjacent characters ({@link NameGrams}), computed from the token key
 * ({@link NameKey}) by the function {@code register.name_grams}; and a pg_trgm GIN index of English names. They are not
 * in the migrations because H2 has neither, and creating the pg_trgm extension may need rights the application's user
 * lacks; without them the search gives the same results, by scanning. Created at start-up, before anything is served
 * (on an existing database a no-op: {@code if not exists}). The token keys themselves are written by V20 and with every
 * row since.
 */
final class RegisterIndexes {

    private static final Logger log = LoggerFactory.getLogger(RegisterIndexes.class);

    private RegisterIndexes() {}

    /**
     * Creates the indexes where the database can have them; returns whether the grams index is there (PostgreSQL),
     * so that searches may look names up in it.
     */
    static boolean ensure(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return false;
            }
            // Nodes starting at once on one database would race to create the same function and indexes ("if not
            // exists" does not guard against a create running at the same moment): one node at a time, under a
            // session advisory lock on this one connection.
            var jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            jdbc.sql("select pg_advisory_lock(" + LOCK + ")").query().listOfRows();
            try {
                return create(jdbc);
            } finally {
                jdbc.sql("select pg_advisory_unlock(" + LOCK + ")").query().listOfRows();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the register's database", e);
        }
    }

    /** The advisory lock's key: "KFREGIDX". */
    private static final long LOCK = 0x4b46_5245_4749_4458L;

    private static boolean create(JdbcClient jdbc) {
        // The holder index with what a search filters on and returns: a search that many licences match (one common
        // character) walks it in holder order without reading the table (an index-only scan). H2 has no INCLUDE. The
        // columns are bounded within a btree row (2,704 bytes): holder 300 characters, its token key 1,200 ASCII
        // letters and digits, services and areas a few catalogue and province codes. The English name is left out:
        // with it, the bound would not hold.
        jdbc.sql("create index if not exists licence_search_walk on register.licence_search (holder, id)"
                        + " include (name_tok, status, foreign_invested, pilot, services, areas)")
                .update();
        // Immutable, and only built-in functions of pg_catalog, which no search_path hides: an index may use it. Its
        // grams are NameGrams.grams's. Created once (two nodes starting at once would
        // otherwise replace it under each other); a change to it needs a new name, or the index would keep the old
        // grams.
        var defined = jdbc.sql("select to_regprocedure('register.name_grams(text)') is not null")
                .query(Boolean.class)
                .single();
        if (!defined) {
            jdbc.sql("""
                        create or replace function register.name_grams(tok text) returns text[]
                        language sql immutable strict parallel safe as $$
                          select array(select substr(tok, i, 4) from generate_series(1, length(tok) - 3, 4) i
                                       union all
                                       select substr(tok, i, 8) from generate_series(1, length(tok) - 7, 4) i)
                        $$""").update();
        }
        var fresh = jdbc.sql("select to_regclass('register.licence_search_grams') is null")
                .query(Boolean.class)
                .single();
        if (fresh) {
            log.info("Building the register's name index (once: about 40 s per million licences) …");
        }
        jdbc.sql("create index if not exists licence_search_grams on register.licence_search"
                        + " using gin (register.name_grams(name_tok))")
                .update();
        if (fresh) {
            // The planner's statistics of the indexed expression (how common each gram is) come from analyze; until
            // autovacuum's next one it would guess.
            jdbc.sql("analyze register.licence_search").update();
        }
        // Until this version, a pg_trgm index of the token key: the grams index does its work, better.
        jdbc.sql("drop index if exists register.licence_search_tok_trgm").update();
        try {
            jdbc.sql("create extension if not exists pg_trgm").update();
        } catch (RuntimeException e) {
            log.warn(
                    "pg_trgm is not available ({}); search by English name in the register will scan instead of"
                            + " using an index. Run 'create extension pg_trgm' as a superuser to fix this.",
                    e.getMessage());
            return true;
        }
        jdbc.sql("create index if not exists licence_search_en_trgm on register.licence_search"
                        + " using gin (name_key_en gin_trgm_ops)")
                .update();
        return true;
    }
}
