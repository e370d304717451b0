package org.kaifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BilingualTests {

    private final Bilingual template =
            new Bilingual("{service}的外资比例{equity}%超过{cap}%", "{equity}% exceeds the {cap}% cap for {service}");

    @Test
    void fillsEveryPlaceholderInBothLanguagesInOnePass() {
        var filled =
                template.fill("equity", "60", "cap", "50", "service", new Bilingual("B25 信息服务", "B25 information"));
        assertThat(filled.zh()).isEqualTo("B25 信息服务的外资比例60%超过50%");
        assertThat(filled.en()).isEqualTo("60% exceeds the 50% cap for B25 information");
    }

    @Test
    void leavesUnknownPlaceholdersForALaterStepAndDoesNotRefillValues() {
        var partly = template.fill("equity", "{cap}");
        assertThat(partly.en()).isEqualTo("{cap}% exceeds the {cap}% cap for {service}");
        assertThat(template.with("service", "x")
                        .with("cap", "50")
                        .with("equity", "1")
                        .en())
                .isEqualTo("1% exceeds the 50% cap for x");
    }

    @Test
    void returnsItselfWhenThereIsNothingToFill() {
        var plain = new Bilingual("无", "none");
        assertThat(plain.fill("cap", "50")).isSameAs(plain);
        assertThat(new Bilingual("{unclosed", "{x} and {").fill("x", "1").en()).isEqualTo("1 and {");
    }

    @Test
    void rejectsAnOddNumberOfArguments() {
        assertThatThrownBy(() -> template.fill("cap")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFilledPackTemplateReadsAndComparesLikeAnEagerText() {
        var packTemplate = new MessageTemplate(template);
        var value = new StringBuilder("60");
        var filled = packTemplate.fill(
                "equity", value, "cap", "50", "service", new Bilingual("B25 信息服务", "B25 information"));
        value.append("0"); // values are captured when filled, not when read
        var eager = template.fill("equity", "60", "cap", "50", "service", new Bilingual("B25 信息服务", "B25 information"));
        assertThat(filled).isEqualTo(eager).hasSameHashCodeAs(eager);
        assertThat(filled.in("en")).isEqualTo("60% exceeds the 50% cap for B25 information");
        assertThat(filled.in(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("B25 信息服务的外资比例60%超过50%");
        var plain = new MessageTemplate(new Bilingual("无上限", "no cap"));
        assertThat(plain.fill("cap", "50")).isSameAs(plain.text());
        assertThat(packTemplate.fill("cap", "50").en()).isEqualTo("{equity}% exceeds the 50% cap for {service}");
        assertThat(packTemplate.placeholders()).containsExactly("equity", "cap", "service");
    }
}
