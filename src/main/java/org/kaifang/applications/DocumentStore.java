package org.kaifang.applications;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where the metadata of application documents is kept. */
@Repository
class DocumentStore {

    private static final String COLUMNS = "id, application_id, kind, version, media_type, size_bytes, sha256,"
            + " display_name, uploaded_by, uploaded_by_name, uploaded_at";

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the application's row until the transaction ends, so that an upload and a transition (a submission, say)
     * cannot interleave: the upload sees the state it is judged against.
     */
    void lock(ApplicationId application) {
        jdbc.sql("select version from applications.application where id = :id for update")
                .param("id", application.value())
                .query(Long.class)
                .optional();
    }

    List<ApplicationDocument> of(ApplicationId application) {
        return jdbc.sql("select " + COLUMNS
                        + " from applications.document where application_id = :id order by kind, version")
                .param("id", application.value())
                .query((rs, n) -> new ApplicationDocument(
                        new DocumentId(rs.getObject("id", java.util.UUID.class)),
                        new ApplicationId(rs.getObject("application_id", java.util.UUID.class)),
                        rs.getString("kind"),
                        rs.getInt("version"),
                        format(rs.getString("media_type")),
                        rs.getLong("size_bytes"),
                        rs.getString("sha256"),
                        rs.getString("display_name"),
                        rs.getString("uploaded_by"),
                        rs.getString("uploaded_by_name"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    Optional<ApplicationDocument> find(ApplicationId application, DocumentId id) {
        return of(application).stream().filter(d -> d.id().equals(id)).findFirst();
    }

    void insert(ApplicationDocument d) {
        jdbc.sql("insert into applications.document (" + COLUMNS + ") values (:id, :application, :kind, :version,"
                        + " :mediaType, :size, :sha256, :displayName, :uploadedBy, :uploadedByName, :uploadedAt)")
                .param("id", d.id().value())
                .param("application", d.application().value())
                .param("kind", d.kind())
                .param("version", d.version())
                .param("mediaType", d.format().mediaType())
                .param("size", d.size())
                .param("sha256", d.sha256())
                .param("displayName", d.displayName())
                .param("uploadedBy", d.uploadedBy())
                .param("uploadedByName", d.uploadedByName())
                .param("uploadedAt", Timestamp.from(d.uploadedAt()))
                .update();
    }

    void delete(DocumentId id) {
        jdbc.sql("delete from applications.document where id = :id")
                .param("id", id.value())
                .update();
    }

    private static DocumentFormat format(String mediaType) {
        for (var format : DocumentFormat.values()) {
            if (format.mediaType().equals(mediaType)) {
                return format;
            }
        }
        throw new IllegalStateException("Unknown stored media type " + mediaType);
    }
}
