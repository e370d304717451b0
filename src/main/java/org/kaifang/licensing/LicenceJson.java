package org.kaifang.licensing;

import tools.jackson.databind.json.JsonMapper;

/** The stored form of a licence's public view: the record as JSON, field for field. */
final class LicenceJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private LicenceJson() {}

    static String write(LicenceView view) {
        return MAPPER.writeValueAsString(view);
    }

    static LicenceView read(String json) {
        return MAPPER.readValue(json, LicenceView.class);
    }
}
