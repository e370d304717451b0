package org.kaifang.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a user may do. A user holds one or more roles; each becomes the Spring Security authority {@code ROLE_<name>}. */
public enum Role {
    /** Files and follows applications for its own company. */
    APPLICANT(OrganisationKind.COMPANY),
    /** Accepts, returns and reviews applications, and recommends a decision. */
    CASE_OFFICER(OrganisationKind.REGULATOR),
    /** Decides on a recommendation: the second pair of eyes. */
    APPROVER(OrganisationKind.REGULATOR),
    /** Issues and keeps licences and pilot approvals in the register. */
    REGISTRAR(OrganisationKind.REGULATOR),
    /** Manages organisations and users. */
    ADMIN(OrganisationKind.REGULATOR);

    private static final String AUTHORITY_PREFIX = "ROLE_";

    private final OrganisationKind heldIn;

    Role(OrganisationKind heldIn) {
        this.heldIn = heldIn;
    }

    /** The kind of organisation whose users may hold this role: applicants work for companies, the rest for the regulator. */
    public OrganisationKind heldIn() {
        return heldIn;
    }

    /** The Spring Security authority, e.g. {@code ROLE_CASE_OFFICER}. */
    public String authority() {
        return AUTHORITY_PREFIX + name();
    }

    /**
     * The role named by {@code text}, ignoring case and accepting {@code -} or a space for {@code _} and an optional
     * {@code ROLE_} prefix: {@code case-officer}, {@code CASE_OFFICER} and {@code ROLE_CASE_OFFICER} are one role.
     *
     * @throws IllegalArgumentException naming the valid roles, when {@code text} names none of them
     */
    public static Role parse(String text) {
        var key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (key.startsWith(AUTHORITY_PREFIX)) {
            key = key.substring(AUTHORITY_PREFIX.length());
        }
        for (var role : values()) {
            if (role.name().equals(key)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + text + "': use one of " + names());
    }

    /** The role with the authority {@code authority}, if it is one of ours. */
    static java.util.Optional<Role> fromAuthority(String authority) {
        return Arrays.stream(values())
                .filter(r -> r.authority().equals(authority))
                .findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "));
    }
}
