package org.kaifang.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Databases;

/** Screening against the built-in compilation and imported lists at once. */
class MultiListScreeningTests {

    static final LocalDate JUNE = LocalDate.of(2025, 6, 1);

    static RestrictedPartyList imported() {
        var csv = ListImportsTests.fixture("synthetic-cn.csv");
        var list = OpenSanctionsCsv.read("synthetic-cn.csv", csv, "x").list();
        return ListImports.withRef(list, new ListRef("opensanctions-cn", "2026.03.01-1", Digests.sha256(csv)));
    }

    @Test
    void aHitOnAnImportedEntryCarriesTheImportsListRef() {
        var builtIn = BuiltInLists.load();
        var screening = new Screening(List.of(builtIn, imported()), Thresholds.DEFAULT);

        var result = screening.screen(Party.named("Zephyrine Avionics Holdings, Inc."), JUNE);

        assertThat(result.outcome()).isEqualTo(Outcome.MATCH);
        assertThat(result.hits().getFirst().list()).isEqualTo(imported().ref());
        assertThat(result.list()).isEqualTo(builtIn.ref());
        assertThat(result.lists()).containsExactly(builtIn.ref(), imported().ref());
        var chinese = screening.screen(Party.named("泽菲林航电控股公司"), JUNE);
        assertThat(chinese.hits().getFirst().list().id()).isEqualTo("opensanctions-cn");
    }

    @Test
    void aHitOnTheBuiltInListCarriesItsRefAndTheReportNamesEveryList() {
        var builtIn = BuiltInLists.load();
        var screening = new Screening(List.of(builtIn, imported()), Thresholds.DEFAULT);

        var report = screening.screen(
                List.of(Party.named("Lockheed Martin Corp"), Party.named("Quillmark Defense Systems")), JUNE);

        assertThat(report.lists()).containsExactly(builtIn.ref(), imported().ref());
        assertThat(report.results().get(0).hits().getFirst().list()).isEqualTo(builtIn.ref());
        assertThat(report.results().get(1).hits().getFirst().list())
                .isEqualTo(imported().ref());
        assertThat(ScreeningJson.write(report)
                        .at("/results/1/hits/0/list/version")
                        .asString())
                .isEqualTo("2026.03.01-1");
        assertThat(ScreeningJson.write(report).at("/lists/1/id").asString()).isEqualTo("opensanctions-cn");
    }

    @Test
    void oneListKeepsTheSingleListConstructorsMeaning() {
        var screening = new Screening(BuiltInLists.load(), Thresholds.DEFAULT);

        var result = screening.screen(Party.named("Zephyrine Avionics Holdings Inc."), JUNE);

        assertThat(result.outcome()).isEqualTo(Outcome.CLEAR);
        assertThat(result.lists()).containsExactly(screening.list());
        assertThat(screening.lists()).containsExactly(screening.list());
    }

    @Test
    void withReplacesTheListOfTheSameIdAndKeepsTheOthers() {
        var screening = new Screening(BuiltInLists.load(), Thresholds.DEFAULT).with(imported());
        var newer = ListImports.withRef(
                imported(),
                new ListRef("opensanctions-cn", "2026.03.02-1", imported().ref().digest()));

        var next = screening.with(newer);

        assertThat(next.lists())
                .extracting(ListRef::version)
                .containsExactly(screening.list().version(), "2026.03.02-1");
        assertThat(screening.lists()).extracting(ListRef::version).endsWith("2026.03.01-1");
    }

    @Test
    void refusesNoListsAndTwoListsWithOneId() {
        assertThatThrownBy(() -> new Screening(List.of(), Thresholds.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Screening(List.of(imported(), imported()), Thresholds.DEFAULT))
                .hasMessageContaining("opensanctions-cn");
    }

    @Test
    void screeningListsSwapsInAnImportAndLoadsImportsAtStart() {
        var database = Databases.h2();
        var imports = new ListImports(
                org.springframework.jdbc.core.simple.JdbcClient.create(database.dataSource()),
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(database.dataSource()),
                e -> {},
                new ListImportsTests.Ticking(),
                new ScreeningSettings(0.9, 0.8, 1_000_000));
        var lists = new ScreeningLists(imports, new ScreeningSettings(0.9, 0.8, 1_000_000));
        lists.afterSingletonsInstantiated();
        var before = lists.current();
        assertThat(before.screen(Party.named("Marrowgate Photonics Corp"), JUNE).outcome())
                .isEqualTo(Outcome.CLEAR);

        var done = imports.add(ListImportsTests.fixture("synthetic.ftm.json"), ListFormat.FTM, null, "s.json");
        lists.on(new ListImported(imports.current().getFirst().list(), done.version()));

        var after = lists.current();
        assertThat(after.screen(Party.named("Marrowgate Photonics Corp"), LocalDate.of(2026, 1, 1))
                        .outcome())
                .isEqualTo(Outcome.MATCH);
        assertThat(before.lists()).hasSize(1);
        assertThat(after.lists()).containsExactly(before.list(), done.version().ref());
        var restarted = new ScreeningLists(imports, new ScreeningSettings(0.9, 0.8, 1_000_000));
        assertThat(restarted.lists())
                .containsExactly(before.list(), done.version().ref());
    }
}
