package org.kaifang.web;

/**
 * Lets requests to some paths carry a larger body than the mebibyte every other request is held to, e.g. document
 * uploads. A module declares one as a bean; the first whose pattern matches a request's path applies.
 *
 * @param pathPattern a Spring {@code PathPattern}, e.g. {@code /api/v1/applications/{id}/documents}
 * @param maxBytes the largest body accepted on those paths
 */
public record LargerBody(String pathPattern, long maxBytes) {

    public LargerBody {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
    }
}
