package org.kaifang.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaifang.csv.CsvRecords.CsvRecord;

class CsvRecordsTests {

    @Test
    void recordsKeepTheLineTheyStartOnPastQuotedLineBreaksAndBlankLines() {
        var text = "\uFEFFname,note\r\n\"Acme, Inc.\",\"two\nlines\"\n\nplain,\"say \"\"hi\"\"\"\n,\n";
        assertThat(CsvRecords.parse(text))
                .containsExactly(
                        new CsvRecord(1, List.of("name", "note")),
                        new CsvRecord(2, List.of("Acme, Inc.", "two\nlines")),
                        new CsvRecord(5, List.of("plain", "say \"hi\"")),
                        new CsvRecord(6, List.of("", "")));
    }

    @Test
    void aLastLineWithoutALineBreakIsARecordAndAnOpenQuoteIsAnErrorAtItsRecordsLine() {
        assertThat(CsvRecords.parse("a,b\nc,d"))
                .extracting(CsvRecord::fields)
                .containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThatThrownBy(() -> CsvRecords.parse("a,b\nc,\"d\ne\n"))
                .isInstanceOfSatisfying(
                        CsvRecords.Unclosed.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("line 2");
        assertThat(CsvRecords.parse("")).isEmpty();
    }

    @Test
    void whatCsvLineWritesReadsBackToTheSameFieldsDefusedCellsWithTheirApostrophe() {
        var cells = List.of("示例 \"引号\", 公司", "two\r\nlines", "", "=SUM(A1)", "plain");
        var read = CsvRecords.parse(CsvLine.of(cells) + CsvLine.of(List.of("x")));
        assertThat(read)
                .extracting(CsvRecord::fields)
                .containsExactly(List.of("示例 \"引号\", 公司", "two\r\nlines", "", "'=SUM(A1)", "plain"), List.of("x"));
        assertThat(read.get(1).line()).as("after a CRLF inside a quoted field").isEqualTo(3);
    }
}
