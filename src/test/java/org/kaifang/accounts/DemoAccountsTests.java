package org.kaifang.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The demo logins: created once however often the demo starts, with new random passwords printed at every start. */
class DemoAccountsTests {

    private static final Pattern LOGIN =
            Pattern.compile("^ {4}(\\S+) +(\\S{4}-\\S{4}-\\S{4}-\\S{4}) ", Pattern.MULTILINE);

    private final JdbcClient jdbc = JdbcClient.create(Databases.h2().dataSource());
    private final Accounts accounts = new Accounts(
            new Organisations(jdbc),
            new Users(jdbc),
            PasswordEncoderFactories.createDelegatingPasswordEncoder(),
            Clock.systemUTC());
    private final SignIn signIn = new SignIn(new Users(jdbc), new Organisations(jdbc));

    @Test
    void createsTheDemoOnceAndPrintsNewRandomPasswordsAtEveryStart() {
        var demo = new DemoAccounts(accounts, new MockEnvironment().withProperty("local.server.port", "8123"), "");

        var first = logins(printed(demo::create));
        var counts = counts();
        var second = logins(printed(demo::create));

        assertThat(first.keySet())
                .containsExactly("applicant.a", "applicant.b", "officer", "approver", "registrar", "admin");
        assertThat(counts())
                .as("organisations and users after the second start")
                .isEqualTo(counts);
        assertThat(counts).isEqualTo(Map.of("organisations", 4L, "users", 6L));
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        for (var username : first.keySet()) {
            var hash = signIn.loadUserByUsername(username).getPassword();
            assertThat(encoder.matches(second.get(username), hash))
                    .as("%s signs in with the password printed last", username)
                    .isTrue();
            assertThat(encoder.matches(first.get(username), hash))
                    .as("%s's password of the previous start no longer works", username)
                    .isFalse();
        }
        assertThat(first.values()).doesNotHaveDuplicates();
    }

    @Test
    void putsTheApplicantsInTwoCompaniesAndTheOfficersInOneRegulator() {
        new DemoAccounts(accounts, new MockEnvironment(), "").create();

        var a = user("applicant.a");
        var b = user("applicant.b");
        var officer = user("officer");
        var approver = user("approver");
        assertThat(a.organisation()).isNotEqualTo(b.organisation());
        assertThat(accounts.organisation(a.organisation()).orElseThrow().kind()).isEqualTo(OrganisationKind.COMPANY);
        assertThat(officer.organisation()).isEqualTo(approver.organisation());
        assertThat(accounts.organisation(officer.organisation()).orElseThrow().name())
                .isEqualTo("上海市通信管理局");
        assertThat(officer.roles()).containsExactly(Role.CASE_OFFICER);
        assertThat(approver.roles()).containsExactly(Role.APPROVER);
        assertThat(user("registrar").roles()).containsExactly(Role.REGISTRAR);
        assertThat(user("admin").roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void aFixedPasswordIsUsedButNotPrinted() {
        var output = printed(() -> new DemoAccounts(accounts, new MockEnvironment(), "a fixed demo password").create());

        assertThat(output).contains("applicant.a  (kaifang.demo.password)").doesNotContain("a fixed demo password");
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        assertThat(encoder.matches(
                        "a fixed demo password",
                        signIn.loadUserByUsername("admin").getPassword()))
                .isTrue();
    }

    private UserAccount user(String username) {
        return accounts.user(new Username(username)).orElseThrow();
    }

    private Map<String, Long> counts() {
        return Map.of(
                "organisations",
                        jdbc.sql("select count(*) from accounts.organisation")
                                .query(Long.class)
                                .single(),
                "users",
                        jdbc.sql("select count(*) from accounts.user_account")
                                .query(Long.class)
                                .single());
    }

    private static Map<String, String> logins(String output) {
        assertThat(output).contains("sign in at http://localhost:8123/login");
        var logins = new LinkedHashMap<String, String>();
        var matcher = LOGIN.matcher(output);
        while (matcher.find()) {
            logins.put(matcher.group(1), matcher.group(2));
        }
        return logins;
    }

    private static String printed(Runnable action) {
        var original = System.out;
        var buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
