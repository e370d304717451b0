package org.kaifang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTests {

    /** GB 32100-2015's 31 characters: digits and capital letters without I, O, S, V and Z. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /**
     * The check character as GB 32100-2015 defines it, computed here independently of {@link Uscc}: the weight of
     * position i is 3^i mod 31, and the check value is 31 minus the weighted sum mod 31, with 31 written as 0.
     */
    static char checkCharacter(String body) {
        var sum = 0;
        var weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(body.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91310115MA1H7AB3C3", "91440300708461136T"})
    void acceptsAValidCode(String code) {
        assertThat(Uscc.problem(code)).isNull();
    }

    @Test
    void refusesACodeOfTheWrongLength() {
        assertThat(Uscc.problem("91310115MA1H7AB3C")).contains("18 characters").contains("17");
        assertThat(Uscc.problem("91310115MA1H7AB3C33"))
                .contains("18 characters")
                .contains("19");
        assertThat(Uscc.problem("")).contains("18 characters");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z', 'a', '-', ' '})
    void refusesACharacterOutsideTheAlphabet(char forbidden) {
        var code = "91310115M" + forbidden + "1H7AB3C3";

        assertThat(Uscc.problem(code)).contains("character 10").contains("'" + forbidden + "'");
    }

    @Test
    void refusesAForbiddenLetterInTheCheckPosition() {
        assertThat(Uscc.problem("91310115MA1H7AB3CO")).contains("character 18").contains("'O'");
    }

    @Test
    void refusesAWrongCheckCharacterNamingTheExpectedOne() {
        assertThat(Uscc.problem("91310115MA1H7AB3C4")).contains("'4'").contains("gives '3'");
        assertThat(Uscc.problem("91440300708461136U")).contains("'U'").contains("gives 'T'");
    }

    @Test
    void refusesATranspositionInTheBody() {
        assertThat(Uscc.problem("93110115MA1H7AB3C3")).contains("check character");
    }

    @Test
    void agreesWithTheIndependentCheckOnTheKnownCodes() {
        assertThat(checkCharacter("91310115MA1H7AB3C")).isEqualTo('3');
        assertThat(checkCharacter("91440300708461136")).isEqualTo('T');
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofLength(17);
    }

    @Provide
    Arbitrary<Character> alphabet() {
        return Arbitraries.of(ALPHABET.chars().mapToObj(c -> (char) c).toList());
    }

    @Property
    void acceptsAnyBodyFollowedByItsCheckCharacter(@ForAll("bodies") String body) {
        assertThat(Uscc.problem(body + checkCharacter(body))).isNull();
    }

    @Property
    void refusesAnyBodyFollowedByAnotherCheckCharacter(@ForAll("bodies") String body, @ForAll("alphabet") char other) {
        var expected = checkCharacter(body);
        Assume.that(other != expected);

        assertThat(Uscc.problem(body + other)).contains("gives '" + expected + "'");
    }
}
