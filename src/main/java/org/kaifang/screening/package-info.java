/**
 * Restricted-party screening: China's Unreliable Entity List, MOFCOM export-control lists and MFA counter-measures as
 * versioned, cited data; names matched across Latin and Chinese script; each party's result as of a date, with every
 * hit explained and the list version recorded. Depends on no other module.
 */
@NullMarked
@ApplicationModule(displayName = "Screening")
package org.kaifang.screening;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
