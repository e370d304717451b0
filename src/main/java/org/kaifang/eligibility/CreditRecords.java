package org.kaifang.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Where the telecom credit lists are kept (the licensing module implements this): which lists a company is on, by its
 * unified social credit code, on a date. Determinations merge the answer into the applicant's stated
 * {@code creditStatus}, so an applicant on a list cannot leave it out of its request, and the credit finding names the
 * entries it rests on. Without an implementation, no company is on any list.
 */
public interface CreditRecords {

    /** The lists the company with {@code uscc} is on, on {@code on}. */
    Set<CreditStatus> of(String uscc, LocalDate on);

    /**
     * The entries that put the company with {@code uscc} on a list on {@code on}, with the fields of MIIT's 2018 notice
     * a finding cites: which list, since when, why and by which authority. Empty by default, for records that keep
     * only the statuses.
     */
    default List<Entry> entries(String uscc, LocalDate on) {
        return List.of();
    }

    /**
     * One entry on a credit list, as a determination cites it.
     *
     * @param list the list
     * @param listedOn the day it was put on the list
     * @param reason why (the entry's reason, usually bilingual)
     * @param authority the administration that listed it
     */
    record Entry(CreditStatus list, LocalDate listedOn, String reason, String authority) {}
}
