package org.kaifang.eligibility.web;

/** No determination has the id asked for. */
class DeterminationNotFound extends RuntimeException {

    DeterminationNotFound(String id) {
        super("No determination with id " + (id.length() > 60 ? id.substring(0, 60) + "…" : id));
    }
}
