package org.kaifang.licensing;

import java.util.Objects;
import java.util.regex.Pattern;

/** A licence's stable identity, independent of its number (pilot approvals may have none). */
public record LicenceId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public LicenceId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("A licence id has 1 to 64 letters, digits or hyphens");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
