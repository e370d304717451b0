package org.kaifang.licensing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A licence's stable identity, independent of its number (pilot approvals may have none). In JSON it is the bare
 * string.
 */
public record LicenceId(@JsonValue String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public LicenceId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("A licence id has 1 to 64 letters, digits or hyphens");
        }
    }

    /** The id {@code value} names; how JSON reads one. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LicenceId of(String value) {
        return new LicenceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
