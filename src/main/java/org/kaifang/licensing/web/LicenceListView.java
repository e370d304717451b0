package org.kaifang.licensing.web;

import java.util.List;
import org.kaifang.licensing.LicenceView;
import org.kaifang.licensing.Licences;

/**
 * What {@code /licences} shows.
 *
 * @param page from 0
 * @param staff whether the viewer is the regulator's staff (every licence) rather than a holder (its own)
 */
public record LicenceListView(List<LicenceView> licences, int page, boolean staff) {

    public boolean hasMore() {
        return staff && licences.size() == Licences.PAGE;
    }

    /** The services' codes, e.g. {@code B11/IDC, B21/EDI}. */
    public static String services(LicenceView licence) {
        return String.join(", ", licence.services().stream().map(s -> s.key()).toList());
    }

    /** The number, or a dash for a pilot approval without one. */
    public static String number(LicenceView licence) {
        return licence.number() == null ? "—" : licence.number();
    }
}
