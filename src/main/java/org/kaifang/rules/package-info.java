/**
 * Rule packs: the law as dated, cited data. Loads and validates packs, computes their content digest, and answers
 * "which value was in force on date D" for parameters, the service catalogue, administrative divisions and the
 * pilot areas.
 */
@NullMarked
@ApplicationModule(displayName = "Rules")
package org.kaifang.rules;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
