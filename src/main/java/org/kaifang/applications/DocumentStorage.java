package org.kaifang.applications;

import org.kaifang.web.LargerBody;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chooses where document contents are kept, and lets uploads through the request-size limit. */
@Configuration(proxyBeanMethods = false)
class DocumentStorage {

    /** Room for the multipart framing and the other fields around the file. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    @Bean
    DocumentContents documentContents(DocumentSettings settings, JdbcClient jdbc) {
        return switch (settings.storage()) {
            case DATABASE -> new DatabaseContents(jdbc);
            case DIRECTORY -> new DirectoryContents(settings.dir());
        };
    }

    @Bean
    LargerBody documentUploads(DocumentSettings settings) {
        return new LargerBody(
                "/api/v1/applications/{id}/documents", settings.maxBytes().toBytes() + MULTIPART_OVERHEAD);
    }

    @Bean
    LargerBody documentUploadPages(DocumentSettings settings) {
        return new LargerBody(
                "/applications/{id}/documents", settings.maxBytes().toBytes() + MULTIPART_OVERHEAD);
    }
}
