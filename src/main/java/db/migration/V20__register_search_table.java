package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.kaifang.register.SearchTableMigration;

/**
 * V20: the register's narrow search table. A Java migration because the token key of every holder's name is computed
 * in Java; the work is done by {@link SearchTableMigration}, beside the code that keeps the table afterwards. Flyway
 * finds Java migrations by package, in {@code db.migration} like the SQL ones.
 */
public class V20__register_search_table extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        SearchTableMigration.migrate(context.getConnection());
    }
}
