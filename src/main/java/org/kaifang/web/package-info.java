/**
 * The web shell: layout, language, error pages, security and the home page. Other modules' pages render into its
 * layout through {@link org.kaifang.web.Page}.
 */
@NullMarked
@ApplicationModule(displayName = "Web shell")
package org.kaifang.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
