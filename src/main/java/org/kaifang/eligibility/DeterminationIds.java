package org.kaifang.eligibility;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered (version 7) UUIDs for determinations: index-friendly, and with 74 random bits they are not guessable,
 * so a determination's address can be shared without exposing others.
 */
final class DeterminationIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeterminationIds() {}

    static UUID next(Clock clock) {
        var millis = clock.millis();
        var random = new byte[10];
        RANDOM.nextBytes(random);
        var high = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        var low = 0x8000000000000000L | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
