package org.kaifang.web;

import java.util.List;

/**
 * Warnings every administrator must see on every page until the cause is dealt with, such as an audit trail found
 * broken at start-up. Modules provide them; the shell shows them above each page's content to administrators only, and
 * depends on this interface only.
 */
public interface AdminWarnings {

    /** A warning as a message key of the bundle and its arguments. */
    record Warning(String key, List<Object> arguments) {
        public Warning {
            arguments = List.copyOf(arguments);
        }
    }

    /** The warnings now; empty when all is well. Called on every page an administrator sees: keep it cheap. */
    List<Warning> current();
}
