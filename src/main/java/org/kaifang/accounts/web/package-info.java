/** The accounts module's pages: a user's own API tokens. */
@NullMarked
package org.kaifang.accounts.web;

import org.jspecify.annotations.NullMarked;
