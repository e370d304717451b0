package org.kaifang.testing;

/**
 * The test server's settings for signing in as the demo users: demo data on, one known password, and a database of
 * its own. Test classes that use exactly these properties share one Spring context.
 */
public final class DemoLogins {

    public static final String PASSWORD = "demo password for tests";

    public static final String DATABASE = "spring.datasource.url=jdbc:h2:mem:accounts;DB_CLOSE_DELAY=-1";
    public static final String DEMO = "kaifang.demo=true";
    public static final String FIXED_PASSWORD = "kaifang.demo.password=" + PASSWORD;

    private DemoLogins() {}
}
