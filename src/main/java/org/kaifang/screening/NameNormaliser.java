package org.kaifang.screening;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.kaifang.screening.NormalisedName.Token;
import org.kaifang.screening.NormalisedName.TokenKind;

/**
 * Normalises names for matching: Unicode NFKC (full-width to ASCII), case and accent folding, punctuation, legal forms
 * in English and Chinese, traditional → simplified characters and Han → pinyin (ICU4J).
 *
 * <p>ICU's transliterators are slow per call (about a millisecond for a company name), so both conversions are done
 * one character at a time through a cache: names on the lists reuse a few thousand characters.
 */
final class NameNormaliser {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`ʼ´]");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    /** Canonical spelling of single-token legal forms. */
    private static final Map<String, String> LEGAL_FORMS = Map.ofEntries(
            Map.entry("inc", "inc"),
            Map.entry("incorporated", "inc"),
            Map.entry("corp", "corp"),
            Map.entry("corporation", "corp"),
            Map.entry("co", "co"),
            Map.entry("company", "co"),
            Map.entry("ltd", "ltd"),
            Map.entry("limited", "ltd"),
            Map.entry("llc", "llc"),
            Map.entry("lp", "lp"),
            Map.entry("llp", "llp"),
            Map.entry("lllp", "lllp"),
            Map.entry("plc", "plc"),
            Map.entry("gmbh", "gmbh"),
            Map.entry("ag", "ag"),
            Map.entry("sa", "sa"),
            Map.entry("srl", "srl"),
            Map.entry("bv", "bv"),
            Map.entry("nv", "nv"),
            Map.entry("kk", "kk"),
            Map.entry("pte", "pte"),
            Map.entry("pty", "pty"),
            Map.entry("group", "group"),
            Map.entry("holdings", "holdings"),
            Map.entry("holding", "holdings"));

    /** Legal forms of two words, with their canonical single token. */
    private static final Map<String, String> LEGAL_PAIRS = Map.of(
            "limited partnership", "lp",
            "limited liability", "llc",
            "kabushiki kaisha", "kk");

    private static final Set<String> STOPWORDS = Set.of("the", "of", "and", "for", "by", "de", "der", "la", "le");

    /** Chinese legal forms, longest first; removed from the end of a name, repeatedly. */
    private static final List<String> HAN_LEGAL_FORMS = List.of("股份有限公司", "有限责任公司", "有限公司", "株式会社", "公司", "集团", "控股");

    private static final Map<Integer, String> SIMPLIFIED = new ConcurrentHashMap<>();
    private static final Map<Integer, String> PINYIN = new ConcurrentHashMap<>();
    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");
    private static final Transliterator TO_PINYIN = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");

    private NameNormaliser() {}

    static NormalisedName normalise(String name) {
        var text = Normalizer.normalize(name, Normalizer.Form.NFKC);
        var han = new StringBuilder();
        var latin = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han.append(simplified(c));
                latin.append(' ');
            } else {
                latin.appendCodePoint(c);
            }
        });
        var hanLegalForms = new ArrayList<String>();
        var core = stripHanLegalForms(han.toString(), hanLegalForms);
        var pinyin = new ArrayList<String>();
        core.codePoints().forEach(c -> pinyin.add(pinyin(c)));
        return new NormalisedName(name, latinTokens(latin.toString()), core, hanLegalForms, pinyin);
    }

    private static List<Token> latinTokens(String text) {
        var folded = Normalizer.normalize(text, Normalizer.Form.NFD);
        folded = MARKS.matcher(folded).replaceAll("");
        folded = folded.toLowerCase(Locale.ROOT)
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("œ", "oe")
                .replace("ø", "o")
                .replace("ł", "l")
                .replace("đ", "d")
                .replace("ı", "i")
                .replace("&", " and ");
        // "Inc." and "L.L.C." lose their dots without splitting; "O'Brien" keeps one token.
        folded = APOSTROPHES.matcher(folded.replace(".", "")).replaceAll("");
        folded = NOT_ALNUM.matcher(folded).replaceAll(" ").strip();
        var tokens = new ArrayList<Token>();
        if (folded.isEmpty()) {
            return tokens;
        }
        var words = folded.split(" ");
        for (var i = 0; i < words.length; i++) {
            var word = words[i];
            if (i + 1 < words.length) {
                var pair = LEGAL_PAIRS.get(word + " " + words[i + 1]);
                if (pair != null) {
                    tokens.add(new Token(pair, TokenKind.LEGAL_FORM));
                    i++;
                    if (pair.equals("llc") && i + 1 < words.length && words[i + 1].equals("company")) {
                        i++;
                    }
                    continue;
                }
            }
            var legal = LEGAL_FORMS.get(word);
            if (legal != null) {
                tokens.add(new Token(legal, TokenKind.LEGAL_FORM));
            } else if (STOPWORDS.contains(word)) {
                tokens.add(new Token(word, TokenKind.STOPWORD));
            } else if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
                tokens.add(new Token(word, TokenKind.INITIAL));
            } else {
                tokens.add(new Token(word, TokenKind.WORD));
            }
        }
        return tokens;
    }

    private static String stripHanLegalForms(String han, List<String> removed) {
        var core = han;
        var changed = true;
        while (changed) {
            changed = false;
            for (var form : HAN_LEGAL_FORMS) {
                // A name that is nothing but a legal form keeps it: it is all there is to compare.
                if (core.endsWith(form) && core.length() > form.length()) {
                    core = core.substring(0, core.length() - form.length());
                    removed.addFirst(form);
                    changed = true;
                    break;
                }
            }
        }
        return core;
    }

    private static String simplified(int c) {
        return SIMPLIFIED.computeIfAbsent(c, k -> {
            synchronized (TO_SIMPLIFIED) {
                return TO_SIMPLIFIED.transliterate(Character.toString(k));
            }
        });
    }

    private static String pinyin(int c) {
        return PINYIN.computeIfAbsent(c, k -> {
            synchronized (TO_PINYIN) {
                return NOT_ALNUM
                        .matcher(TO_PINYIN.transliterate(Character.toString(k)))
                        .replaceAll("");
            }
        });
    }

    /**
     * The name reduced to a key under which review decisions are remembered: Latin tokens as normalised (case, width,
     * accents, punctuation and legal forms folded) and the simplified Chinese core with its legal forms.
     */
    static String key(String name) {
        var n = normalise(name);
        var out = new StringBuilder();
        for (var token : n.tokens()) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(token.text());
        }
        out.append('|').append(n.han());
        for (var form : n.hanLegalForms()) {
            out.append(' ').append(form);
        }
        return out.length() > 1000 ? out.substring(0, 1000) : out.toString();
    }
}
