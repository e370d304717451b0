package org.kaifang.notifications;

import org.kaifang.applications.ApplicationId;

/** What one event tells one audience: a subject and a body in both languages, and the application they are about. */
record Notice(Topic topic, Audience audience, ApplicationId application, Bilingual subject, Bilingual body) {

    /** The page the notice links to. */
    String link() {
        return "/applications/" + application;
    }
}
