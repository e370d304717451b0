package org.kaifang.eligibility;

import java.util.List;
import java.util.TreeSet;

/**
 * The licence scope that a set of services needs: cross-regional when any service is nationwide or the services
 * together cover two or more provinces; provincial otherwise.
 *
 * @param province the province of a provincial scope; {@code CN} for a cross-regional one
 */
record Scope(LicenceScope scope, String province) {

    static Scope of(List<RequestedService> services) {
        var provinces = new TreeSet<String>();
        for (var service : services) {
            if (service.nationwide()) {
                return new Scope(LicenceScope.CROSS_REGIONAL, RequestedService.NATIONWIDE);
            }
            for (var code : service.coverage()) {
                provinces.add(code.substring(0, 2) + "0000");
            }
        }
        return provinces.size() == 1
                ? new Scope(LicenceScope.PROVINCIAL, provinces.first())
                : new Scope(LicenceScope.CROSS_REGIONAL, RequestedService.NATIONWIDE);
    }
}
