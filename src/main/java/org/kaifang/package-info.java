/** Kaifang: the licensing platform for foreign-invested value-added telecom services in China. */
@NullMarked
package org.kaifang;

import org.jspecify.annotations.NullMarked;
