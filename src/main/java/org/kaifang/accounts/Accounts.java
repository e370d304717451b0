package org.kaifang.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations and users of Kaifang: registers them and looks them up. Passwords go in as text and are stored
 * only as hashes; no method gives a password or its hash back.
 */
@Component
public class Accounts {

    private final Organisations organisations;
    private final Users users;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Accounts(Organisations organisations, Users users, PasswordEncoder passwords, Clock clock) {
        this.organisations = organisations;
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Registers an organisation.
     *
     * @throws AccountRejected listing every problem: a blank or overlong name, an invalid USCC, a name or USCC that
     *     another organisation has
     */
    @Transactional
    public Organisation register(RegisterOrganisation command) {
        var problems = new ArrayList<>(command.problems());
        var name = command.name().strip();
        if (problems.isEmpty()) {
            if (organisations.named(name).isPresent()) {
                problems.add("An organisation named '" + name + "' exists already");
            }
            if (command.uscc() != null && organisations.hasUscc(new Uscc(command.uscc()))) {
                problems.add("An organisation with USCC " + new Uscc(command.uscc()) + " exists already");
            }
        }
        rejectIf(problems);
        var englishName =
                command.englishName() == null ? null : command.englishName().strip();
        var organisation = new Organisation(
                OrganisationId.random(),
                name,
                englishName,
                command.kind(),
                command.uscc() == null ? null : new Uscc(command.uscc()));
        try {
            organisations.add(organisation, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new AccountRejected(List.of("An organisation named '" + name + "' or with its USCC exists already"));
        }
        return organisation;
    }

    /**
     * Adds a user who may sign in at once.
     *
     * @throws AccountRejected listing every problem: an invalid or taken username, a blank display name, no role, a
     *     role that does not suit the organisation, an unknown organisation, a password too short or too long
     */
    @Transactional
    public UserAccount add(AddUser command) {
        var organisation = organisations.find(command.organisation()).orElse(null);
        var problems = new ArrayList<>(command.problems(organisation));
        if (problems.isEmpty() && users.find(new Username(command.username())).isPresent()) {
            problems.add("The username '" + new Username(command.username()) + "' is taken");
        }
        rejectIf(problems);
        var user = new UserAccount(
                UserId.random(),
                new Username(command.username()),
                command.displayName().strip(),
                command.organisation(),
                command.roles(),
                true);
        try {
            users.add(user, passwords.encode(command.password()), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new AccountRejected(List.of("The username '" + user.username() + "' is taken"));
        }
        return user;
    }

    /**
     * Sets a new password for {@code username}.
     *
     * @throws AccountRejected when there is no such user or the password is too short or too long
     */
    @Transactional
    public void changePassword(Username username, String newPassword) {
        if (users.find(username).isEmpty()) {
            throw new AccountRejected(List.of("No user has the username '" + username + "'"));
        }
        AddUser.passwordProblem(newPassword, username.value()).ifPresent(p -> rejectIf(List.of(p)));
        users.changePasswordHash(username, passwords.encode(newPassword));
    }

    public Optional<Organisation> organisation(OrganisationId id) {
        return organisations.find(id);
    }

    /** The organisation with exactly this registered name (surrounding spaces ignored). */
    public Optional<Organisation> organisationNamed(String name) {
        return organisations.named(name.strip());
    }

    /** Every organisation: regulators first, then companies, each by name. */
    public List<Organisation> organisations() {
        return organisations.all();
    }

    public Optional<UserAccount> user(UserId id) {
        return users.find(id);
    }

    public Optional<UserAccount> user(Username username) {
        return users.find(username);
    }

    /**
     * The users of regulator organisations (MIIT, the provincial communications administrations) who hold
     * {@code role}, disabled ones included, by organisation name and username.
     */
    public List<UserAccount> regulatorStaff(Role role) {
        return users.regulatorStaff(role);
    }

    /** The users of {@code organisation}, by username. */
    public List<UserAccount> members(OrganisationId organisation) {
        return users.members(organisation);
    }

    private static void rejectIf(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AccountRejected(problems);
        }
    }
}
