package org.kaifang.licensing;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-prefix, per-year counters licence numbers are drawn from (table {@code licensing.number_counter}).
 *
 * <p>{@link #next} increments the row with an UPDATE in the caller's transaction. The row stays locked until that
 * transaction ends, so a second issuer (another thread or node) waits and then reads the committed value: no two
 * licences get one number. If the issuing transaction rolls back, so does the increment: no gaps. The row is created
 * first in a transaction of its own, so that two issuers creating it at once do not fail the issuing transaction.
 */
@Component
class NumberCounters {

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    NumberCounters(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next sequence number for {@code prefix} in {@code year}, drawn in the caller's transaction. */
    int next(String prefix, int year) {
        ensure(prefix, year);
        var updated = jdbc.sql(
                        "update licensing.number_counter set last_seq = last_seq + 1 where prefix = :prefix and issue_year = :year")
                .param("prefix", prefix)
                .param("year", year)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("No number counter for " + prefix + " " + year);
        }
        return jdbc.sql("select last_seq from licensing.number_counter where prefix = :prefix and issue_year = :year")
                .param("prefix", prefix)
                .param("year", year)
                .query(Integer.class)
                .single();
    }

    /**
     * Moves the counter past {@code sequence}, when a licence numbered outside Kaifang is recorded, so that Kaifang
     * never issues a number that is already taken. In the caller's transaction.
     */
    void atLeast(String prefix, int year, int sequence) {
        ensure(prefix, year);
        jdbc.sql("update licensing.number_counter set last_seq = :sequence"
                        + " where prefix = :prefix and issue_year = :year and last_seq < :sequence")
                .param("prefix", prefix)
                .param("year", year)
                .param("sequence", sequence)
                .update();
    }

    /** The last number drawn for {@code prefix} in {@code year}; 0 when none. */
    int last(String prefix, int year) {
        return jdbc.sql("select last_seq from licensing.number_counter where prefix = :prefix and issue_year = :year")
                .param("prefix", prefix)
                .param("year", year)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    private void ensure(String prefix, int year) {
        var exists = jdbc.sql(
                        "select count(*) from licensing.number_counter where prefix = :prefix and issue_year = :year")
                .param("prefix", prefix)
                .param("year", year)
                .query(Integer.class)
                .single();
        if (exists > 0) {
            return;
        }
        try {
            separately.executeWithoutResult(status -> jdbc.sql(
                            "insert into licensing.number_counter (prefix, issue_year, last_seq) values (:prefix, :year, 0)")
                    .param("prefix", prefix)
                    .param("year", year)
                    .update());
        } catch (DuplicateKeyException e) {
            // Another issuer created it first; that is all we wanted.
        }
    }
}
