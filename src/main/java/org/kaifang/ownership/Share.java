package org.kaifang.ownership;

/**
 * A share as a fraction of 1, exact or known only as a band ({@code low} ≤ {@code high}).
 */
public record Share(double low, double high) {

    public Share {
        if (!(low >= 0 && high <= 1 && low <= high)) {
            throw new IllegalArgumentException("A share must satisfy 0 <= low <= high <= 1: " + low + ", " + high);
        }
    }

    public static Share exactly(double fraction) {
        return new Share(fraction, fraction);
    }

    public boolean exact() {
        return low == high;
    }

    public double mid() {
        return (low + high) / 2;
    }
}
