package org.kaifang.notifications;

import org.kaifang.accounts.Role;

/** Who a notice is for, before it is resolved to users: never the user who acted. */
sealed interface Audience {

    /** Every user of the applying organisation. */
    record ApplicantOrganisation(String organisation) implements Audience {}

    /** The regulator's users who hold {@code role}. */
    record RegulatorStaff(Role role) implements Audience {}
}
