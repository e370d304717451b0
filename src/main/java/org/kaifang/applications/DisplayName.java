package org.kaifang.applications;

/**
 * Makes an uploader's file name safe to show as text: the last path segment only, without control characters,
 * bidirectional overrides or characters file systems and headers treat specially, and at most 120 characters. The
 * result is only ever displayed.
 */
final class DisplayName {

    static final int MAX = 120;

    private DisplayName() {}

    static String of(String original, String fallback) {
        var name = original;
        var slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        var kept = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .filter(c -> Character.getType(c) != Character.FORMAT)
                .filter(c -> "<>:\"/\\|?*%;".indexOf(c) < 0)
                .limit(MAX)
                .forEach(kept::appendCodePoint);
        var result = kept.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1).strip();
        }
        return result.isEmpty() ? fallback : result;
    }
}
