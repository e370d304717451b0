package org.kaifang.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kaifang.accounts.AccountFixtures.PASSWORD;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** Organisations and users stored on H2, on a real PostgreSQL started by the test, and on the machine's own if set. */
class AccountsTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    private static Accounts accounts(Database database) {
        var jdbc = JdbcClient.create(database.dataSource());
        return new Accounts(
                new Organisations(jdbc),
                new Users(jdbc),
                PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                CLOCK);
    }

    private static SignIn signIn(Database database) {
        var jdbc = JdbcClient.create(database.dataSource());
        return new SignIn(new Users(jdbc), new Organisations(jdbc));
    }

    private static Organisation registerCompany(Accounts accounts) {
        return accounts.register(new RegisterOrganisation(
                "临港云数据有限公司", "Lingang Cloud Data Co., Ltd.", OrganisationKind.COMPANY, "91310115MA1K4LXQ26"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storesOrganisationsAndUsersAndFindsThemAgain(Database database) {
        var accounts = accounts(database);
        var company = registerCompany(accounts);
        var regulator = accounts.register(new RegisterOrganisation(
                "上海市通信管理局", "Shanghai Communications Administration", OrganisationKind.REGULATOR, null));

        var applicant = accounts.add(AccountFixtures.applicant(company));
        var reviewer = accounts.add(new AddUser(
                "Reviewer", "陈静 Chen Jing", regulator.id(), Set.of(Role.CASE_OFFICER, Role.APPROVER), PASSWORD));

        assertThat(accounts.organisation(company.id())).contains(company);
        assertThat(accounts.organisationNamed(" 上海市通信管理局 ")).contains(regulator);
        assertThat(accounts.organisations()).containsExactly(regulator, company);
        assertThat(accounts.user(applicant.id())).contains(applicant);
        assertThat(accounts.user(new Username("reviewer"))).contains(reviewer);
        assertThat(reviewer.roles()).containsExactlyInAnyOrder(Role.CASE_OFFICER, Role.APPROVER);
        assertThat(accounts.members(regulator.id())).containsExactly(reviewer);
        assertThat(company.uscc()).isEqualTo(new Uscc("91310115MA1K4LXQ26"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storesPasswordsOnlyAsBcryptHashes(Database database) {
        var accounts = accounts(database);
        accounts.add(AccountFixtures.applicant(registerCompany(accounts)));

        var hash = JdbcClient.create(database.dataSource())
                .sql("select password_hash from accounts.user_account where username = 'applicant.a'")
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void refusesATakenUsernameOrOrganisationName(Database database) {
        var accounts = accounts(database);
        var company = registerCompany(accounts);
        accounts.add(AccountFixtures.applicant(company));

        assertThatThrownBy(() -> accounts.add(
                        new AddUser("APPLICANT.A", "Someone Else", company.id(), Set.of(Role.APPLICANT), PASSWORD)))
                .isInstanceOf(AccountRejected.class)
                .hasMessage("The username 'applicant.a' is taken");
        assertThatThrownBy(() ->
                        accounts.register(new RegisterOrganisation("临港云数据有限公司", null, OrganisationKind.COMPANY, null)))
                .isInstanceOf(AccountRejected.class)
                .hasMessage("An organisation named '临港云数据有限公司' exists already");
        assertThatThrownBy(() -> accounts.register(
                        new RegisterOrganisation("Another Name", null, OrganisationKind.COMPANY, "91310115MA1K4LXQ26")))
                .isInstanceOf(AccountRejected.class)
                .hasMessage("An organisation with USCC 91310115MA1K4LXQ26 exists already");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void signInFindsTheUserWithTheirRolesAsAuthoritiesAndOrganisation(Database database) {
        var accounts = accounts(database);
        var company = registerCompany(accounts);
        var applicant = accounts.add(AccountFixtures.applicant(company));
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        var details = (AccountDetails) signIn(database).loadUserByUsername("Applicant.A");

        assertThat(details.getUsername()).isEqualTo("applicant.a");
        assertThat(details.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_APPLICANT");
        assertThat(encoder.matches(PASSWORD, details.getPassword())).isTrue();
        assertThat(details.user().id()).isEqualTo(applicant.id());
        assertThat(details.user().organisation()).isEqualTo(company);
        assertThat(details.user().belongsTo(company.id())).isTrue();
        details.eraseCredentials();
        assertThat(details.getPassword()).isNull();

        assertThatThrownBy(() -> signIn(database).loadUserByUsername("nobody"))
                .isInstanceOf(UsernameNotFoundException.class);
        assertThatThrownBy(() -> signIn(database).loadUserByUsername("not a username"))
                .isInstanceOf(UsernameNotFoundException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void changesAPassword(Database database) {
        var accounts = accounts(database);
        accounts.add(AccountFixtures.applicant(registerCompany(accounts)));
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        accounts.changePassword(new Username("applicant.a"), "a new password, long enough");

        var hash = signIn(database).loadUserByUsername("applicant.a").getPassword();
        assertThat(encoder.matches("a new password, long enough", hash)).isTrue();
        assertThat(encoder.matches(PASSWORD, hash)).isFalse();
        assertThatThrownBy(() -> accounts.changePassword(new Username("applicant.a"), "short"))
                .isInstanceOf(AccountRejected.class)
                .hasMessage("Password must have at least 12 characters");
        assertThatThrownBy(() -> accounts.changePassword(new Username("nobody"), "long enough password"))
                .isInstanceOf(AccountRejected.class)
                .hasMessage("No user has the username 'nobody'");
    }
}
