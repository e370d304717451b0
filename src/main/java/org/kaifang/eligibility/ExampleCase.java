package org.kaifang.eligibility;

import tools.jackson.databind.JsonNode;

/**
 * One conformance case of a rule pack: a determination request and what the determination must show.
 *
 * @param file the examples file it comes from
 * @param name a sentence saying what the case proves
 * @param request the request, exactly as the determination contract defines it
 * @param expect the expected determination (see {@code docs/conformance.md}), or {@code null} for an error case
 * @param expectErrors the JSON pointers an invalid request must be refused for, or {@code null}
 */
public record ExampleCase(String file, String name, JsonNode request, JsonNode expect, JsonNode expectErrors) {}
