package org.kaifang.register;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the trigram indexes that make partial-name search fast: GIN indexes with pg_trgm on the token key of
 * names and on English names in {@code register.licence_search} ({@link NameKey}). They are not in the migration because
 * H2 has no pg_trgm and creating an extension may need rights the application's user lacks; without them the search
 * gives the same results, by scanning. Created once, at start-up, before anything is served (on an existing database a
 * no-op: {@code if not exists}). The token keys themselves are written by V20 and with every row since.
 */
@Component
class RegisterIndexes {

    private static final Logger log = LoggerFactory.getLogger(RegisterIndexes.class);

    RegisterIndexes(DataSource dataSource) {
        ensure(dataSource);
    }

    /** Creates the indexes where the database can have them; returns whether they are there. */
    static boolean ensure(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database the register is in", e);
        }
        var jdbc = JdbcClient.create(dataSource);
        // The holder index with what a search filters on and returns: a search that many licences match (one common
        // character) walks it in holder order without reading the table (an index-only scan). H2 has no INCLUDE. The
        // columns are bounded within a btree row (2,704 bytes): holder 300 characters, its token key 1,200 ASCII
        // letters and digits, services and areas a few catalogue and province codes. The English name is left out:
        // with it, the bound would not hold.
        jdbc.sql("create index if not exists licence_search_walk on register.licence_search (holder, id)"
                        + " include (name_tok, status, foreign_invested, pilot, services, areas)")
                .update();
        try {
            jdbc.sql("create extension if not exists pg_trgm").update();
        } catch (RuntimeException e) {
            log.warn(
                    "pg_trgm is not available ({}); partial-name search in the register will scan instead of using"
                            + " an index. Run 'create extension pg_trgm' as a superuser to fix this.",
                    e.getMessage());
            return false;
        }
        jdbc.sql("create index if not exists licence_search_tok_trgm on register.licence_search"
                        + " using gin (name_tok gin_trgm_ops)")
                .update();
        jdbc.sql("create index if not exists licence_search_en_trgm on register.licence_search"
                        + " using gin (name_key_en gin_trgm_ops)")
                .update();
        return true;
    }
}
