package org.kaifang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaifang calendar}: days, due dates, importing a year; text and JSON; exit codes. */
class CalendarCommandTests {

    @TempDir
    Path dir;

    private KaifangCliTests.Run run(String... args) {
        var withDir = new String[args.length + 2];
        System.arraycopy(args, 0, withDir, 0, args.length);
        withDir[args.length] = "--dir";
        withDir[args.length + 1] = dir.toString();
        return KaifangCliTests.run(withDir);
    }

    @Test
    void saysWhatADayIs() {
        var text = run("calendar", "day", "2025-01-26");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("2025-01-26 SUNDAY  working day  ADJUSTED_WORKING_DAY  春节 Spring Festival");

        var json = run("calendar", "day", "2025-01-26", "--json");
        assertThat(json.out())
                .contains("\"date\" : \"2025-01-26\"", "\"workingDay\" : true", "\"kind\" : \"ADJUSTED_WORKING_DAY\"")
                .contains("\"zh\" : \"春节\"", "\"en\" : \"Spring Festival\"");
    }

    @Test
    void computesTheContractsDueDate() {
        var text = run("calendar", "due", "2025-01-24", "5");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).startsWith("2025-02-07 FRIDAY  (5 working day(s) after 2025-01-24)");

        var json = run("calendar", "due", "2025-01-24", "5", "--unit", "WORKING", "--json");
        assertThat(json.out())
                .contains("\"start\" : \"2025-01-24\"", "\"days\" : 5", "\"unit\" : \"WORKING\"")
                .contains("\"due\" : \"2025-02-07\"");

        var calendarDays = run("calendar", "due", "2025-09-25", "10", "--unit", "CALENDAR");
        assertThat(calendarDays.out()).startsWith("2025-10-09");
    }

    @Test
    void aYearNotCoveredExitsWithOneAndNamesTheCoveredYears() {
        var run = run("calendar", "day", "2030-01-01");
        assertThat(run.exit()).isEqualTo(CalendarCommand.NOT_COVERED);
        assertThat(run.err()).contains("does not cover 2030; it covers 2015–2026");
    }

    @Test
    void importsAYearThatLaterCommandsUse() throws IOException {
        var file = dir.resolve("upload-2027.json");
        Files.writeString(file, """
                {"year": 2027, "papers": ["https://www.gov.cn/zhengce/zhengceku/202611/content_1.htm"],
                 "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                          {"name": "春节", "date": "2027-02-06", "isOffDay": true},
                          {"name": "春节", "date": "2027-02-13", "isOffDay": false}]}
                """);

        var imported = run("calendar", "import", file.toString());

        assertThat(imported.exit()).isZero();
        assertThat(imported.out())
                .contains("Imported 2027: 2 holidays, 2 days off, 1 adjusted working days")
                .contains("2025, 2026, 2027]");
        assertThat(dir.resolve("2027.json")).exists();
        assertThat(run("calendar", "day", "2027-02-13").out()).contains("ADJUSTED_WORKING_DAY  春节 Spring Festival");
        assertThat(run("calendar", "years").out()).contains("2027  " + dir.resolve("2027.json"));
        assertThat(run("calendar", "import", file.toString()).out()).startsWith("Replaced 2027");
    }

    @Test
    void aBadFileListsEveryProblemAndExitsWithTwo() throws IOException {
        var file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"year": 2027, "papers": [],
                 "days": [{"name": "元旦", "date": "2027-02-30", "isOffDay": true},
                          {"name": "春节", "date": "2027-02-06", "isOffDay": "no"}]}
                """);

        var run = run("calendar", "import", file.toString());

        assertThat(run.exit()).isEqualTo(KaifangCli.INVALID_INPUT);
        assertThat(run.err())
                .contains("2 problem(s), nothing imported")
                .contains(file + "#/days/0/date")
                .contains(file + "#/days/1/isOffDay");
        assertThat(dir.resolve("2027.json")).doesNotExist();
    }

    @Test
    void refusesBadInputWithTwo() {
        assertThat(run("calendar", "day", "26 January").exit()).isEqualTo(KaifangCli.INVALID_INPUT);
        assertThat(run("calendar", "due", "2025-01-24", "0").exit()).isEqualTo(KaifangCli.INVALID_INPUT);
        assertThat(run("calendar", "due", "2025-01-24", "five").exit()).isEqualTo(KaifangCli.INVALID_INPUT);
        assertThat(run("calendar", "due", "2025-01-24", "5", "--unit", "WEEKS").exit())
                .isEqualTo(KaifangCli.INVALID_INPUT);
        assertThat(run("calendar", "import", dir.resolve("none.json").toString())
                        .exit())
                .isEqualTo(KaifangCli.INVALID_INPUT);
    }
}
