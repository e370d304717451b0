package org.kaifang.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Telecommunications Services Classification Catalogue as encoded in a rule pack. */
public final class ServiceCatalogue {

    private final Map<String, ServiceCategory> byCode;
    private final List<ServiceCategory> ordered;

    ServiceCatalogue(List<ServiceCategory> services) {
        var map = new LinkedHashMap<String, ServiceCategory>();
        services.forEach(s -> map.put(s.code(), s));
        this.byCode = Map.copyOf(map);
        this.ordered = List.copyOf(services);
    }

    public Optional<ServiceCategory> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Every service in catalogue order. */
    public List<ServiceCategory> all() {
        return ordered;
    }

    /** The value-added services in catalogue order. */
    public List<ServiceCategory> valueAdded() {
        return ordered.stream().filter(s -> s.kind() == ServiceKind.VALUE_ADDED).toList();
    }
}
