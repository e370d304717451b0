package org.kaifang.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaifang.register.LicenceViews;
import org.kaifang.testing.Databases;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class LicenceChangesBeforeCommitTests {

    private final List<List<LicenceChanged>> written = new ArrayList<>();
    private final LicenceChangesBeforeCommit changes = new LicenceChangesBeforeCommit(written::add);
    private final TransactionTemplate transaction = new TransactionTemplate(
            new DataSourceTransactionManager(Databases.h2().dataSource()));

    @Test
    void aTransactionsChangesAreWrittenTogetherInOrderJustBeforeItCommits() {
        var a = change("A");
        var b = change("B");
        var c = change("C");
        transaction.executeWithoutResult(status -> {
            changes.add(a);
            changes.add(b);
            changes.add(c);
            assertThat(written).as("nothing before the commit").isEmpty();
        });
        assertThat(written).containsExactly(List.of(a, b, c));

        var d = change("D");
        transaction.executeWithoutResult(status -> changes.add(d));
        assertThat(written).as("the next transaction, its own batch").containsExactly(List.of(a, b, c), List.of(d));
    }

    @Test
    void aRolledBackTransactionWritesNothingAndOutsideOneAChangeIsWrittenAtOnce() {
        transaction.executeWithoutResult(status -> {
            changes.add(change("A"));
            status.setRollbackOnly();
        });
        assertThat(written).isEmpty();

        var b = change("B");
        changes.add(b);
        assertThat(written).containsExactly(List.of(b));
    }

    private static LicenceChanged change(String id) {
        return LicenceViews.issued(LicenceViews.licence(id, "B2-2025000" + id.length(), "示例" + id, null, null));
    }
}
