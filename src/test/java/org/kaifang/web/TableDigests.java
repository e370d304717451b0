package org.kaifang.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What is stored, as one line per table: its row count and an order-independent hash of its rows' contents. Equal
 * digests before and after a request mean the request changed nothing. Sessions are left out: every page request
 * touches its session's last-access time. So is the licensing jobs' bookkeeping: the scheduler runs the daily jobs a
 * minute after the start, whatever the requests (a licence they expired would still show in its own table). And the
 * scheduled jobs' locks: the outbox sender takes its lock every few seconds, whatever the requests.
 */
final class TableDigests {

    private static final Set<String> SKIPPED = Set.of(
            "ACCOUNTS.WEB_SESSION", "ACCOUNTS.WEB_SESSION_ATTRIBUTES", "LICENSING.JOB_RUN", "CLUSTER.SCHEDULER_LOCK");

    private final JdbcClient jdbc;
    private final List<String> tables;

    TableDigests(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.tables = jdbc
                .sql("select '\"' || table_schema || '\".\"' || table_name || '\"' from information_schema.tables"
                        + " where table_type = 'BASE TABLE' and table_schema <> 'INFORMATION_SCHEMA'"
                        + " order by 1")
                .query(String.class)
                .list()
                .stream()
                .filter(t -> !SKIPPED.contains(t.replace("\"", "").toUpperCase(java.util.Locale.ROOT)))
                .toList();
        if (tables.size() < 10) {
            throw new IllegalStateException("Expected every module's tables, found " + tables);
        }
    }

    List<String> tables() {
        return tables;
    }

    /** Table name to {@code rows:hash}. */
    TreeMap<String, String> digest() {
        var digests = new TreeMap<String, String>();
        for (var table : tables) {
            long[] sum = {0, 0};
            jdbc.sql("select * from " + table).query(rs -> {
                var columns = rs.getMetaData().getColumnCount();
                var row = new StringBuilder();
                for (var c = 1; c <= columns; c++) {
                    row.append(rs.getString(c)).append('\u0001');
                }
                sum[0]++;
                sum[1] += hash(row.toString());
            });
            digests.put(table, sum[0] + ":" + Long.toHexString(sum[1]));
        }
        return digests;
    }

    private static long hash(String row) {
        try {
            var bytes = MessageDigest.getInstance("SHA-256").digest(row.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (var i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[i] & 0xFF);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
