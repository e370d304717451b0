package org.kaifang.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated rule pack: the law of one field as dated, cited data. Immutable and safe to share between
 * threads.
 */
public final class RulePack {

    private final RulePackRef ref;
    private final Bilingual title;
    private final LocalDate coverageFrom;
    private final Map<String, Instrument> instruments;
    private final ServiceCatalogue catalogue;
    private final Divisions divisions;
    private final List<Area> areas;
    private final Map<String, Zone> zones;
    private final Map<String, Parameter> parameters;
    private final Map<String, Bilingual> messages;
    private final java.util.HashMap<String, MessageTemplate> templates = new java.util.HashMap<>();

    RulePack(
            RulePackRef ref,
            Bilingual title,
            LocalDate coverageFrom,
            Map<String, Instrument> instruments,
            ServiceCatalogue catalogue,
            Divisions divisions,
            List<Area> areas,
            Map<String, Zone> zones,
            Map<String, Parameter> parameters,
            Map<String, Bilingual> messages) {
        this.ref = ref;
        this.title = title;
        this.coverageFrom = coverageFrom;
        this.instruments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(instruments));
        this.catalogue = catalogue;
        this.divisions = divisions;
        this.areas = List.copyOf(areas);
        this.zones = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(zones));
        var interned = new java.util.LinkedHashMap<String, Parameter>();
        parameters.forEach((key, parameter) -> interned.put(key.intern(), parameter));
        this.parameters = java.util.Collections.unmodifiableMap(interned);
        this.messages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(messages));
        // Keys are interned so the engine's lookups with literal keys compare by identity.
        messages.forEach((key, text) -> templates.put(key.intern(), new MessageTemplate(text)));
    }

    public RulePackRef ref() {
        return ref;
    }

    public String id() {
        return ref.id();
    }

    public String version() {
        return ref.version();
    }

    public Bilingual title() {
        return title;
    }

    /** The earliest date the pack can judge; determinations for earlier dates are refused. */
    public LocalDate coverageFrom() {
        return coverageFrom;
    }

    public Map<String, Instrument> instruments() {
        return instruments;
    }

    public Instrument instrument(String id) {
        var instrument = instruments.get(id);
        if (instrument == null) {
            throw new IllegalArgumentException("No instrument " + id + " in rule pack " + ref.id());
        }
        return instrument;
    }

    public ServiceCatalogue catalogue() {
        return catalogue;
    }

    public Divisions divisions() {
        return divisions;
    }

    public List<Area> areas() {
        return areas;
    }

    public Optional<Area> area(String id) {
        return areas.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Map<String, Zone> zones() {
        return zones;
    }

    public Optional<Zone> zone(String id) {
        return Optional.ofNullable(zones.get(id));
    }

    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /** The parameter with {@code key}; a missing parameter is a defect of the pack, not of the caller's input. */
    public Parameter parameter(String key) {
        var parameter = parameters.get(key);
        if (parameter == null) {
            throw new IllegalArgumentException("No parameter " + key + " in rule pack " + ref.id());
        }
        return parameter;
    }

    /** The bilingual message template with {@code key}. */
    public Bilingual message(String key) {
        var message = messages.get(key);
        if (message == null) {
            throw new IllegalArgumentException("No message " + key + " in rule pack " + ref.id());
        }
        return message;
    }

    /** The message with {@code key}, parsed for filling; see {@link MessageTemplate#fill}. */
    public MessageTemplate template(String key) {
        var template = templates.get(key);
        if (template == null) {
            throw new IllegalArgumentException("No message " + key + " in rule pack " + ref.id());
        }
        return template;
    }

    public Map<String, Bilingual> messages() {
        return messages;
    }
}
