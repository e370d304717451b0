package org.kaifang.ownership.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.kaifang.ownership.ControlFact;
import org.kaifang.ownership.ControlKind;
import org.kaifang.ownership.Holding;
import org.kaifang.ownership.OwnershipAnalyser;
import org.kaifang.ownership.OwnershipStructure;
import org.kaifang.ownership.Party;
import org.kaifang.ownership.PartyKind;
import org.kaifang.ownership.Share;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The server-side drawing of a structure: layering, cycles, escaping, and the figures the page prints beside it. */
class OwnershipGraphTests {

    private static final OwnershipAnalyser ANALYSER = new OwnershipAnalyser(Set.of("CN"));
    private static final OwnershipGraph.Labels LABELS = new OwnershipGraph.Labels(
            "Shareholding structure",
            "A drawing",
            "Applicant",
            "Foreign",
            "Domestic",
            "{0} of votes",
            Map.of(
                    ControlKind.CONTRACTUAL, "by contract",
                    ControlKind.BOARD_MAJORITY, "board",
                    ControlKind.GOLDEN_SHARE, "golden share"));

    /** German parent → HK holding → Shanghai WFOE ⇄ domestic affiliate; WFOE and a person hold the applicant. */
    static OwnershipStructure lingang() {
        return new Builder()
                .party("applicant", "Example Cloud (Shanghai) Co., Ltd.", "CN")
                .party("parent", "Example AG", "DE")
                .party("hk", "Example (HK) Ltd", "HK")
                .party("wfoe", "Example (Shanghai) Holding Co., Ltd.", "CN")
                .party("affiliate", "上海示例科技有限公司", "CN")
                .party("partner", "张三", "CN")
                .holds("parent", 100, "hk")
                .holds("hk", 80, "wfoe")
                .holds("affiliate", 20, "wfoe")
                .holds("wfoe", 30, "affiliate")
                .holds("partner", 70, "affiliate")
                .holds("wfoe", 60, "applicant")
                .holds("partner", 40, "applicant")
                .build();
    }

    @Test
    void everyPartyIsANodeAndEveryHoldingAnArrow() throws Exception {
        var structure = lingang();
        var svg = parse(OwnershipGraph.of(structure, ANALYSER::foreign, LABELS).svg());

        var root = svg.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(text(svg, "title").getFirst()).isEqualTo("Shareholding structure");
        assertThat(text(svg, "desc")).containsExactly("A drawing");
        var nodes = byClass(svg, "g", "graph-node");
        assertThat(nodes)
                .extracting(n -> n.getAttribute("data-party"))
                .containsExactlyInAnyOrder("applicant", "parent", "hk", "wfoe", "affiliate", "partner");
        var arrows = byClass(svg, "path", "graph-edge");
        assertThat(arrows)
                .extracting(a -> a.getAttribute("data-owner") + "→" + a.getAttribute("data-owned"))
                .containsExactlyInAnyOrder(
                        "parent→hk",
                        "hk→wfoe",
                        "affiliate→wfoe",
                        "wfoe→affiliate",
                        "partner→affiliate",
                        "wfoe→applicant",
                        "partner→applicant");
        assertThat(byClass(svg, "g", "graph-label"))
                .extracting(Element::getTextContent)
                .contains("100%", "80%", "20%", "30%", "70%", "60%", "40%");
    }

    @Test
    void foreignPartiesAreMarkedInWordsNotOnlyByColour() throws Exception {
        var svg = parse(OwnershipGraph.of(lingang(), ANALYSER::foreign, LABELS).svg());

        var meta = new HashMap<String, String>();
        for (var node : byClass(svg, "g", "graph-node")) {
            meta.put(node.getAttribute("data-party"), node.getTextContent());
        }
        assertThat(meta.get("parent")).contains("Foreign · DE");
        assertThat(meta.get("hk")).contains("Foreign · HK");
        assertThat(meta.get("wfoe")).contains("Domestic · CN");
        assertThat(meta.get("applicant")).contains("Applicant · Domestic · CN");
        var parent = byClass(svg, "g", "graph-node").stream()
                .filter(n -> n.getAttribute("data-party").equals("parent"))
                .findFirst()
                .orElseThrow();
        assertThat(parent.getAttribute("class")).contains("graph-node--foreign");
        assertThat(((Element) parent.getElementsByTagName("rect").item(0)).getAttribute("stroke-dasharray"))
                .isNotEmpty();
    }

