package org.kaifang.applications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps document contents as files in a directory, each named after its document id, never after anything a user
 * sent. A file is written to a temporary name and moved into place; a write whose transaction rolls back is removed,
 * and a delete happens only once the transaction has committed, so a failure never loses a document that is still
 * listed.
 */
final class DirectoryContents implements DocumentContents {

    private final Path dir;

    DirectoryContents(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the documents directory " + this.dir, e);
        }
    }

    @Override
    public void write(DocumentId id, byte[] content) {
        var target = file(id);
        try {
            var temporary = Files.createTempFile(dir, "upload-", ".part");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write document " + id, e);
        }
        afterTransaction(status -> {
            if (status == TransactionSynchronization.STATUS_ROLLED_BACK) {
                remove(target);
            }
        });
    }

    @Override
    public byte[] read(DocumentId id) {
        var file = file(id);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No content for document " + id);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read document " + id, e);
        }
    }

    @Override
    public void delete(DocumentId id) {
        var file = file(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            afterTransaction(status -> {
                if (status == TransactionSynchronization.STATUS_COMMITTED) {
                    remove(file);
                }
            });
        } else {
            remove(file);
        }
    }

    Path file(DocumentId id) {
        return dir.resolve(id.value() + ".bin");
    }

    private static void afterTransaction(java.util.function.IntConsumer action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    action.accept(status);
                }
            });
        }
    }

    private static void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }
}
