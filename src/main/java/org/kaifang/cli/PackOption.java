package org.kaifang.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.kaifang.eligibility.ConformanceKit;
import org.kaifang.rules.RulePack;
import org.kaifang.rules.RulePackLoader;

/** Where a command takes its rule pack from: a directory, or the pack bundled in the jar. */
final class PackOption {

    static final String BUNDLED = "telecom-vas";

    private PackOption() {}

    static RulePack load(@Nullable Path directory) {
        return directory == null ? RulePackLoader.fromClasspath(BUNDLED) : RulePackLoader.fromDirectory(directory);
    }

    static ConformanceKit examples(@Nullable Path directory) {
        if (directory == null) {
            return ConformanceKit.fromClasspath(BUNDLED);
        }
        var examples = directory.resolve("examples");
        if (!Files.isDirectory(examples)) {
            throw new IllegalArgumentException("No examples directory in " + directory);
        }
        return ConformanceKit.fromDirectory(examples);
    }
}
