package org.kaifang.web;

import org.kaifang.accounts.UserId;

/**
 * How many unread messages a user has, for the inbox link in the header. The notifications module provides it; the
 * shell depends on this interface only, so that it needs no module that renders into it.
 */
public interface UnreadMessages {

    int of(UserId user);
}
