/**
 * Ownership: effective (look-through) foreign equity and control through multi-level, cyclic shareholding
 * structures, explained path by path. Pure computation; which jurisdictions count as foreign is given by the caller
 * from the rule pack.
 */
@NullMarked
@ApplicationModule(displayName = "Ownership")
package org.kaifang.ownership;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
