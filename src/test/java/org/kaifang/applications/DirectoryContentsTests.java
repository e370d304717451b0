package org.kaifang.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaifang.testing.SampleFiles;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class DirectoryContentsTests {

    @TempDir
    Path dir;

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void keepsContentUnderTheDocumentIdOnly() throws Exception {
        var contents = new DirectoryContents(dir);
        var id = DocumentId.random();
        var pdf = SampleFiles.pdf();

        contents.write(id, pdf);

        assertThat(contents.read(id)).isEqualTo(pdf);
        try (var listed = Files.list(dir)) {
            assertThat(listed.map(p -> p.getFileName().toString())).containsExactly(id.value() + ".bin");
        }
        contents.delete(id);
        assertThatThrownBy(() -> contents.read(id)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWriteRolledBackIsRemovedAndADeleteWaitsForTheCommit() {
        var contents = new DirectoryContents(dir);
        var kept = DocumentId.random();
        contents.write(kept, SampleFiles.png());

        TransactionSynchronizationManager.initSynchronization();
        var rolledBack = DocumentId.random();
        contents.write(rolledBack, SampleFiles.jpeg());
        contents.delete(kept);
        assertThat(contents.file(kept)).exists();
        complete(TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(contents.file(rolledBack)).doesNotExist();
        assertThat(contents.file(kept)).exists();

        TransactionSynchronizationManager.initSynchronization();
        contents.delete(kept);
        complete(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(contents.file(kept)).doesNotExist();
    }

    private static void complete(int status) {
        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(s -> s.afterCompletion(status));
    }
}
