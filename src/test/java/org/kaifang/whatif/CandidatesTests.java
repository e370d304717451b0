package org.kaifang.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaifang.rules.RulePackRejected;

/** Candidate packs: bundled, uploaded as a zip (kept by digest, reloadable), and refused with every problem. */
class CandidatesTests {

    static final Path CANDIDATE = Path.of("rules/candidates/twenty-cities-2025");

    @TempDir
    Path data;

    byte[] zip(String folder, boolean withExtra) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes);
                var files = Files.list(CANDIDATE)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(folder + file.getFileName()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
            if (withExtra) {
                zip.putNextEntry(new ZipEntry("../evil.sh"));
                zip.write("rm -rf /".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void theShippedCandidateIsBundled() {
        var candidates = new Candidates(data.toString());
        assertThat(candidates.bundled()).contains("twenty-cities-2025");
        var candidate = candidates.bundled("twenty-cities-2025");
        assertThat(candidate.source()).isEqualTo("bundled:twenty-cities-2025");
        assertThat(candidate.pack().ref().version()).isEqualTo("1.1.0-draft.twenty-cities");
        assertThatThrownBy(() -> candidates.bundled("../telecom-vas")).isInstanceOf(RulePackRejected.class);
    }

    @Test
    void anUploadedZipIsValidatedKeptByItsDigestAndLoadedAgain() throws IOException {
        var candidates = new Candidates(data.toString());
        for (var folder : new String[] {"", "twenty-cities-2025/"}) {
            var candidate = candidates.upload(zip(folder, false));
            assertThat(candidate.source()).startsWith("upload:");
            assertThat(candidate.pack().ref().digest())
                    .isEqualTo(candidates
                            .bundled("twenty-cities-2025")
                            .pack()
                            .ref()
                            .digest());
            assertThat(candidates.reload(candidate.source()).ref())
                    .isEqualTo(candidate.pack().ref());
        }
    }

    @Test
    void aZipWithUnexpectedEntriesOrNoPackIsRefusedWithItsProblems() throws IOException {
        var candidates = new Candidates(data.toString());
        assertThatThrownBy(() -> candidates.upload(zip("", true)))
                .isInstanceOf(RulePackRejected.class)
                .hasMessageContaining("../evil.sh")
                .hasMessageContaining("unexpected entry");
        assertThatThrownBy(() -> candidates.upload("%PDF-1.7 not a zip".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(RulePackRejected.class)
                .hasMessageContaining("file is missing");
        assertThatThrownBy(() -> candidates.upload(new byte[0]))
                .isInstanceOf(RulePackRejected.class)
                .hasMessageContaining("empty");
    }
}
