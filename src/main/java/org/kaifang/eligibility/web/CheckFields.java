package org.kaifang.eligibility.web;

import java.util.List;

/** Maps the JSON pointers of request problems to the fields of the {@code /check} form. */
final class CheckFields {

    /** Form fields in page order; the error summary lists errors in this order. */
    static final List<String> ORDER = List.of(
            "asOf",
            "name",
            "uscc",
            "seat",
            "zones",
            "capital",
            "credit",
            "equity",
            "ownership",
            "services",
            "coverage",
            "facilities",
            "content");

    private CheckFields() {}

    static String field(String pointer) {
        if (pointer.startsWith("/asOf")) {
            return "asOf";
        }
        if (pointer.startsWith("/applicant/name")) {
            return "name";
        }
        if (pointer.startsWith("/applicant/uscc")) {
            return "uscc";
        }
        if (pointer.startsWith("/applicant/seat")) {
            return "seat";
        }
        if (pointer.startsWith("/applicant/zones")) {
            return "zones";
        }
        if (pointer.startsWith("/applicant/registeredCapitalCny")) {
            return "capital";
        }
        if (pointer.startsWith("/applicant/creditStatus")) {
            return "credit";
        }
        if (pointer.startsWith("/foreignEquityPercent")) {
            return "equity";
        }
        if (pointer.startsWith("/ownership")) {
            return "ownership";
        }
        if (pointer.matches("/services/\\d+/coverage.*")) {
            return "coverage";
        }
        if (pointer.matches("/services/\\d+/facilities.*")) {
            return "facilities";
        }
        if (pointer.matches("/services/\\d+/content.*")) {
            return "content";
        }
        return "services";
    }
}
