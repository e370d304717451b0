package org.kaifang.eligibility;

import java.time.LocalDate;
import java.util.Set;

/**
 * Where the telecom credit lists are kept (the licensing module implements this): which lists a company is on, by its
 * unified social credit code, on a date. Determinations merge the answer into the applicant's stated
 * {@code creditStatus}, so an applicant on a list cannot leave it out of its request. Without an implementation, no
 * company is on any list.
 */
public interface CreditRecords {

    /** The lists the company with {@code uscc} is on, on {@code on}. */
    Set<CreditStatus> of(String uscc, LocalDate on);
}
