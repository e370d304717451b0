package org.kaifang.whatif;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.kaifang.applications.Applications;
import org.kaifang.applications.LicenceApplication;
import org.kaifang.eligibility.EligibilityCheck;
import org.kaifang.eligibility.InvalidRequest;
import org.kaifang.eligibility.RequestReader;
import org.kaifang.eligibility.RequestedService;
import org.kaifang.licensing.LicenceStatus;
import org.kaifang.licensing.LicenceView;
import org.kaifang.licensing.Licences;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subjects of a run: every licence holder in force (licensing; status {@code NORMAL}) and every pending
 * application (applications), read through those modules' public APIs in keyset pages of {@value #PAGE}.
 *
 * <p>A holder's seat is the division code inside its USCC (GB 32100-2015 positions 3–8: the registering authority's
 * division) [I: the registering authority normally sits where the company does]; without a USCC, a provincial
 * licence's issuing province. The register publishes whether a holder is foreign-invested, not its share, so a
 * foreign-invested holder is judged at 100% (the upper bound, where the caps bite) and says so; a domestic one at 0%.
 * An application is judged on the request it was submitted with, as the live pack reads it.
 */
@Component
class Subjects implements SubjectSource {

    static final int PAGE = 1_000;

    /** What a foreign-invested holder whose share is not published is judged at. */
    static final BigDecimal ASSUMED_FOREIGN_SHARE = BigDecimal.valueOf(100);

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Licences licences;
    private final Applications applications;
    private final EligibilityCheck eligibility;

    Subjects(Licences licences, Applications applications, EligibilityCheck eligibility) {
        this.licences = licences;
        this.applications = applications;
        this.eligibility = eligibility;
    }

    @Override
    public long estimate() {
        return licences.count();
    }

    @Override
    public void walk(Pages pages) {
        var inForce = walk(
                after -> licences.after(after, PAGE),
                LicenceView::id,
                licence -> licence.status() == LicenceStatus.NORMAL,
                Subjects::holder,
                pages);
        if (inForce) {
            var reader = new RequestReader(eligibility.pack());
            walk(
                    after -> applications.pendingAfter(after, PAGE),
                    LicenceApplication::id,
                    application -> true,
                    application -> application(application, reader),
                    pages);
        }
    }

    /**
     * Hands {@code pages} the subjects of one keyset-paged source, a page at a time, to its end: the items that
     * {@code counted} accepts, as {@code subject} makes them ({@code null}: skipped, not judged). Returns {@code false}
     * when {@code pages} asked to stop.
     */
    private static <T, K> boolean walk(
            Function<@Nullable K, List<T>> next,
            Function<T, K> key,
            Predicate<T> counted,
            Function<T, @Nullable Subject> subject,
            Pages pages) {
        K after = null;
        while (true) {
            var page = next.apply(after);
            if (page.isEmpty()) {
                return true;
            }
            var subjects = new ArrayList<Subject>(page.size());
            var skipped = 0;
            for (var item : page) {
                if (!counted.test(item)) {
                    continue;
                }
                var made = subject.apply(item);
                if (made == null) {
                    skipped++;
                } else {
                    subjects.add(made);
                }
            }
            if (!pages.accept(subjects, skipped)) {
                return false;
            }
            after = key.apply(page.getLast());
        }
    }

    /** The holder of {@code licence} as a subject; {@code null} when its seat cannot be told. */
    static @Nullable Subject holder(LicenceView licence) {
        var seat = seat(licence.uscc(), licence.authority());
        if (seat == null || licence.services().isEmpty()) {
            return null;
        }
        var services = new ArrayList<RequestedService>(licence.services().size());
        for (var s : licence.services()) {
            services.add(new RequestedService(s.code(), s.item(), s.coverage(), List.of(), Set.of()));
        }
        return new Subject(
                SubjectKind.HOLDER,
                licence.id().value(),
                licence.holder(),
                licence.uscc(),
                seat,
                List.of(),
                licence.foreignInvested() ? ASSUMED_FOREIGN_SHARE : BigDecimal.ZERO,
                licence.foreignInvested(),
                services);
    }

    /** The seat a USCC names, else a provincial authority's province; {@code null} when neither tells. */
    static @Nullable String seat(@Nullable String uscc, String authority) {
        if (uscc != null && uscc.length() == 18) {
            var division = uscc.substring(2, 8);
            if (division.chars().allMatch(Character::isDigit) && !division.startsWith("00")) {
                return division;
            }
        }
        return authority.matches("\\d{6}") ? authority : null;
    }

    /** A pending application as a subject; {@code null} when its request no longer reads under the live pack. */
    static @Nullable Subject application(LicenceApplication application, RequestReader reader) {
        try {
            var request = reader.read(JSON.readTree(application.request()));
            return new Subject(
                    SubjectKind.APPLICATION,
                    application.id().value().toString(),
                    application.applicantName(),
                    request.applicant().uscc(),
                    request.applicant().seat(),
                    request.applicant().zones(),
                    request.foreignEquityPercent(),
                    false,
                    request.services());
        } catch (InvalidRequest | JacksonException e) {
            return null;
        }
    }
}
