package org.kaifang.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineTests {

    @Test
    void onlyCellsThatASpreadsheetWouldRunAreDefused() {
        assertThat(CsvLine.of(List.of("=1+1", "+1", "-1", "@A1", "\tx", "\rx", "'quoted", "a=b", "普通", "")))
                .isEqualTo("'=1+1,'+1,'-1,'@A1,'\tx,\"'\rx\",''quoted,a=b,普通,\r\n");
    }

    @Test
    void numbersAndBooleansAreWrittenAsTheyAreAndTextThatLooksLikeANumberIsDefused() {
        assertThat(CsvLine.of(List.of(-5, new BigDecimal("-0.5"), true, "-5"))).isEqualTo("-5,-0.5,true,'-5\r\n");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithTheirQuotesDoubledAndNullIsEmpty() {
        assertThat(CsvLine.of(Arrays.asList("a,b", null, "x\"y", "two\nlines", "plain")))
                .isEqualTo("\"a,b\",,\"x\"\"y\",\"two\nlines\",plain\r\n");
        assertThat(CsvLine.of(List.of())).isEqualTo("\r\n");
    }

    @Test
    void appendWritesTheSameLineIntoABuilder() {
        var out = new StringBuilder("head\r\n");
        CsvLine.append(out, List.of("=x", 1));
        assertThat(out).hasToString("head\r\n'=x,1\r\n");
    }
}
