package org.kaifang.accounts;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With {@code --demo}, makes sure the demo organisations and one user per role exist, gives each demo user a new
 * random password and prints the logins once, to the console. Runs again at every start without creating anything
 * twice. {@code kaifang.demo.password} fixes the password instead, for tests. Without {@code --demo} nothing is
 * created.
 */
@Component
@ConditionalOnProperty(name = "kaifang.demo", havingValue = "true")
class DemoAccounts {

    /** An organisation of the demo. */
    record DemoOrganisation(
            String name,
            String englishName,
            OrganisationKind kind,
            @Nullable String uscc) {}

    /** A user of the demo. */
    record DemoUser(String username, String displayName, Role role, DemoOrganisation organisation) {}

    static final DemoOrganisation MIIT = new DemoOrganisation(
            "中华人民共和国工业和信息化部",
            "Ministry of Industry and Information Technology (MIIT)",
            OrganisationKind.REGULATOR,
            null);
    static final DemoOrganisation SHANGHAI = new DemoOrganisation(
            "上海市通信管理局", "Shanghai Communications Administration", OrganisationKind.REGULATOR, null);
    static final DemoOrganisation COMPANY_A = new DemoOrganisation(
            "临港云数据有限公司", "Lingang Cloud Data Co., Ltd. (demo)", OrganisationKind.COMPANY, "91310115MA1K4LXQ26");
    static final DemoOrganisation COMPANY_B = new DemoOrganisation(
            "浦东网联科技有限公司", "Pudong Netlink Technology Co., Ltd. (demo)", OrganisationKind.COMPANY, "91310115MA1FL7T93C");

    static final List<DemoUser> USERS = List.of(
            new DemoUser("applicant.a", "王芳 Wang Fang", Role.APPLICANT, COMPANY_A),
            new DemoUser("applicant.b", "李明 Li Ming", Role.APPLICANT, COMPANY_B),
            new DemoUser("officer", "张伟 Zhang Wei", Role.CASE_OFFICER, SHANGHAI),
            new DemoUser("approver", "陈静 Chen Jing", Role.APPROVER, SHANGHAI),
            new DemoUser("registrar", "刘洋 Liu Yang", Role.REGISTRAR, MIIT),
            new DemoUser("admin", "赵磊 Zhao Lei", Role.ADMIN, MIIT));

    /** No 0/O, 1/l/I: the passwords are read off a console and typed. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Accounts accounts;
    private final Environment environment;
    private final String fixedPassword;
    private final SecureRandom random = new SecureRandom();

    DemoAccounts(Accounts accounts, Environment environment, @Value("${kaifang.demo.password:}") String fixedPassword) {
        this.accounts = accounts;
        this.environment = environment;
        this.fixedPassword = fixedPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        var base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        var out = new StringBuilder();
        out.append("\n  Demo logins: sign in at ").append(base).append("/login\n");
        for (var demo : USERS) {
            var organisation = organisation(demo.organisation());
            var password = fixedPassword.isEmpty() ? randomPassword() : fixedPassword;
            var username = new Username(demo.username());
            if (accounts.user(username).isPresent()) {
                accounts.changePassword(username, password);
            } else {
                accounts.add(new AddUser(
                        demo.username(), demo.displayName(), organisation.id(), Set.of(demo.role()), password));
            }
            out.append(String.format(
                    "    %-12s %-20s %-13s %s%n",
                    demo.username(),
                    fixedPassword.isEmpty() ? password : "(kaifang.demo.password)",
                    demo.role(),
                    demo.organisation().englishName()));
        }
        out.append(
                fixedPassword.isEmpty()
                        ? "  The passwords are new at every start with --demo and are shown only here.\n"
                        : "  Every demo user has the password set by kaifang.demo.password.\n");
        System.out.println(out);
    }

    /** The demo organisation, registered if it is not yet. */
    private Organisation organisation(DemoOrganisation demo) {
        return accounts.organisationNamed(demo.name())
                .orElseGet(() -> accounts.register(
                        new RegisterOrganisation(demo.name(), demo.englishName(), demo.kind(), demo.uscc())));
    }

    /** 16 random characters in four groups, about 93 bits. */
    private String randomPassword() {
        var password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
