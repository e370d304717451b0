package org.kaifang.screening;

import org.jspecify.annotations.Nullable;

/** A listing as it stood on the screening date, with the suspension window that covered the date, if any. */
public record ListingOnDate(
        Listing listing, ListingStatus status, @Nullable SuspensionWindow suspension) {}
