package org.kaifang.accounts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Adds a user to an organisation.
 *
 * @param username see {@link Username} for the format
 * @param displayName the name shown on pages and in the audit trail, 1 to 100 characters
 * @param roles at least one; each must suit the kind of organisation ({@link Role#heldIn()})
 * @param password at least 12 characters and at most 72 bytes (bcrypt reads no further), not containing the username
 *     and not one of the common passwords Kaifang ships; stored only as a hash
 */
public record AddUser(
        String username, String displayName, OrganisationId organisation, Set<Role> roles, String password) {

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_DISPLAY_NAME = 100;

    public AddUser {
        roles = Set.copyOf(roles);
    }

    /**
     * Everything wrong with this request, each as a sentence; empty when it may be carried out.
     *
     * @param organisation the organisation named by {@link #organisation()}, or {@code null} when there is none
     */
    List<String> problems(@Nullable Organisation organisation) {
        var problems = new ArrayList<String>();
        var usernameProblem = Username.problem(username);
        if (usernameProblem != null) {
            problems.add("Username '" + username.strip() + "' " + usernameProblem);
        }
        var name = displayName.strip();
        if (name.isEmpty()) {
            problems.add("Display name must not be blank");
        } else if (name.length() > MAX_DISPLAY_NAME) {
            problems.add("Display name must have at most " + MAX_DISPLAY_NAME + " characters, not " + name.length());
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            problems.add("Display name must not contain control characters");
        }
        if (organisation == null) {
            problems.add("No organisation has the id " + this.organisation);
        }
        if (roles.isEmpty()) {
            problems.add("A user needs at least one role: " + Role.names());
        } else if (organisation != null) {
            roles.stream()
                    .filter(r -> r.heldIn() != organisation.kind())
                    .sorted()
                    .forEach(r -> problems.add("Role " + r + " is for users of a " + label(r.heldIn()) + ", and "
                            + organisation.name() + " is a " + label(organisation.kind())));
        }
        passwordProblem(password, username).ifPresent(problems::add);
        return problems;
    }

    /** Why {@code password} may not be the password of {@code username}, if it may not. */
    static java.util.Optional<String> passwordProblem(String password, String username) {
        if (password.length() < MIN_PASSWORD) {
            return java.util.Optional.of("Password must have at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return java.util.Optional.of("Password must have at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        var folded = password.strip().toLowerCase(java.util.Locale.ROOT);
        var name = username.strip().toLowerCase(java.util.Locale.ROOT);
        if (name.length() >= Username.MIN && folded.contains(name)) {
            return java.util.Optional.of("Password must not contain the username");
        }
        if (CommonPasswords.contains(folded)) {
            return java.util.Optional.of("Password is one of the most common passwords: choose another");
        }
        return java.util.Optional.empty();
    }

    private static String label(OrganisationKind kind) {
        return switch (kind) {
            case COMPANY -> "company";
            case REGULATOR -> "regulator";
        };
    }

    /** Never shows the password, so that the request can be logged. */
    @Override
    public String toString() {
        return "AddUser[username=" + username + ", displayName=" + displayName + ", organisation=" + organisation
                + ", roles=" + roles + "]";
    }
}