    @Test
    void ownersAreDrawnAboveWhatTheyHoldAndTheApplicantAtTheBottom() throws Exception {
        var structure = lingang();
        var graph = OwnershipGraph.of(structure, ANALYSER::foreign, LABELS);

        assertThat(graph.layer("applicant")).isZero();
        var ids = structure.parties().stream().map(Party::id).toList();
        for (var edge : graph.edges()) {
            var owner = ids.get(edge.owner());
            var owned = ids.get(edge.owned());
            if (edge.back()) {
                assertThat(graph.layer(owner))
                        .as(owner + " closes a cycle into " + owned)
                        .isLessThan(graph.layer(owned));
            } else {
                assertThat(graph.layer(owner)).as(owner + " above " + owned).isGreaterThan(graph.layer(owned));
            }
        }
        assertThat(graph.layer("parent")).isGreaterThan(graph.layer("hk"));
        assertThat(graph.layer("hk")).isGreaterThan(graph.layer("wfoe"));

        var svg = parse(graph.svg());
        var y = new HashMap<String, Double>();
        for (var node : byClass(svg, "g", "graph-node")) {
            var rect = (Element) node.getElementsByTagName("rect").item(0);
            y.put(node.getAttribute("data-party"), Double.parseDouble(rect.getAttribute("y")));
        }
        assertThat(y.get("applicant"))
                .isEqualTo(y.values().stream().mapToDouble(d -> d).max().orElseThrow());
        assertThat(y.get("parent")).isLessThan(y.get("hk"));
        assertThat(y.get("hk")).isLessThan(y.get("wfoe"));
    }

    @Test
    void aCycleIsBrokenOnceAndDrawnAsACurvedArrow() throws Exception {
        var graph = OwnershipGraph.of(lingang(), ANALYSER::foreign, LABELS);

        assertThat(graph.edges()).filteredOn(OwnershipGraph.Edge::back).hasSize(1);
        var svg = parse(graph.svg());
        var back = byClass(svg, "path", "graph-edge--back");
        assertThat(back).hasSize(1);
        assertThat(back.getFirst().getAttribute("data-owner") + "→"
                        + back.getFirst().getAttribute("data-owned"))
                .isIn("wfoe→affiliate", "affiliate→wfoe");
        assertThat(back.getFirst().getAttribute("d")).contains("C");
    }

