package org.kaifang.statistics.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.statistics.Figure;
import org.kaifang.web.Page;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dashboard as its template shows it: the range form, the headline, and per figure a chart specification (read by
 * {@code /js/statistics.js} from a data attribute, as the CSP allows no inline script) and the data table that is the
 * chart's accessible form and its fallback without JavaScript.
 */
public record DashboardView(
        boolean staff,
        @Nullable String from,
        @Nullable String to,
        @Nullable String period,
        Map<String, String> problems,
        @Nullable String headline,
        @Nullable String headlineDate,
        boolean synthetic,
        List<FigureView> figures) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One figure: its table and its chart. */
    public record FigureView(
            String name,
            String title,
            String definition,
            String asOf,
            String range,
            List<String> headers,
            List<List<String>> rows,
            String chart,
            String csv,
            @Nullable String json) {}

    /** What a chart shows: which column gives the categories and which the series, for which rows. */
    record ChartSpec(
            String type,
            String category,
            List<String> series,
            @Nullable String filterColumn,
            @Nullable String filterValue) {}

    static final Map<String, ChartSpec> CHARTS = Map.of(
            "enterprises", new ChartSpec("line", "period", List.of("enterprises"), null, null),
            "licences", new ChartSpec("bar", "key", List.of("licences", "foreignInvested"), "dimension", "service"),
            "pilots", new ChartSpec("bar", "key", List.of("approvals"), "dimension", "area"),
            "credit-lists", new ChartSpec("bar", "list", List.of("listed", "removed", "onList"), null, null),
            "processing-times", new ChartSpec("bar", "type", List.of("medianDays", "p90Days"), null, null),
            "annual-reports", new ChartSpec("bar", "year", List.of("inWindow", "late", "missing"), null, null),
            "screening", new ChartSpec("bar", "month", List.of("hits", "confirmed", "dismissed"), null, null));

    static FigureView figure(Figure figure, Page page, String csvHref, @Nullable String jsonHref) {
        var locale = page.zh() ? Locale.SIMPLIFIED_CHINESE : Locale.UK;
        var headers = figure.columns().stream()
                .map(c -> page.t("statistics.col." + c))
                .toList();
        var rows = new ArrayList<List<String>>();
        for (var row : figure.rows()) {
            rows.add(
                    figure.columns().stream().map(c -> cell(row.get(c), locale)).toList());
        }
        var spec = CHARTS.get(figure.name());
        var chosen = figure.rows().stream()
                .filter(r -> spec.filterColumn() == null || spec.filterValue().equals(r.get(spec.filterColumn())))
                .toList();
        var chart = new LinkedHashMap<String, Object>();
        chart.put("type", spec.type());
        chart.put(
                "categories",
                chosen.stream().map(r -> String.valueOf(r.get(spec.category()))).toList());
        var series = new ArrayList<Map<String, Object>>();
        for (var column : spec.series()) {
            series.add(Map.of(
                    "name",
                    page.t("statistics.col." + column),
                    "data",
                    chosen.stream()
                            .map(r -> r.get(column) == null ? 0 : r.get(column))
                            .toList()));
        }
        chart.put("series", series);
        chart.put("label", page.t("statistics." + figure.name() + ".title"));
        var asOf = AS_OF.format(figure.asOf().atZone(ZoneId.of("Asia/Shanghai"))) + " (UTC+8)";
        var range = (figure.from() == null ? "…" : figure.from().toString()) + " – " + figure.to();
        return new FigureView(
                figure.name(),
                page.t("statistics." + figure.name() + ".title"),
                page.t("statistics." + figure.name() + ".definition"),
                asOf,
                range,
                headers,
                rows,
                JSON.writeValueAsString(chart),
                csvHref,
                jsonHref);
    }

    static String cell(@Nullable Object value, Locale locale) {
        if (value == null) {
            return "–";
        }
        if (value instanceof BigDecimal d) {
            return (d.signum() > 0 ? "+" : "") + d.toPlainString() + "%";
        }
        if (value instanceof Number n) {
            return NumberFormat.getIntegerInstance(locale).format(n.longValue());
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return value.toString();
    }

    /** "2,412 foreign-invested telecom enterprises, +23.0% year on year", from the enterprise figure's headline. */
    static @Nullable String headline(Figure enterprises, Page page) {
        var locale = page.zh() ? Locale.SIMPLIFIED_CHINESE : Locale.UK;
        var count = enterprises.headline().get("enterprises");
        if (!(count instanceof Number n) || n.longValue() == 0) {
            return null;
        }
        var growth = enterprises.headline().get("yearOnYearPercent");
        var formatted = NumberFormat.getIntegerInstance(locale).format(n.longValue());
        if (growth instanceof BigDecimal g) {
            var percent = (g.signum() > 0 ? "+" : "")
                    + g.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
            return page.t("statistics.headline", formatted, percent);
        }
        return page.t("statistics.headline.noGrowth", formatted);
    }
}
