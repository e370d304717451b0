package org.kaifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Pattern;

/**
 * Rule packs for tests: the bundled pack, and copies of it in a temporary directory with one file edited. Every edit
 * fails loudly when the text it expects is not in the file, so a test can never pass because the pack moved on.
 */
public final class RulePackFixtures {

    /** The bundled pack's directory, relative to the project root where Maven runs the tests. */
    public static final Path BUNDLED = Path.of("rules/telecom-vas");

    private static RulePack bundled;

    private RulePackFixtures() {}

    /** The bundled pack, loaded once per test run. */
    public static synchronized RulePack bundledPack() {
        if (bundled == null) {
            bundled = RulePackLoader.fromDirectory(BUNDLED);
        }
        return bundled;
    }

    /** Copies the bundled pack, with every file beneath it, into {@code parent} and returns the copy's directory. */
    public static Path copyOfBundledPack(Path parent) {
        var target = parent.resolve("telecom-vas");
        try (var files = Files.walk(BUNDLED)) {
            for (var source : files.toList()) {
                var destination = target.resolve(BUNDLED.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Replaces the first occurrence of {@code target} in {@code file} of {@code pack}. */
    public static void replaceFirst(Path pack, String file, String target, String replacement) {
        var text = read(pack, file);
        var at = text.indexOf(target);
        assertThat(at).as("'%s' in %s", target, file).isNotNegative();
        write(pack, file, text.substring(0, at) + replacement + text.substring(at + target.length()));
    }

    /** Appends {@code text} to {@code file} of {@code pack}. */
    public static void append(Path pack, String file, String text) {
        write(pack, file, read(pack, file) + text);
    }

    /**
     * Removes one parameter, from its key line to the next line at the same or a lower indentation, from
     * {@code parameters.yaml}.
     */
    public static void removeParameter(Path pack, String key) {
        var lines = read(pack, "parameters.yaml").lines().toList();
        var kept = new ArrayList<String>(lines.size());
        var sibling = Pattern.compile("^ {0,2}\\S.*");
        var removing = false;
        var found = false;
        for (var line : lines) {
            if (line.equals("  " + key + ":")) {
                removing = true;
                found = true;
                continue;
            }
            if (removing && sibling.matcher(line).matches()) {
                removing = false;
            }
            if (!removing) {
                kept.add(line);
            }
        }
        assertThat(found).as("parameter %s in parameters.yaml", key).isTrue();
        write(pack, "parameters.yaml", String.join("\n", kept) + "\n");
    }

    /** Removes the message with {@code key}, which the pack writes on one line. */
    public static void removeMessage(Path pack, String key) {
        var text = read(pack, "messages.yaml");
        var line = Pattern.compile("(?m)^  " + Pattern.quote(key) + ": .*\\n");
        var matcher = line.matcher(text);
        assertThat(matcher.find()).as("message %s in messages.yaml", key).isTrue();
        write(pack, "messages.yaml", matcher.replaceFirst(""));
    }

    public static void delete(Path pack, String file) {
        try {
            Files.delete(pack.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path pack, String file) {
        try {
            return Files.readString(pack.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path pack, String file, String text) {
        try {
            Files.writeString(pack.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code pack} and returns the rejection it must cause. */
    public static RulePackRejected rejectionOf(Path pack) {
        var rejection = catchThrowableOfType(RulePackRejected.class, () -> RulePackLoader.fromDirectory(pack));
        assertThat(rejection).as("the pack in %s is rejected", pack).isNotNull();
        return rejection;
    }
}
