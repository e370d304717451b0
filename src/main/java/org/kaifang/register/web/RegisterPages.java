package org.kaifang.register.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;
import org.kaifang.licensing.CreditList;
import org.kaifang.licensing.LicenceId;
import org.kaifang.register.Certificates;
import org.kaifang.register.DemoRegisterState;
import org.kaifang.register.Register;
import org.kaifang.register.RegisterQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public register's pages, without a login: search with facets, a licence with its history, the verification page
 * a certificate's QR code points to, and the credit lists. Every page that shows synthetic demo data says so, on each
 * row and above the results.
 */
@Controller
class RegisterPages {

    static final String PATH = "/register";

    private final Register register;
    private final Certificates certificates;
    private final Clock clock;
    private final String publicUrl;
    private final DemoRegisterState demo;

    RegisterPages(
            Register register,
            Certificates certificates,
            Clock clock,
            @Value("${kaifang.register.public-url:}") String publicUrl,
            DemoRegisterState demo) {
        this.register = register;
        this.demo = demo;
        this.certificates = certificates;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @GetMapping(PATH)
    String search(HttpServletRequest request, Model model) {
        var parameters = new LinkedHashMap<String, @Nullable String>();
        for (var name : new String[] {"q", "service", "area", "status", "foreignInvested", "pilot", "page", "size"}) {
            parameters.put(name, request.getParameter(name));
        }
        try {
            var result = register.search(RegisterQuery.parse(parameters));
            model.addAttribute("view", SearchView.of(parameters, result, demo.loading()));
            return "register/search";
        } catch (RegisterQuery.InvalidQuery e) {
            model.addAttribute("view", SearchView.invalid(parameters, e.problems(), demo.loading()));
            return "register/search";
        }
    }

    @GetMapping(PATH + "/licences/{id}")
    String licence(@PathVariable String id, Model model) {
        var licence = register.licence(id(id)).orElseThrow(RegisterPages::notFound);
        model.addAttribute("licence", licence);
        model.addAttribute("history", register.history(licence.id()));
        return "register/licence";
    }

    @GetMapping(PATH + "/verify/{id}")
    String verify(@PathVariable String id, Model model) {
        var licence = register.licence(id(id)).orElseThrow(RegisterPages::notFound);
        model.addAttribute("licence", licence);
        model.addAttribute("today", today());
        return "register/verify";
    }

    /**
     * The licence's certificate. Its QR code points to the verification page at {@code kaifang.register.public-url},
     * or, when that is not set, at the address the certificate was asked for.
     */
    @GetMapping(PATH + "/licences/{id}/certificate.pdf")
    ResponseEntity<StreamingResponseBody> certificate(@PathVariable String id, HttpServletRequest request) {
        var licence = register.licence(id(id)).orElseThrow(RegisterPages::notFound);
        if (!certificates.fontAvailable()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "No CJK font for certificates");
        }
        var base = publicUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
                : publicUrl;
        var url = base + PATH + "/verify/" + licence.id().value();
        var name = (licence.number() == null ? licence.id().value() : licence.number()) + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(out -> certificates.write(licence, url, out));
    }

    /** The downloads: today's provisional files and the last week's, with their manifests. */
    @GetMapping(PATH + "/bulk")
    String bulk(Model model) {
        var today = today();
        model.addAttribute(
                "days",
                java.util.stream.IntStream.range(0, 8)
                        .mapToObj(today::minusDays)
                        .toList());
        model.addAttribute("today", today);
        return "register/bulk";
    }

    @GetMapping(PATH + "/bad-list")
    String badList(Model model) {
        return creditList(CreditList.BAD, model);
    }

    @GetMapping(PATH + "/dishonest-list")
    String dishonestList(Model model) {
        return creditList(CreditList.DISHONEST, model);
    }

    private String creditList(CreditList list, Model model) {
        var today = today();
        model.addAttribute("list", list);
        model.addAttribute("today", today);
        model.addAttribute("current", register.creditList(list, today));
        model.addAttribute(
                "removed",
                register.creditList(list, null).stream()
                        .filter(e -> !e.listedOn(today))
                        .toList());
        return "register/credit-list";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Register.CHINA));
    }

    /**
     * The licence id in a page's path; one that is not an id is a page that is not there. (The API's {@code
     * NotInRegister} is handled by the API's own handler only: here it was a 500.)
     */
    private static LicenceId id(String id) {
        try {
            return new LicenceId(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
