package org.kaifang.whatif;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.kaifang.rules.RulePack;
import org.kaifang.rules.RulePackLoader;
import org.kaifang.rules.RulePackProblem;
import org.kaifang.rules.RulePackRejected;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Candidate packs: those bundled under {@code rules/candidates/<name>/}, a directory (the CLI), or a zip upload (the
 * API). Each is loaded and validated by {@link RulePackLoader} exactly as the live pack is, so a defective candidate is
 * refused with every problem ({@link RulePackRejected}). An upload is kept under the data directory by its digest, so
 * that a run made of it can be judged again later.
 */
@Component
class Candidates {

    static final String BUNDLED = "bundled:";
    static final String DIRECTORY = "directory:";
    static final String UPLOAD = "upload:";

    /** The largest zip upload, and the largest file in it: a pack is a few hundred kilobytes of YAML. */
    static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern FILE = Pattern.compile("(?:[A-Za-z0-9_-]+/)?[A-Za-z0-9_.-]+\\.(?:yaml|md)");

    private final Path uploads;

    Candidates(@Value("${kaifang.data-dir:./data}") String dataDir) {
        this.uploads = Path.of(dataDir, "whatif", "candidates");
    }

    /** The names of the bundled candidates. */
    List<String> bundled() {
        try {
            var names = new ArrayList<String>();
            for (var resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:rules/candidates/*/pack.yaml")) {
                var url = resource.getURL().toString();
                var parts = url.split("/");
                names.add(parts[parts.length - 2]);
            }
            return names.stream().distinct().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bundled candidate {@code name}.
     *
     * @throws RulePackRejected when there is none by that name, or it is defective
     */
    Candidate bundled(String name) {
        if (!NAME.matcher(name).matches() || !bundled().contains(name)) {
            throw new RulePackRejected(
                    name,
                    List.of(new RulePackProblem(
                            "", "/candidate", "no bundled candidate '" + clip(name) + "'; bundled: " + bundled())));
        }
        return new Candidate(BUNDLED + name, RulePackLoader.fromClasspath("candidates/" + name));
    }

    /** The candidate in {@code directory}, validated. */
    Candidate directory(Path directory) {
        var absolute = directory.toAbsolutePath().normalize();
        return new Candidate(DIRECTORY + absolute, RulePackLoader.fromDirectory(absolute));
    }

    /**
     * A candidate uploaded as a zip of the pack's files (at the top level or in one folder), validated and kept.
     *
     * @throws RulePackRejected when the zip is unreadable, too large, holds unexpected paths, or the pack is defective
     */
    Candidate upload(byte[] zip) {
        var problems = new ArrayList<RulePackProblem>();
        if (zip.length == 0) {
            throw rejected("the upload is empty: send a zip of the pack's files");
        }
        if (zip.length > MAX_UPLOAD_BYTES) {
            throw rejected("the upload is larger than " + MAX_UPLOAD_BYTES + " bytes");
        }
        var digest = sha256(zip);
        var target = uploads.resolve(digest);
        try {
            var staging = Files.createTempDirectory("kaifang-candidate");
            var total = 0L;
            var files = 0;
            try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (entry.isDirectory()) {
                        continue;
                    }
                    var name = entry.getName();
                    if (!FILE.matcher(name).matches() || name.contains("..")) {
                        problems.add(new RulePackProblem(
                                clip(name), "", "unexpected entry: a pack holds only .yaml and .md files"));
                        continue;
                    }
                    var bytes = in.readNBytes(MAX_UPLOAD_BYTES + 1);
                    total += bytes.length;
                    if (++files > 200 || total > 8L * MAX_UPLOAD_BYTES) {
                        throw rejected("the zip expands to too many files or bytes");
                    }
                    // A single top-level folder is allowed: its files are the pack's.
                    var relative = name.contains("/") && !name.startsWith("examples/")
                            ? name.substring(name.indexOf('/') + 1)
                            : name;
                    var path = staging.resolve(relative).normalize();
                    if (!path.startsWith(staging)) {
                        problems.add(new RulePackProblem(clip(name), "", "unexpected entry"));
                        continue;
                    }
                    Files.createDirectories(path.getParent());
                    Files.write(path, bytes);
                }
            } catch (java.util.zip.ZipException e) {
                throw rejected("the upload is not a readable zip: " + e.getMessage());
            }
            RulePack pack;
            try {
                if (!problems.isEmpty()) {
                    throw new RulePackRejected("upload", problems);
                }
                pack = RulePackLoader.fromDirectory(staging);
            } catch (RulePackRejected e) {
                org.springframework.util.FileSystemUtils.deleteRecursively(staging);
                throw e;
            }
            Files.createDirectories(target.getParent());
            try {
                if (!Files.exists(target)) {
                    Files.move(staging, target);
                }
            } catch (IOException e) {
                // Another request kept the same upload first: the same bytes, so either copy will do.
            }
            if (Files.exists(staging)) {
                org.springframework.util.FileSystemUtils.deleteRecursively(staging);
            }
            return new Candidate(UPLOAD + digest, pack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The candidate a stored run names, loaded again. */
    RulePack reload(String source) {
        if (source.startsWith(BUNDLED)) {
            return bundled(source.substring(BUNDLED.length())).pack();
        }
        if (source.startsWith(DIRECTORY)) {
            return RulePackLoader.fromDirectory(Path.of(source.substring(DIRECTORY.length())));
        }
        if (source.startsWith(UPLOAD)) {
            return RulePackLoader.fromDirectory(uploads.resolve(source.substring(UPLOAD.length())));
        }
        throw new IllegalArgumentException("Unknown candidate source " + source);
    }

    private static RulePackRejected rejected(String message) {
        return new RulePackRejected("upload", List.of(new RulePackProblem("", "/file", message)));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
