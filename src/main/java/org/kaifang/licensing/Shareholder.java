package org.kaifang.licensing;

import java.math.BigDecimal;

/**
 * A shareholder of a licence holder, as a {@code CHANGE} application states it (issue 6 §2: a change amends the
 * shareholders).
 *
 * @param name the shareholder's registered name
 * @param percent its share of the registered capital, 0 to 100
 */
public record Shareholder(String name, BigDecimal percent) {}
