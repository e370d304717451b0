package org.kaifang.whatif;

import org.kaifang.rules.RulePack;

/**
 * A candidate rule-pack version, validated like any pack, with where it came from.
 *
 * @param source {@code bundled:NAME}, {@code directory:PATH} or {@code upload:DIGEST}, so that a stored run can load it
 *     again for a single enterprise's per-rule difference
 */
record Candidate(String source, RulePack pack) {}
