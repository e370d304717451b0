package org.kaifang.licensing.web;

/** What the registrar typed into the ending form on a licence's page, to show again with the problems. */
public record EndForm(String action, String reason, String legalBasis, String date, String version) {

    static EndForm blank(long version) {
        return new EndForm("", "", "", "", Long.toString(version));
    }
}
