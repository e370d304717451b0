package org.kaifang.eligibility;

import java.time.Instant;
import java.util.UUID;

/**
 * A determination as stored: never changed after it was made.
 *
 * @param json the response body exactly as first returned
 */
public record StoredDetermination(UUID id, Instant createdAt, String json) {}
