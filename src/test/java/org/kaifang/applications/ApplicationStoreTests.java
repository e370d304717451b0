package org.kaifang.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.kaifang.applications.Actors.APPLICANT_A;
import static org.kaifang.applications.Actors.APPLICANT_B;
import static org.kaifang.applications.Actors.OFFICER;
import static org.kaifang.applications.Actors.OFFICER_OF_A;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.calendar.CalendarStore;
import org.kaifang.calendar.ClockUnit;
import org.kaifang.calendar.TimeLimit;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The officers' work queue, as stored: order by the running clock's due date, filters and the own-organisation rule. */
class ApplicationStoreTests {

    private static final TimeLimit FIVE_WORKING = new TimeLimit(5, ClockUnit.WORKING);
    private static final TimeLimit SIXTY_WORKING = new TimeLimit(60, ClockUnit.WORKING);

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    private static Instant at(String date) {
        return LocalDate.parse(date)
                .atTime(LocalTime.of(10, 0))
                .atZone(LicenceApplication.CHINA)
                .toInstant();
    }

    private static LicenceApplication submitted(Actor applicant, String name, String date) {
        return LicenceApplication.draft(
                        ApplicationId.random(), ApplicationType.NEW_LICENCE, applicant, name, "{}", at(date))
                .submit(
                        applicant,
                        new LicenceApplication.Submission(at(date), "det", "PERMITTED", "telecom-vas"),
                        FIVE_WORKING,
                        at(date));
    }

    private static ApplicationStore store(Database database) throws Exception {
        return new ApplicationStore(
                JdbcClient.create(database.dataSource()), new CalendarStore(Files.createTempDirectory("calendar")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theQueueShowsWhatIsDueSoonestFirstAndNeverTheOfficersOwnOrganisation(Database database) throws Exception {
        var store = store(database);
        // Submitted on different days: acceptance is due five working days later.
        var late = store.insert(submitted(APPLICANT_A, "Late", "2025-03-10"), at("2025-03-10"));
        var early = store.insert(submitted(APPLICANT_B, "Early", "2025-03-03"), at("2025-03-03"));
        // Accepted: its acceptance clock stops and its 60-working-day decision clock runs, due in June.
        var accepted = store.update(
                store.insert(submitted(APPLICANT_B, "Accepted", "2025-03-04"), at("2025-03-04"))
                        .accept(OFFICER, SIXTY_WORKING, at("2025-03-05")),
                at("2025-03-05"));
        store.insert(
                LicenceApplication.draft(
                        ApplicationId.random(),
                        ApplicationType.NEW_LICENCE,
                        APPLICANT_A,
                        "Draft",
                        "{}",
                        at("2025-03-01")),
                at("2025-03-01"));

        var open = List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.ACCEPTED);
        assertThat(store.queue(open, Actors.REGULATOR, 200, null, null))
                .extracting(QueueRow::applicantName)
                .containsExactly("Early", "Late", "Accepted");
        assertThat(store.queue(List.of(ApplicationStatus.ACCEPTED), Actors.REGULATOR, 200, null, null))
                .extracting(QueueRow::id)
                .containsExactly(accepted.id());
        // An officer registered under company A never sees A's applications, and the page is cut after that rule.
        assertThat(store.queue(open, OFFICER_OF_A.organisation(), 1, null, null))
                .extracting(QueueRow::id)
                .containsExactly(early.id());
        assertThat(store.queue(open, Actors.REGULATOR, 2, null, null))
                .extracting(QueueRow::id)
                .containsExactly(early.id(), late.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aWizardStepIsSavedAsTheNextVersionWithItsTypeAndRequest(Database database) throws Exception {
        var store = store(database);
        var draft = store.insert(
                LicenceApplication.draft(
                        ApplicationId.random(),
                        ApplicationType.NEW_LICENCE,
                        APPLICANT_A,
                        "Harbour Cloud",
                        DraftRequest.initial(LocalDate.parse("2025-03-01"), "Harbour Cloud", null),
                        at("2025-03-01")),
                at("2025-03-01"));
        var section = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree("{\"services\":[{\"code\":\"B21\",\"coverage\":[\"CN\"]}]}");

        var saved = store.update(
                draft.saveStep(
                        APPLICANT_A, DraftStep.SERVICES, section, ApplicationType.PILOT_APPROVAL, at("2025-03-02")),
                at("2025-03-02"));
        var stale = catchThrowableOfType(
                ActionRefused.class,
                () -> store.update(
                        draft.saveStep(APPLICANT_A, DraftStep.SERVICES, section, null, at("2025-03-02")),
                        at("2025-03-02")));

        var read = store.find(draft.id()).orElseThrow();
        assertThat(read.version()).isEqualTo(2).isEqualTo(saved.version());
        assertThat(read.type()).isEqualTo(ApplicationType.PILOT_APPROVAL);
        assertThat(DraftRequest.tree(read.request()).at("/services/0/code").asString())
                .isEqualTo("B21");
        assertThat(JdbcClient.create(database.dataSource())
                        .sql("select type from applications.application where id = :id")
                        .param("id", draft.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("PILOT_APPROVAL");
        assertThat(stale.kind()).isEqualTo(ActionRefused.Kind.CONFLICT);
    }
}
