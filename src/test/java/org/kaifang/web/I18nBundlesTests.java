package org.kaifang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the Chinese and English bundles in step, and every key the templates use defined. */
class I18nBundlesTests {

    private static final Pattern LITERAL_KEY = Pattern.compile("page\\.t\\(\"([a-zA-Z0-9_.\\-]+)\"\\s*[,)]");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        var english = load("messages.properties");
        var chinese = load("messages_zh.properties");

        assertThat(new TreeSet<>(chinese.stringPropertyNames()))
                .as("keys of messages_zh.properties")
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
    }

    @Test
    void noMessageIsBlankAndChineseMessagesAreTranslated() throws IOException {
        var english = load("messages.properties");
        var chinese = load("messages_zh.properties");

        for (var key : english.stringPropertyNames()) {
            assertThat(english.getProperty(key)).as(key).isNotBlank();
            assertThat(chinese.getProperty(key)).as(key).isNotBlank();
        }
        var untranslated = chinese.stringPropertyNames().stream()
                .filter(k -> chinese.getProperty(k).equals(english.getProperty(k)))
                .filter(k -> chinese.getProperty(k).matches(".*[a-z]{4,}.*"))
                .toList();
        assertThat(untranslated)
                .as("Chinese messages identical to the English ones")
                .isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        var english = load("messages.properties");
        var missing = new TreeSet<String>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/jte"))) {
            for (var template :
                    templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
                var matcher = LITERAL_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!english.containsKey(matcher.group(1))) {
                        missing.add(template.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyComputedKeyExists() throws IOException {
        var english = load("messages.properties");
        for (var status : new String[] {"400", "401", "403", "404", "405", "413", "415", "500"}) {
            assertThat(english).containsKeys("error." + status + ".title", "error." + status + ".text");
        }
        for (var field : org.kaifang.eligibility.web.CheckFieldsAccess.fields()) {
            assertThat(english).containsKey("check.error." + field);
        }
        for (var outcome : new String[] {"PERMITTED", "REFER", "NOT_PERMITTED"}) {
            assertThat(english).containsKeys("outcome." + outcome, "outcome." + outcome + ".text");
        }
        for (var confidence : new String[] {"V", "S", "I", "M"}) {
            assertThat(english).containsKey("confidence." + confidence);
        }
        for (var content : new String[] {"NEWS", "PUBLISHING", "AUDIOVISUAL", "CULTURE", "MEDICAL"}) {
            assertThat(english).containsKey("content." + content);
        }
        assertThat(english).containsKeys("scope.CROSS_REGIONAL", "scope.PROVINCIAL");
    }

    @Test
    void countedCaptionsAgreeInNumber() throws IOException {
        var english = load("messages.properties");
        var caption = new MessageFormat(english.getProperty("credit.caption"), Locale.ENGLISH);

        assertThat(caption.format(new Object[] {0})).isEqualTo("No entries");
        assertThat(caption.format(new Object[] {1})).isEqualTo("1 entry");
        assertThat(caption.format(new Object[] {2400})).isEqualTo("2,400 entries");
        assertThat(new MessageFormat(english.getProperty("register.caption"), Locale.ENGLISH)
                        .format(new Object[] {1, 1, 1}))
                .isEqualTo("1 licence · page 1 of 1");
        assertThat(new MessageFormat(english.getProperty("inbox.summary"), Locale.ENGLISH).format(new Object[] {1, 0}))
                .isEqualTo("1 message, 0 unread, newest first.");
    }

    @Test
    void everyMessageParsesAsAMessageFormat() throws IOException {
        for (var name : new String[] {"messages.properties", "messages_zh.properties"}) {
            var bundle = load(name);
            for (var key : bundle.stringPropertyNames()) {
                var text = bundle.getProperty(key);
                if (text.contains("{")) {
                    assertThatCode(() -> new MessageFormat(text, Locale.ENGLISH))
                            .as(name + ": " + key)
                            .doesNotThrowAnyException();
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = I18nBundlesTests.class.getClassLoader().getResourceAsStream("i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
