package org.kaifang.applications;

/** What an application asks for. */
public enum ApplicationType {
    /** A new value-added telecom licence. */
    NEW_LICENCE,
    /** Approval under the 2024 opening-up pilot (试点批复). */
    PILOT_APPROVAL,
    /** A change to a licence: name, representative, capital, shareholders, services or coverage. */
    CHANGE,
    /** Renewal of a licence before it expires. */
    RENEWAL
}
