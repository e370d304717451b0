package org.kaifang.screening;

import java.util.List;

/**
 * A name reduced to what matching compares: Latin tokens (folded to lower-case ASCII, legal forms canonical), and the
 * Chinese part as simplified characters without legal forms or punctuation, with one pinyin syllable per character.
 *
 * @param han the Chinese core, empty when the name has no Chinese characters
 * @param hanLegalForms the Chinese legal forms removed from the end of the core, e.g. 有限公司
 * @param pinyin one toneless syllable per character of {@code han}
 */
record NormalisedName(
        String original, List<Token> tokens, String han, List<String> hanLegalForms, List<String> pinyin) {

    NormalisedName {
        tokens = List.copyOf(tokens);
        hanLegalForms = List.copyOf(hanLegalForms);
        pinyin = List.copyOf(pinyin);
    }

    boolean hasHan() {
        return !han.isEmpty();
    }

    boolean hasLatin() {
        return !tokens.isEmpty();
    }

    /** The distinctive tokens run together, which makes "Iron Mountain" and "IronMountain" one string. */
    String compact() {
        var out = new StringBuilder();
        var any = false;
        for (var i = 0; i < tokens.size(); i++) {
            var kind = tokens.get(i).kind();
            any |= kind == TokenKind.WORD || kind == TokenKind.INITIAL;
        }
        for (var i = 0; i < tokens.size(); i++) {
            var token = tokens.get(i);
            if (!any || token.kind() == TokenKind.WORD || token.kind() == TokenKind.INITIAL) {
                out.append(token.text());
            }
        }
        return out.toString();
    }

    /** The pinyin of the Chinese core as word tokens, to compare a Chinese name with a romanised one. */
    NormalisedName romanised() {
        return new NormalisedName(
                original, pinyin.stream().map(p -> new Token(p, TokenKind.WORD)).toList(), "", List.of(), List.of());
    }

    /** A token of a Latin-script name, and how much it says about identity. */
    record Token(String text, TokenKind kind) {}

    enum TokenKind {
        /** A distinctive word. */
        WORD(1.0),
        /** A single letter, usually a middle initial. */
        INITIAL(0.3),
        /** Inc., Corp., Ltd., LLC, Group…: common to many names, so it weighs little. */
        LEGAL_FORM(0.1),
        /** the, of, and… */
        STOPWORD(0.2);

        final double weight;

        TokenKind(double weight) {
            this.weight = weight;
        }
    }
}
