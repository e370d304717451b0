/**
 * Policy what-if: every licence holder and every pending application judged under the current rule pack and under a
 * candidate pack as of a chosen date, reporting who gains and who loses each service, by service and area, with the
 * per-rule difference for any one enterprise. Runs stream their subjects, judge each distinct input once, store their
 * changes in batches, show progress live and can be cancelled.
 */
@NullMarked
@ApplicationModule(displayName = "Policy what-if")
package org.kaifang.whatif;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
