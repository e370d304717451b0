package org.kaifang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Content Security Policy allows scripts from our own origin only, so a template may hold no inline script and no
 * event-handler attribute: they would be blocked in the browser, silently. This finds any before a browser does.
 */
class InlineScriptsTests {

    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("\\s(on[a-z]+)\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern JS_URL =
            Pattern.compile("(href|src|action)\\s*=\\s*\"\\s*javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTMX_SCRIPTING =
            Pattern.compile("\\s(hx-on[:-][a-z:-]*|hx-vals\\s*=\\s*['\"]js:)", Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasAnInlineScriptAHandlerAttributeOrAJavascriptUrl() throws IOException {
        var found = new ArrayList<String>();
        var templates = 0;
        try (var files = Files.walk(Path.of("src/main/jte"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
                templates++;
                var text = Files.readString(file);
                for (var pattern : new Pattern[] {INLINE_SCRIPT, HANDLER, JS_URL, HTMX_SCRIPTING}) {
                    var matcher = pattern.matcher(text);
                    while (matcher.find()) {
                        found.add(file + ": " + matcher.group());
                    }
                }
            }
        }
        assertThat(templates).as("templates found").isGreaterThan(10);
        assertThat(found).isEmpty();
    }

    @Test
    void htmxIsConfiguredNotToEvaluateScriptOrInjectStyles() throws IOException {
        var layout = Files.readString(Path.of("src/main/jte/layout/page.jte"));

        assertThat(layout)
                .contains("\"allowEval\":false")
                .contains("\"includeIndicatorStyles\":false")
                .containsPattern("<script src=\"/webjars/htmx.org/dist/htmx.min.js\" defer></script>");
    }
}
