package org.kaifang.statistics.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.statistics.DateRange;
import org.kaifang.statistics.Statistics;
import org.kaifang.web.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboards: {@code /statistics} for everyone, {@code /statistics/staff} for the regulator's staff (the security
 * configuration asks for a regulator role). A bad date range re-shows the form with what is wrong. The staff figures'
 * CSV files are served here too, on the signed-in session, since the API does not take the session cookie.
 */
@Controller
class StatisticsPages {

    static final String PATH = "/statistics";

    private final Statistics statistics;

    StatisticsPages(Statistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping(PATH)
    String publicDashboard(HttpServletRequest request, Model model) {
        return dashboard(request, model, false);
    }

    @GetMapping(PATH + "/staff")
    String staffDashboard(HttpServletRequest request, Model model) {
        return dashboard(request, model, true);
    }

    @GetMapping(PATH + "/staff/{figure}.csv")
    ResponseEntity<String> staffCsv(@PathVariable String figure, HttpServletRequest request) {
        if (!Statistics.STAFF.contains(figure)) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        DateRange range;
        try {
            range = DateRange.parse(request.getParameter("from"), request.getParameter("to"), statistics.today());
        } catch (DateRange.Invalid e) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, e.getMessage());
        }
        var f = statistics.figure(figure, range, null);
        return ResponseEntity.ok()
                .contentType(StatisticsApi.CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(figure + "-" + f.to() + ".csv")
                                .build()
                                .toString())
                .body(FigureCsv.of(f));
    }

    private String dashboard(HttpServletRequest request, Model model, boolean staff) {
        var page = (Page) model.getAttribute("page");
        if (page == null) {
            throw new IllegalStateException("The page model is missing");
        }
        var from = request.getParameter("from");
        var to = request.getParameter("to");
        var period = request.getParameter("period");
        DateRange range;
        try {
            range = StatisticsApi.range(from, to, staff ? null : period, statistics.today());
        } catch (DateRange.Invalid e) {
            model.addAttribute(
                    "view", new DashboardView(staff, from, to, period, e.problems(), null, null, false, List.of()));
            return "statistics/dashboard";
        }
        var figures = new ArrayList<DashboardView.FigureView>();
        String headline = null;
        for (var name : staff ? Statistics.STAFF : Statistics.PUBLIC) {
            var figure = statistics.figure(name, range, name.equals("enterprises") ? period : null);
            if (name.equals("enterprises")) {
                headline = DashboardView.headline(figure, page);
            }
            var query = query(from, to, name.equals("enterprises") ? period : null);
            var csv =
                    staff ? PATH + "/staff/" + name + ".csv" + query : StatisticsApi.PATH + "/" + name + ".csv" + query;
            var json = staff ? null : StatisticsApi.PATH + "/" + name + query;
            figures.add(DashboardView.figure(figure, page, csv, json));
        }
        model.addAttribute(
                "view",
                new DashboardView(
                        staff,
                        from,
                        to,
                        period,
                        Map.of(),
                        headline,
                        range.to().toString(),
                        statistics.includesSyntheticData(),
                        figures));
        return "statistics/dashboard";
    }

    private static String query(@Nullable String from, @Nullable String to, @Nullable String period) {
        var b = UriComponentsBuilder.newInstance();
        if (from != null && !from.isBlank()) {
            b.queryParam("from", from.strip());
        }
        if (to != null && !to.isBlank()) {
            b.queryParam("to", to.strip());
        }
        if (period != null && !period.isBlank()) {
            b.queryParam("period", period.strip());
        }
        return b.encode().build().toUriString();
    }
}
