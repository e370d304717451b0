/**
 * Licence applications: the {@link org.kaifang.applications.LicenceApplication} aggregate and its workflow (intake,
 * correction, acceptance, review, a four-eyes decision), its statutory clocks on China's working-day calendar, and its
 * history. The aggregate enforces the four-eyes rules itself, whatever the pages or the API do.
 */
@NullMarked
@ApplicationModule(displayName = "Applications")
package org.kaifang.applications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
