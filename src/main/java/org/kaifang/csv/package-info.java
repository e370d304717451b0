/**
 * CSV as every download of Kaifang writes it: RFC 4180 lines, with cells that a spreadsheet would run as a formula
 * defused. One writer, so that the register's bulk data, the statistics' figures and the what-if's affected enterprises
 * cannot drift apart on quoting or on formula injection (docs/decisions/0007-one-csv-module.md).
 */
@NullMarked
@ApplicationModule(
        displayName = "CSV",
        allowedDependencies = {})
package org.kaifang.csv;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
