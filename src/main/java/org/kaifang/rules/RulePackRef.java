package org.kaifang.rules;

/**
 * Which encoding of the law decided: the pack's id, its semantic version and the SHA-256 digest of its content.
 *
 * @param digest {@code sha256:} followed by 64 hex digits
 */
public record RulePackRef(String id, String version, String digest) {}
