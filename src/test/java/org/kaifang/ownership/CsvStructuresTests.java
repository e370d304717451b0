package org.kaifang.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvStructuresTests {

    private static final String PARTIES = """
            id,name,kind,jurisdiction
            target,"Lingang Cloud Data Co., Ltd.",company,cn
            parent,"Parent
            Holdings Ltd.",company,hk
            """;

    @Test
    void readsPartiesAndHoldingsWithQuotedCommasAndLineBreaks() {
        var structure = CsvStructures.read(PARTIES, "owner,owned,equityPercent\nparent,target,60%\n", null);

        assertThat(structure.get("parties")).hasSize(2);
        assertThat(structure.get("parties").get(1).get("name").asText()).isEqualTo("Parent\nHoldings Ltd.");
        assertThat(structure.get("parties").get(1).get("jurisdiction").asText()).isEqualTo("HK");
        assertThat(structure.get("holdings").get(0).get("equityPercent").decimalValue())
                .isEqualByComparingTo("60");
    }

    @Test
    void aProblemNamesTheFileAndTheLineAnEditorShowsPastBlankLinesAndQuotedLineBreaks() {
        var holdings = "owner,owned,equityPercent,note\n\nparent,target,60,\"two\nlines\"\nparent,target,sixty,\n";
        assertThatThrownBy(() -> CsvStructures.read(PARTIES, holdings, null))
                .isInstanceOf(CsvStructures.Malformed.class)
                .hasMessage("holdings.csv line 5: equityPercent 'sixty' is not a number");
        assertThatThrownBy(() -> CsvStructures.read(PARTIES, "owner,owned\nparent,\"target\n", null))
                .hasMessage("holdings.csv line 2: a quoted field is not closed");
        assertThatThrownBy(() -> CsvStructures.read(PARTIES, "owner,equityPercent\nparent,60\n", null))
                .hasMessageContaining("holdings.csv: the header has no column 'owned'");
        assertThatThrownBy(() -> CsvStructures.read(PARTIES, "owner,owned\n\n\nparent,\n", null))
                .hasMessage("holdings.csv line 4: 'owned' is empty");
    }
}
