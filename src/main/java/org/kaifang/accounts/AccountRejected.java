package org.kaifang.accounts;

import java.util.List;

/** An organisation or user was not created or changed because the request has problems; every problem is listed. */
public class AccountRejected extends RuntimeException {

    private final List<String> problems;

    public AccountRejected(List<String> problems) {
        super(
                problems.size() == 1
                        ? problems.getFirst()
                        : problems.size() + " problems: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as a sentence a user can act on. */
    public List<String> problems() {
        return problems;
    }
}
