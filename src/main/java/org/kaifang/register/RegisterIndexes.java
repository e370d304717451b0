package org.kaifang.register;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the trigram indexes that make partial-name search fast: GIN indexes with pg_trgm on the token key of
 * Chinese names and on English names ({@link NameKey}). They are not in the migration because H2 has no pg_trgm and creating an extension may need rights
 * the application's user lacks; without them the search gives the same results, by scanning. Created once, at start-up,
 * before anything is served.
 */
@Component
class RegisterIndexes {

    private static final Logger log = LoggerFactory.getLogger(RegisterIndexes.class);

    RegisterIndexes(DataSource dataSource) {
        ensure(dataSource);
    }

    /**
     * Fills in the token key ({@link NameKey#tokens}) of licences written before it existed, in any database, then
     * creates the indexes where the database can have them; returns whether they are there.
     */
    static boolean ensure(DataSource dataSource) {
        fillTokens(dataSource);
        try (var connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database the register is in", e);
        }
        var jdbc = JdbcClient.create(dataSource);
        try {
            jdbc.sql("create extension if not exists pg_trgm").update();
        } catch (RuntimeException e) {
            log.warn(
                    "pg_trgm is not available ({}); partial-name search in the register will scan instead of using"
                            + " an index. Run 'create extension pg_trgm' as a superuser to fix this.",
                    e.getMessage());
            return false;
        }
        // The hex key's trigrams are shared by thousands of characters; the token key's are not (V15).
        jdbc.sql("drop index if exists register.licence_name_trgm").update();
        jdbc.sql("create index if not exists licence_name_tok_trgm on register.licence"
                        + " using gin (name_tok gin_trgm_ops)")
                .update();
        jdbc.sql("create index if not exists licence_name_en_trgm on register.licence"
                        + " using gin (name_key_en gin_trgm_ops)")
                .update();
        return true;
    }

    private static void fillTokens(DataSource dataSource) {
        var jdbc = JdbcClient.create(dataSource);
        var missing = jdbc.sql("select count(*) from register.licence where name_tok is null")
                        .query(Long.class)
                        .single()
                > 0;
        if (!missing) {
            return;
        }
        var template = new JdbcTemplate(dataSource);
        var filled = 0;
        var after = "";
        while (true) {
            var rows = jdbc.sql("select id, holder from register.licence where id > :after and name_tok is null"
                            + " order by id limit 10000")
                    .param("after", after)
                    .query((rs, i) -> new Object[] {NameKey.tokens(rs.getString(2)), rs.getString(1)})
                    .list();
            if (rows.isEmpty()) {
                break;
            }
            template.batchUpdate("update register.licence set name_tok = ? where id = ?", rows);
            filled += rows.size();
            after = (String) rows.getLast()[1];
        }
        log.info("Register: token keys of {} licences filled in", filled);
    }
}
