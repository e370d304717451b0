package org.kaifang.licensing;

import java.time.Instant;

/** Published, in the transaction that stores it, when an entry is put on a credit list or taken off it. */
public record CreditListChanged(CreditListEntry entry, Instant at) {}
