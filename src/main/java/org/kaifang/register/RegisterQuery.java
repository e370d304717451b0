package org.kaifang.register;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kaifang.licensing.LicenceStatus;

/**
 * A search of the public register. Every criterion is optional; those given must all hold.
 *
 * @param text part of the holder's Chinese or English name, or a whole USCC or licence number
 * @param service a catalogue code the licence covers, e.g. {@code B25}
 * @param area a province-level division code the licence covers ({@code CN} for nationwide licences)
 * @param page from 0
 */
public record RegisterQuery(
        @Nullable String text,
        @Nullable String service,
        @Nullable String area,
        @Nullable LicenceStatus status,
        @Nullable Boolean foreignInvested,
        @Nullable Boolean pilot,
        int page,
        int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Paging deeper than this is refused: bulk data serves whoever needs everything. */
    public static final int MAX_OFFSET = 10_000;

    private static final Pattern SERVICE = Pattern.compile("[AB][0-9]{1,2}");
    private static final Pattern AREA = Pattern.compile("CN|[0-9]{6}");

    /** Everything, first page. */
    public static RegisterQuery all() {
        return new RegisterQuery(null, null, null, null, null, null, 0, DEFAULT_SIZE);
    }

    public boolean filtered() {
        return text != null
                || service != null
                || area != null
                || status != null
                || foreignInvested != null
                || pilot != null;
    }

    public long offset() {
        return (long) page * size;
    }

    /**
     * Reads a query from request parameters as typed; blank parameters are left out. Throws {@link InvalidQuery}
     * naming every parameter that is wrong.
     */
    public static RegisterQuery parse(Map<String, @Nullable String> parameters) {
        var problems = new LinkedHashMap<String, String>();
        var text = blank(parameters.get("q"));
        if (text != null && text.length() > 100) {
            problems.put("q", "is longer than 100 characters");
        }
        var service = upper(parameters.get("service"));
        if (service != null && !SERVICE.matcher(service).matches()) {
            problems.put("service", "is not a catalogue code such as B25");
        }
        var area = upper(parameters.get("area"));
        if (area != null && !AREA.matcher(area).matches()) {
            problems.put("area", "is not CN or a six-digit division code");
        }
        LicenceStatus status = null;
        var statusText = upper(parameters.get("status"));
        if (statusText != null) {
            try {
                status = LicenceStatus.valueOf(statusText);
            } catch (IllegalArgumentException e) {
                problems.put("status", "is not one of " + List.of(LicenceStatus.values()));
            }
        }
        var foreign = bool(parameters.get("foreignInvested"), "foreignInvested", problems);
        var pilot = bool(parameters.get("pilot"), "pilot", problems);
        var page = number(parameters.get("page"), 0, "page", problems);
        var size = number(parameters.get("size"), DEFAULT_SIZE, "size", problems);
        if (size < 1 || size > MAX_SIZE) {
            problems.put("size", "must be between 1 and " + MAX_SIZE);
        }
        if (page < 0) {
            problems.put("page", "must not be negative");
        } else if ((long) page * Math.max(size, 1) > MAX_OFFSET) {
            problems.put(
                    "page", "goes beyond the first " + MAX_OFFSET + " results; narrow the search or use bulk data");
        }
        if (area != null && area.length() == 6) {
            area = Areas.province(area);
        }
        if (!problems.isEmpty()) {
            throw new InvalidQuery(problems);
        }
        return new RegisterQuery(text, service, area, status, foreign, pilot, page, size);
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable String upper(@Nullable String value) {
        var v = blank(value);
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    private static @Nullable Boolean bool(@Nullable String value, String name, Map<String, String> problems) {
        var v = blank(value);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> {
                problems.put(name, "is not true or false");
                yield null;
            }
        };
    }

    private static int number(@Nullable String value, int fallback, String name, Map<String, String> problems) {
        var v = blank(value);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            problems.put(name, "is not a whole number");
            return fallback;
        }
    }

    /** The query's parameters as a URL query string with {@code page} replaced, for links to other pages. */
    public String link(int toPage) {
        var parts = new ArrayList<String>();
        add(parts, "q", text);
        add(parts, "service", service);
        add(parts, "area", area);
        add(parts, "status", status == null ? null : status.name());
        add(parts, "foreignInvested", foreignInvested == null ? null : foreignInvested.toString());
        add(parts, "pilot", pilot == null ? null : pilot.toString());
        if (size != DEFAULT_SIZE) {
            add(parts, "size", Integer.toString(size));
        }
        add(parts, "page", Integer.toString(toPage));
        return String.join("&", parts);
    }

    /** The same query with one facet set (or cleared with {@code null}), from the first page. */
    public RegisterQuery with(String facet, @Nullable String value) {
        return switch (facet) {
            case "status" ->
                new RegisterQuery(
                        text,
                        service,
                        area,
                        value == null ? null : LicenceStatus.valueOf(value),
                        foreignInvested,
                        pilot,
                        0,
                        size);
            case "service" -> new RegisterQuery(text, value, area, status, foreignInvested, pilot, 0, size);
            case "area" -> new RegisterQuery(text, service, value, status, foreignInvested, pilot, 0, size);
            case "foreignInvested" ->
                new RegisterQuery(
                        text, service, area, status, value == null ? null : Boolean.valueOf(value), pilot, 0, size);
            case "pilot" ->
                new RegisterQuery(
                        text,
                        service,
                        area,
                        status,
                        foreignInvested,
                        value == null ? null : Boolean.valueOf(value),
                        0,
                        size);
            default -> throw new IllegalArgumentException(facet);
        };
    }

    private static void add(List<String> parts, String name, @Nullable String value) {
        if (value != null) {
            parts.add(name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** A query that cannot be run, with a message for each parameter at fault. */
    public static final class InvalidQuery extends RuntimeException {

        private final Map<String, String> problems;

        public InvalidQuery(Map<String, String> problems) {
            super("Invalid register query: " + problems);
            this.problems = Map.copyOf(problems);
        }

        /** Parameter name to what is wrong with it. */
        public Map<String, String> problems() {
            return problems;
        }
    }
}
