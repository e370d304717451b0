package org.kaifang.screening;

import java.time.LocalDate;

/**
 * The end of a listing: removal from the list, or its measures stopped (as for 12 export-control listings on
 * 2025-08-12). From {@code date} on, the listing is {@link ListingStatus#ENDED}. A source page that disappears is not a
 * delisting.
 */
public record Delisting(LocalDate date, Source source) {}
