package org.kaifang.applications;

/** No application with this id that the actor may see: the two are not told apart, so ids cannot be probed. */
public final class ApplicationNotFound extends RuntimeException {

    public ApplicationNotFound(ApplicationId id) {
        super("No application " + id);
    }
}