    @Test
    void largeAndTangledCyclesTerminate() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            // A ring of 100 companies each holding 10% of the next, plus everyone holding the applicant a little.
            var builder = new Builder().party("applicant", "Applicant", "CN");
            for (int i = 0; i < 100; i++) {
                builder.party("c" + i, "Company " + i, i % 3 == 0 ? "US" : "CN");
            }
            for (int i = 0; i < 100; i++) {
                builder.holds("c" + i, 10, "c" + ((i + 1) % 100));
                builder.holds("c" + i, 0.5, "applicant");
                builder.holds("c" + i, 5, "c" + ((i + 37) % 100));
            }
            var structure = builder.build();
            var graph = OwnershipGraph.of(structure, ANALYSER::foreign, LABELS);
            var svg = parse(graph.svg());
            assertThat(byClass(svg, "g", "graph-node")).hasSize(101);
            assertThat(byClass(svg, "path", "graph-edge")).hasSize(300);
            assertThat(graph.edges()).anyMatch(OwnershipGraph.Edge::back);
        });
    }

    @Test
    void namesAndIdsAreXmlEscaped() throws Exception {
        var structure = new Builder()
                .party("applicant", "A & B <script>alert('x')</script> \"Ltd\"", "CN")
                .party("o&<\"'>", "Owner </svg><img src=x onerror=alert(1)>", "US")
                .holds("o&<\"'>", 100, "applicant")
                .build();
        var markup = OwnershipGraph.of(structure, ANALYSER::foreign, LABELS).svg();

        assertThat(markup).doesNotContain("<script", "<img", "</svg><");
        var svg = parse(markup);
        assertThat(byClass(svg, "g", "graph-node"))
                .extracting(n -> n.getAttribute("data-party"))
                .contains("o&<\"'>");
        assertThat(text(svg, "title")).contains("A & B <script>alert('x')</script> \"Ltd\"");
    }

    @Test
    void declaredControlWithoutAHoldingIsADottedArrow() throws Exception {
        var structure = new OwnershipStructure(
                List.of(party("applicant", "VIE Co", "CN"), party("listco", "ListCo Inc.", "KY")),
                List.of(),
                List.of(new ControlFact("listco", "applicant", ControlKind.CONTRACTUAL)));
        var svg = parse(OwnershipGraph.of(structure, ANALYSER::foreign, LABELS).svg());

        var control = byClass(svg, "path", "graph-edge--control");
        assertThat(control).hasSize(1);
        assertThat(control.getFirst().getAttribute("stroke-dasharray")).isNotEmpty();
        assertThat(byClass(svg, "g", "graph-label"))
                .extracting(Element::getTextContent)
                .contains("by contract");
    }

    @Test
    void longNamesWrapOntoTwoLinesAndAreCut() {
        assertThat(OwnershipGraph.wrap("Example (Shanghai) Holding Co., Ltd.", 204, 14, 2))
                .hasSize(2)
                .allSatisfy(
                        line -> assertThat(OwnershipGraph.textWidth(line, 14)).isLessThanOrEqualTo(204));
        var cut = OwnershipGraph.wrap("上海示例科技有限公司上海示例科技有限公司上海示例科技有限公司", 204, 14, 2);
        assertThat(cut).hasSize(2);
        assertThat(cut.getLast()).endsWith("…");
        assertThat(OwnershipGraph.wrap("Supercalifragilisticexpialidocious-Holdings-International", 100, 14, 2))
                .hasSize(2);
        assertThat(OwnershipGraph.wrap("张三", 204, 14, 2)).containsExactly("张三");
    }

    @Test
    void effectiveStakesAgreeWithTheAnalyserThroughTheCycle() {
        var structure = lingang();
        var analysis = ANALYSER.analyse(structure);
        var stakes = Stakes.inApplicant(structure);

        for (var e : analysis.effective()) {
            // The analysis rounds to four decimals.
            assertThat(stakes.get(e.party()) * 100)
                    .as(e.party())
                    .isCloseTo(e.percent(), org.assertj.core.data.Offset.offset(5e-5));
        }
        // wfoe holds 60% directly, and 30% of the affiliate, which holds 20% of wfoe: x = 0.6 + 0.3 · 0.2 · x.
        var wfoe = 0.6 / (1 - 0.3 * 0.2);
        assertThat(stakes.get("applicant")).isEqualTo(1.0);
        assertThat(stakes.get("wfoe")).isCloseTo(wfoe, within());
        assertThat(stakes.get("affiliate")).isCloseTo(0.2 * wfoe, within());
        assertThat(stakes.get("hk")).isCloseTo(0.8 * wfoe, within());
        assertThat(stakes.get("parent")).isCloseTo(0.8 * wfoe, within());
    }

    @Test
    void sharesReadAsPeopleWriteThem() {
        assertThat(Percentages.share(Share.exactly(0.6))).isEqualTo("60%");
        assertThat(Percentages.share(new Share(0.05, 0.1))).isEqualTo("5–10%");
        assertThat(Percentages.share(Share.exactly(1.0 / 3))).isEqualTo("33.3333%");
        assertThat(Percentages.withRange(35, new org.kaifang.ownership.OwnershipAnalysis.Range(30, 40)))
                .isEqualTo("35% (30–40%)");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> byClass(Document svg, String tag, String cls) {
        var result = new ArrayList<Element>();
        var list = svg.getElementsByTagName(tag);
        for (int i = 0; i < list.getLength(); i++) {
            var element = (Element) list.item(i);
            if (List.of(element.getAttribute("class").split(" ")).contains(cls)) {
                result.add(element);
            }
        }
        return result;
    }

    private static List<String> text(Document svg, String tag) {
        var result = new ArrayList<String>();
        var list = svg.getElementsByTagName(tag);
        for (int i = 0; i < list.getLength(); i++) {
            result.add(list.item(i).getTextContent());
        }
        return result;
    }

    private static Party party(String id, String name, String jurisdiction) {
        return new Party(id, name, PartyKind.COMPANY, jurisdiction, Map.of());
    }

    /** Builds structures through the module's own records. */
    private static final class Builder {
        private final List<Party> parties = new ArrayList<>();
        private final List<Holding> holdings = new ArrayList<>();

        Builder party(String id, String name, String jurisdiction) {
            parties.add(OwnershipGraphTests.party(id, name, jurisdiction));
            return this;
        }

        Builder holds(String owner, double percent, String owned) {
            holdings.add(new Holding(owner, owned, Share.exactly(percent / 100), null));
            return this;
        }

        OwnershipStructure build() {
            return new OwnershipStructure(parties, holdings, List.of());
        }
    }
}
