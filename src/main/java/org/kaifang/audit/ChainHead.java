package org.kaifang.audit;

/**
 * The end of the chain as the trail keeps it: the last record's sequence number and hash. Printed or exported
 * regularly and kept outside the database, it anchors the chain: a trail rewritten from some record on no longer
 * reaches an anchored head (docs/audit.md).
 *
 * @param sequence 0 while the trail is empty
 * @param hash 64 zeros while the trail is empty
 */
public record ChainHead(long sequence, String hash) {}
