package org.kaifang.applications;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Keeps document contents in {@code applications.document_content}, in the same transaction as their metadata. */
final class DatabaseContents implements DocumentContents {

    private final JdbcClient jdbc;

    DatabaseContents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(DocumentId id, byte[] content) {
        jdbc.sql("insert into applications.document_content (document_id, content) values (:id, :content)")
                .param("id", id.value())
                .param("content", content)
                .update();
    }

    @Override
    public byte[] read(DocumentId id) {
        return jdbc.sql("select content from applications.document_content where document_id = :id")
                .param("id", id.value())
                .query(byte[].class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("No content for document " + id));
    }

    @Override
    public void delete(DocumentId id) {
        jdbc.sql("delete from applications.document_content where document_id = :id")
                .param("id", id.value())
                .update();
    }
}
