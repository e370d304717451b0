/** The command line: {@code kaifang serve}, {@code check} and {@code rules …}, built with picocli. */
@NullMarked
@ApplicationModule(displayName = "Command line")
package org.kaifang.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
