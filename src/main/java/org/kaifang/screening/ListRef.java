package org.kaifang.screening;

/**
 * Which list data a screening used: its id, its version, and the SHA-256 digest of its content, so a result can be
 * reproduced later.
 */
public record ListRef(String id, String version, String digest) {}
