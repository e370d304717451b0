package org.kaifang.screening;

import java.util.Arrays;
import java.util.Optional;

/** The file formats a list can be imported from, with their names on the command line and in the API. */
public enum ListFormat {
    /** OpenSanctions' CSV of its {@code cn_sanctions} dataset ({@link OpenSanctionsCsv}). */
    OPENSANCTIONS_CSV("opensanctions-csv", "opensanctions-cn"),
    /** FollowTheMoney entities as JSON lines ({@link FollowTheMoneyJson}). */
    FTM("ftm", "ftm");

    private final String id;
    private final String defaultListId;

    ListFormat(String id, String defaultListId) {
        this.id = id;
        this.defaultListId = defaultListId;
    }

    /** The format's name: {@code opensanctions-csv} or {@code ftm}. */
    public String id() {
        return id;
    }

    /** The list an import in this format goes to unless another is named. */
    public String defaultListId() {
        return defaultListId;
    }

    /** The format named {@code id}, if any. */
    public static Optional<ListFormat> named(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    ImportedList read(String source, byte[] content) {
        return switch (this) {
            case OPENSANCTIONS_CSV -> OpenSanctionsCsv.read(source, content, "unversioned");
            case FTM -> FollowTheMoneyJson.read(source, content, "unversioned");
        };
    }
}
