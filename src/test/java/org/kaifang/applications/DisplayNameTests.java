package org.kaifang.applications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNameTests {

    @Test
    void keepsAnOrdinaryNameInEitherLanguage() {
        assertThat(DisplayName.of("营业执照 2025.pdf", "x")).isEqualTo("营业执照 2025.pdf");
        assertThat(DisplayName.of("Business licence.pdf", "x")).isEqualTo("Business licence.pdf");
    }

    @Test
    void dropsPathsControlCharactersAndBidiOverrides() {
        assertThat(DisplayName.of("../../etc/passwd", "x")).isEqualTo("passwd");
        assertThat(DisplayName.of("C:\\Users\\a\\scan.png", "x")).isEqualTo("scan.png");
        assertThat(DisplayName.of("invoice\u202Efdp.exe", "x")).isEqualTo("invoicefdp.exe");
        assertThat(DisplayName.of("a\r\nSet-Cookie: x=1\".pdf", "x")).isEqualTo("aSet-Cookie x=1.pdf");
        assertThat(DisplayName.of("<script>.pdf", "x")).isEqualTo("script.pdf");
    }

    @Test
    void fallsBackWhenNothingIsLeftAndShortensLongNames() {
        assertThat(DisplayName.of("", "articles.pdf")).isEqualTo("articles.pdf");
        assertThat(DisplayName.of("...", "articles.pdf")).isEqualTo("articles.pdf");
        assertThat(DisplayName.of("x".repeat(500), "f")).hasSize(DisplayName.MAX);
    }
}
