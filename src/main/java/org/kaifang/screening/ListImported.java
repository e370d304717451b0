package org.kaifang.screening;

/** Published once an import is committed: {@code list} is now the current version of its list id. */
record ListImported(RestrictedPartyList list, ListVersion version) {}
