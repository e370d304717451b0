/**
 * Accounts: the organisations that use Kaifang (applicant companies and the regulator's offices), their users and
 * the roles those users hold. Signs users in for Spring Security and tells other modules who is acting, through
 * {@link org.kaifang.accounts.CurrentUser}, so that they can decide what that user may see and do. Depends on no
 * other module.
 */
@NullMarked
@ApplicationModule(
        displayName = "Accounts",
        allowedDependencies = {})
package org.kaifang.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
