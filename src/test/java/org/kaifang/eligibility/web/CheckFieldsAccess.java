package org.kaifang.eligibility.web;

import java.util.List;

/** Lets tests in other packages read the form's field list. */
public final class CheckFieldsAccess {

    private CheckFieldsAccess() {}

    public static List<String> fields() {
        return CheckFields.ORDER;
    }
}
