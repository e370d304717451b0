package org.kaifang.eligibility;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.kaifang.rules.RuleCatalogue;
import org.kaifang.rules.RulePack;
import org.kaifang.screening.ScreeningLists;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The eligibility module's API: judges determination requests under the current rule pack and stores every
 * determination, append-only, with the pack version and digest that decided it.
 */
@Service
public class EligibilityCheck {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final EligibilityEngine engine;
    private final ScreeningLists lists;
    private final Determinations determinations;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ObjectProvider<CreditRecords> credit;

    EligibilityCheck(
            RuleCatalogue catalogue,
            Determinations determinations,
            ScreeningLists lists,
            Clock clock,
            MeterRegistry meters,
            ObjectProvider<CreditRecords> credit) {
        this.meters = meters;
        this.credit = credit;
        this.engine = new EligibilityEngine(catalogue.current());
        this.lists = lists;
        this.determinations = determinations;
        this.clock = clock;
    }

    /** Reads requests screening against the lists current now, so an imported list takes effect at once. */
    private RequestReader reader() {
        return new RequestReader(engine.pack(), lists.current());
    }

    /** The pack new determinations are made under. */
    public RulePack pack() {
        return engine.pack();
    }

    public EligibilityEngine engine() {
        return engine;
    }

    /**
     * Parses, judges and stores a request given as JSON text.
     *
     * @throws InvalidRequest when the text is not JSON or the request is invalid, listing every problem
     */
    public StoredDetermination determine(@org.jspecify.annotations.Nullable String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRequest(
                    java.util.List.of(new InputProblem("", "the request body is empty: send a JSON object")));
        }
        JsonNode body;
        try {
            body = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidRequest(
                    java.util.List.of(new InputProblem("", "malformed JSON: " + e.getOriginalMessage())));
        }
        return determine(body);
    }

    /**
     * Parses, judges and stores a request given as UTF-8 JSON bytes, as it arrives over HTTP: parsing the bytes
     * directly spares decoding the body into a String first.
     *
     * @throws InvalidRequest when the bytes are not JSON or the request is invalid, listing every problem
     */
    public StoredDetermination determine(byte @org.jspecify.annotations.Nullable [] json) {
        if (json == null || json.length == 0) {
            throw new InvalidRequest(
                    java.util.List.of(new InputProblem("", "the request body is empty: send a JSON object")));
        }
        JsonNode body;
        try {
            body = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidRequest(
                    java.util.List.of(new InputProblem("", "malformed JSON: " + e.getOriginalMessage())));
        }
        if (body == null || body.isMissingNode()) {
            throw new InvalidRequest(
                    java.util.List.of(new InputProblem("", "the request body is empty: send a JSON object")));
        }
        return determine(body);
    }

    /**
     * Judges and stores a request already parsed.
     *
     * @throws InvalidRequest when the request is invalid, listing every problem
     */
    @Transactional
    public StoredDetermination determine(JsonNode body) {
        var request = withCreditRecords(reader().read(body));
        var determination = CreditCitation.cite(engine.determine(request), creditEntries(request));
        var id = DeterminationIds.next(clock);
        var createdAt = clock.instant();
        var json = DeterminationJson.write(id.toString(), createdAt.toString(), determination);
        var stored = new StoredDetermination(id, createdAt, json);
        determinations.add(stored, determination, JSON.writeValueAsString(body));
        meters.counter(
                        "kaifang.determinations.stored",
                        "outcome",
                        determination.overall().name())
                .increment();
        return stored;
    }

    /** The credit-list entries behind the applicant's statuses on the request's date, for the finding to cite. */
    private java.util.List<CreditRecords.Entry> creditEntries(DeterminationRequest request) {
        var records = credit.getIfAvailable();
        var uscc = request.applicant().uscc();
        return records == null || uscc == null ? java.util.List.of() : records.entries(uscc, request.asOf());
    }

    /**
     * The request with the credit lists the applicant is on as of the request's date merged into what it stated; the
     * request as read when it names no USCC or no {@link CreditRecords} is available.
     */
    private DeterminationRequest withCreditRecords(DeterminationRequest request) {
        var records = credit.getIfAvailable();
        var applicant = request.applicant();
        if (records == null || applicant.uscc() == null) {
            return request;
        }
        var listed = records.of(applicant.uscc(), request.asOf());
        if (applicant.creditStatus().containsAll(listed)) {
            return request;
        }
        var merged = java.util.EnumSet.noneOf(CreditStatus.class);
        merged.addAll(applicant.creditStatus());
        merged.addAll(listed);
        return new DeterminationRequest(
                request.asOf(),
                new Applicant(
                        applicant.name(),
                        applicant.uscc(),
                        applicant.seat(),
                        applicant.zones(),
                        applicant.registeredCapitalCny(),
                        merged),
                request.foreignEquityPercent(),
                request.services(),
                request.ownership(),
                request.screening());
    }

    /**
     * Judges a request without storing it: a preview, e.g. of a draft application as of today before it is submitted.
     * The answer has the shape of a stored determination's JSON, with the id {@code preview} and no creation time.
     *
     * @throws InvalidRequest when the request is invalid, listing every problem
     */
    public String preview(JsonNode body) {
        var determination = engine.determine(withCreditRecords(reader().read(body)));
        return DeterminationJson.write("preview", null, determination);
    }

    /** Every problem that would make {@code body} an invalid request; empty when it is valid. Stores nothing. */
    public java.util.List<InputProblem> problems(JsonNode body) {
        try {
            reader().read(body);
            return java.util.List.of();
        } catch (InvalidRequest e) {
            return e.problems();
        }
    }

    public Optional<StoredDetermination> find(UUID id) {
        return determinations.find(id);
    }

    /** The request the determination {@code id} was made of, as JSON text, so that it can be reused. */
    public Optional<String> request(UUID id) {
        return determinations.request(id);
    }
}
