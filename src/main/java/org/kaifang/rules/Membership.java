package org.kaifang.rules;

/** Whether a place lies in an area. */
public enum Membership {
    /** The place lies wholly inside the area. */
    INSIDE,
    /** The division is only partly inside the area, and nothing declared settles which part the place is in. */
    PARTLY,
    /** The place lies outside the area. */
    OUTSIDE
}
