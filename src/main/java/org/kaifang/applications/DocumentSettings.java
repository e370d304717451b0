package org.kaifang.applications;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings for application documents, bound from {@code kaifang.documents.*}.
 *
 * @param maxBytes the largest file accepted (e.g. {@code 10MB}); larger uploads get 413
 * @param storage where contents are kept: {@code database} (beside the metadata) or {@code directory}
 * @param dir the directory contents are kept in with {@code storage=directory}, one file per document id
 */
@ConfigurationProperties("kaifang.documents")
record DocumentSettings(
        @DefaultValue("10MB") DataSize maxBytes,
        @DefaultValue("database") Storage storage,
        @DefaultValue("./data/documents") Path dir) {

    enum Storage {
        DATABASE,
        DIRECTORY
    }

    DocumentSettings {
        if (maxBytes.toBytes() < 1) {
            throw new IllegalArgumentException("kaifang.documents.max-bytes must be positive");
        }
    }
}
