package org.kaifang.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The common passwords a user may not choose ({@code accounts/common-passwords.txt}): those of 12 characters or more
 * near the top of public breach lists, which length alone does not stop (NIST SP 800-63B §5.1.1.2 asks for such a
 * check).
 */
final class CommonPasswords {

    private static final Set<String> PASSWORDS = load();

    private CommonPasswords() {}

    /** Whether {@code password}, ignoring case and surrounding spaces, is on the list. */
    static boolean contains(String password) {
        return PASSWORDS.contains(password.strip().toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (var in = Objects.requireNonNull(
                        CommonPasswords.class.getResourceAsStream("/accounts/common-passwords.txt"),
                        "accounts/common-passwords.txt is missing");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
