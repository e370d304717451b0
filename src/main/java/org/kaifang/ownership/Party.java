package org.kaifang.ownership;

import java.util.Map;

/**
 * A party to a shareholding structure.
 *
 * @param id unique within the structure; the applicant has the id {@code applicant}
 * @param jurisdiction ISO 3166-1 alpha-2; {@code CN} is mainland China, {@code HK}, {@code MO} and {@code TW} are their
 *     own codes
 * @param identifiers optional {@code uscc}, {@code lei}, {@code registry}
 */
public record Party(String id, String name, PartyKind kind, String jurisdiction, Map<String, String> identifiers) {

    public Party {
        identifiers = Map.copyOf(identifiers);
    }
}
