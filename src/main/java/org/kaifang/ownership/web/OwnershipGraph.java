package org.kaifang.ownership.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.kaifang.ownership.ControlKind;
import org.kaifang.ownership.OwnershipStructure;
import org.kaifang.ownership.Party;

/**
 * Draws a shareholding structure as inline SVG. It is drawn on the server so the page works without script (the
 * Content Security Policy allows none inline) and prints as it shows.
 *
 * <p>A layered drawing: the applicant at the bottom, each owner above what it holds. Cycles are broken for the
 * layering only: a depth-first search up from the applicant marks the holdings that close a cycle ("back" holdings);
 * the others form a DAG, layered by longest path so that every owner sits above everything it holds. Back holdings are
 * drawn as curved arrows that climb back up. Holdings that skip layers run through reserved gaps so they do not cross
 * parties, and a few barycentre sweeps order each layer to untangle the arrows.
 */
final class OwnershipGraph {

    /** Above this many parties the drawing would be unreadable; the page shows the tables only. */
    static final int MAX_PARTIES = 120;

    static final int NODE_WIDTH = 220;
    static final int NODE_HEIGHT = 78;
    private static final int GAP_WIDTH = 64;
    private static final int COLUMN_GAP = 40;
    private static final int LAYER_GAP = 92;
    private static final int MARGIN = 24;
    private static final int NAME_SIZE = 14;
    private static final int META_SIZE = 13;
    private static final int LABEL_SIZE = 13;
    private static final int SWEEPS = 8;

    /** The visible words of the drawing, in the page's language. */
    record Labels(
            String title,
            String description,
            String applicant,
            String foreign,
            String domestic,
            String votes,
            Map<ControlKind, String> control) {}

    /** A holding, or a declared control fact between parties that no holding links, drawn as an arrow. */
    record Edge(int owner, int owned, String label, boolean control, boolean back) {}

    /** A place in a layer: a party, or a gap a layer-skipping arrow passes through ({@code party} is -1). */
    private static final class Slot {
        final int party;
        final int layer;
        final double width;
        double x;
        double y;
        double key;
        final List<Slot> up = new ArrayList<>();
        final List<Slot> down = new ArrayList<>();

        Slot(int party, int layer, double width) {
            this.party = party;
            this.layer = layer;
            this.width = width;
        }

        double centre() {
            return x + width / 2;
        }
    }

    private final List<Party> parties;
    private final Labels labels;
    private final boolean[] foreign;
    private final List<Edge> edges = new ArrayList<>();
    private final int[] layer;
    private final int top;
    private final List<List<Slot>> layers = new ArrayList<>();
    private final Slot[] slotOf;
    private final List<List<Slot>> routes = new ArrayList<>();
    private double width;
    private double height;

    private OwnershipGraph(OwnershipStructure structure, Predicate<Party> isForeign, Labels labels) {
        this.parties = structure.parties();
        this.labels = labels;
        var n = parties.size();
        var index = new HashMap<String, Integer>();
        foreign = new boolean[n];
        for (int i = 0; i < n; i++) {
            index.put(parties.get(i).id(), i);
            foreign[i] = isForeign.test(parties.get(i));
        }
        var edgeSpecs = new ArrayList<int[]>();
        var labelsOf = new ArrayList<String>();
        var controlOnly = new ArrayList<Boolean>();
        var pairs = new HashMap<String, Integer>();
        for (var h : structure.holdings()) {
            pairs.put(h.owner() + "\u0000" + h.owned(), edgeSpecs.size());
            edgeSpecs.add(new int[] {index.get(h.owner()), index.get(h.owned())});
            var label = new StringBuilder(Percentages.share(h.equity()));
            if (h.voting() != null) {
                label.append(" · ").append(labels.votes().replace("{0}", Percentages.share(h.voting())));
            }
            labelsOf.add(label.toString());
            controlOnly.add(false);
        }
        for (var c : structure.control()) {
            var kind = labels.control().getOrDefault(c.kind(), c.kind().name());
            var existing = pairs.get(c.controller() + "\u0000" + c.controlled());
            if (existing != null) {
                labelsOf.set(existing, labelsOf.get(existing) + " · " + kind);
            } else {
                pairs.put(c.controller() + "\u0000" + c.controlled(), edgeSpecs.size());
                edgeSpecs.add(new int[] {index.get(c.controller()), index.get(c.controlled())});
                labelsOf.add(kind);
                controlOnly.add(true);
            }
        }
        var back = backEdges(n, edgeSpecs, index.getOrDefault(OwnershipStructure.APPLICANT, 0));
        for (int e = 0; e < edgeSpecs.size(); e++) {
            edges.add(new Edge(edgeSpecs.get(e)[0], edgeSpecs.get(e)[1], labelsOf.get(e), controlOnly.get(e), back[e]));
        }
        layer = longestPathLayers(n);
        var highest = 0;
        for (var l : layer) {
            highest = Math.max(highest, l);
        }
        top = highest;
        slotOf = new Slot[n];
        place();
        order();
        position();
    }

    /** Lays {@code structure} out; {@code foreign} says which parties are foreign investors. */
    static OwnershipGraph of(OwnershipStructure structure, Predicate<Party> foreign, Labels labels) {
        return new OwnershipGraph(structure, foreign, labels);
    }

    List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** The layer of party {@code id}: 0 at the bottom. */
    int layer(String id) {
        for (int i = 0; i < parties.size(); i++) {
            if (parties.get(i).id().equals(id)) {
                return layer[i];
            }
        }
        throw new IllegalArgumentException("no party " + id);
    }

    /**
     * Marks the holdings that close a cycle: an iterative depth-first search from the applicant up through the owners,
     * then from every party not yet reached. A holding whose owner is still on the search stack is a back edge; the
     * others form a DAG.
     */
    private static boolean[] backEdges(int n, List<int[]> specs, int applicant) {
        var holders = new ArrayList<List<Integer>>();
        for (int i = 0; i < n; i++) {
            holders.add(new ArrayList<>());
        }
        for (int e = 0; e < specs.size(); e++) {
            holders.get(specs.get(e)[1]).add(e);
        }
        var back = new boolean[specs.size()];
        var state = new byte[n];
        var next = new int[n];
        var roots = new ArrayList<Integer>();
        roots.add(applicant);
        for (int i = 0; i < n; i++) {
            roots.add(i);
        }
        var stack = new ArrayDeque<Integer>();
        for (var root : roots) {
            if (state[root] != 0) {
                continue;
            }
            state[root] = 1;
            stack.push(root);
            while (!stack.isEmpty()) {
                var v = stack.peek();
                if (next[v] == holders.get(v).size()) {
                    state[v] = 2;
                    stack.pop();
                    continue;
                }
                var e = holders.get(v).get(next[v]++);
                var owner = specs.get(e)[0];
                if (state[owner] == 1) {
                    back[e] = true;
                } else if (state[owner] == 0) {
                    state[owner] = 1;
                    stack.push(owner);
                }
            }
        }
        return back;
    }

    /** Longest-path layering of the DAG: a party that holds nothing is in layer 0, an owner one above its highest holding. */
    private int[] longestPathLayers(int n) {
        var result = new int[n];
        var remaining = new int[n];
        var owners = new ArrayList<List<Integer>>();
        for (int i = 0; i < n; i++) {
            owners.add(new ArrayList<>());
        }
        for (var e : edges) {
            if (!e.back()) {
                remaining[e.owner()]++;
                owners.get(e.owned()).add(e.owner());
            }
        }
        var ready = new ArrayDeque<Integer>();
        for (int i = 0; i < n; i++) {
            if (remaining[i] == 0) {
                ready.add(i);
            }
        }
        while (!ready.isEmpty()) {
            var v = ready.poll();
            for (var owner : owners.get(v)) {
                result[owner] = Math.max(result[owner], result[v] + 1);
                if (--remaining[owner] == 0) {
                    ready.add(owner);
                }
            }
        }
        return result;
    }

    /** Puts each party in its layer and a gap in every layer a DAG arrow skips. */
    private void place() {
        for (int l = 0; l <= top; l++) {
            layers.add(new ArrayList<>());
        }
        for (int i = 0; i < parties.size(); i++) {
            slotOf[i] = new Slot(i, layer[i], NODE_WIDTH);
            layers.get(layer[i]).add(slotOf[i]);
        }
        for (var e : edges) {
            var route = new ArrayList<Slot>();
            route.add(slotOf[e.owner()]);
            if (!e.back()) {
                for (int l = layer[e.owner()] - 1; l > layer[e.owned()]; l--) {
                    var gap = new Slot(-1, l, GAP_WIDTH);
                    layers.get(l).add(gap);
                    route.add(gap);
                }
            }
            route.add(slotOf[e.owned()]);
            if (!e.back()) {
                for (int i = 0; i + 1 < route.size(); i++) {
                    route.get(i).down.add(route.get(i + 1));
                    route.get(i + 1).up.add(route.get(i));
                }
            }
            routes.add(route);
        }
    }

    /** Barycentre sweeps, alternately down and up, to reduce crossings. */
    private void order() {
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            var downwards = sweep % 2 == 0;
            for (int step = 0; step <= top; step++) {
                var l = downwards ? top - step : step;
                var row = layers.get(l);
                for (int i = 0; i < row.size(); i++) {
                    var slot = row.get(i);
                    var neighbours = downwards ? slot.up : slot.down;
                    if (neighbours.isEmpty()) {
                        slot.key = i;
                        continue;
                    }
                    var sum = 0.0;
                    for (var other : neighbours) {
                        sum += layers.get(other.layer).indexOf(other);
                    }
                    // Scale to this layer's length so that rows of different lengths compare.
                    var span =
                            Math.max(1, layers.get(neighbours.getFirst().layer).size() - 1);
                    slot.key = sum / neighbours.size() / span * Math.max(1, row.size() - 1);
                }
                row.sort(Comparator.comparingDouble(s -> s.key));
            }
        }
    }

    private void position() {
        var widest = 0.0;
        for (var row : layers) {
            widest = Math.max(widest, rowWidth(row));
        }
        for (int l = 0; l <= top; l++) {
            var row = layers.get(l);
            var x = MARGIN + (widest - rowWidth(row)) / 2;
            var y = MARGIN + (double) (top - l) * (NODE_HEIGHT + LAYER_GAP);
            for (var slot : row) {
                slot.x = x;
                slot.y = y;
                x += slot.width + COLUMN_GAP;
            }
        }
        width = MARGIN * 2 + widest;
        height = MARGIN * 2 + (top + 1) * NODE_HEIGHT + top * LAYER_GAP;
        for (int e = 0; e < edges.size(); e++) {
            if (edges.get(e).back()) {
                var route = routes.get(e);
                var right = Math.max(route.getFirst().x, route.getLast().x) + NODE_WIDTH + bulge(edges.get(e));
                width = Math.max(width, right + MARGIN + labelWidth(edges.get(e).label()) / 2);
            }
        }
    }

    private static double rowWidth(List<Slot> row) {
        var sum = 0.0;
        for (var slot : row) {
            sum += slot.width;
        }
        return sum + Math.max(0, row.size() - 1) * COLUMN_GAP;
    }

    private double bulge(Edge e) {
        return 56 + 28 * Math.max(0, layer[e.owned()] - layer[e.owner()] - 1);
    }

    /** The drawing as an {@code <svg>} element, every text XML-escaped. */
    String svg() {
        var out = new StringBuilder(4096);
        var w = fmt(width);
        var h = fmt(height);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ownership-graph\" id=\"ownership-graph\"")
                .append(" role=\"img\" aria-labelledby=\"ownership-graph-title\"")
                .append(" aria-describedby=\"ownership-graph-desc\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(h)
                .append("\" width=\"")
                .append(w)
                .append("\" height=\"")
                .append(h)
                .append("\">\n");
        out.append("<title id=\"ownership-graph-title\">")
                .append(escape(labels.title()))
                .append("</title>\n");
        out.append("<desc id=\"ownership-graph-desc\">")
                .append(escape(labels.description()))
                .append("</desc>\n");
        out.append("<defs><marker id=\"ownership-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\"")
                .append(" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#3d4650\"/></marker></defs>\n");
        var labelPositions = new ArrayList<double[]>();
        out.append("<g class=\"graph-edges\">\n");
        var ends = endpoints();
        for (int e = 0; e < edges.size(); e++) {
            var edge = edges.get(e);
            var route = routes.get(e);
            var d = new StringBuilder();
            double[] at;
            if (edge.back()) {
                var from = route.getFirst();
                var to = route.getLast();
                var x0 = from.x + NODE_WIDTH;
                var y0 = from.y + NODE_HEIGHT / 2.0;
                var x3 = to.x + NODE_WIDTH + 2;
                var y3 = to.y + NODE_HEIGHT / 2.0;
                var k = bulge(edge);
                d.append("M").append(fmt(x0)).append(',').append(fmt(y0));
                d.append(" C").append(fmt(x0 + k)).append(',').append(fmt(y0));
                d.append(' ').append(fmt(x3 + k)).append(',').append(fmt(y3));
                d.append(' ').append(fmt(x3)).append(',').append(fmt(y3));
                at = new double[] {(x0 + x3) / 2 + 0.75 * k, (y0 + y3) / 2};
            } else {
                var points = new ArrayList<double[]>();
                points.add(new double[] {ends.get(e)[0], route.getFirst().y + NODE_HEIGHT});
                for (int i = 1; i + 1 < route.size(); i++) {
                    var gap = route.get(i);
                    points.add(new double[] {gap.centre(), gap.y});
                    points.add(new double[] {gap.centre(), gap.y + NODE_HEIGHT});
                }
                points.add(new double[] {ends.get(e)[1], route.getLast().y - 2});
                for (int i = 0; i < points.size(); i++) {
                    d.append(i == 0 ? "M" : " L")
                            .append(fmt(points.get(i)[0]))
                            .append(',')
                            .append(fmt(points.get(i)[1]));
                }
                if (route.size() > 2) {
                    var middle = route.get(route.size() / 2);
                    at = new double[] {middle.centre(), middle.y + NODE_HEIGHT / 2.0};
                } else {
                    var a = points.getFirst();
                    var b = points.getLast();
                    at = new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2};
                }
            }
            labelPositions.add(at);
            out.append("<path class=\"graph-edge")
                    .append(edge.back() ? " graph-edge--back" : "")
                    .append(edge.control() ? " graph-edge--control" : "")
                    .append("\" data-owner=\"")
                    .append(escape(parties.get(edge.owner()).id()))
                    .append("\" data-owned=\"")
                    .append(escape(parties.get(edge.owned()).id()))
                    .append("\" d=\"")
                    .append(d)
                    .append("\" fill=\"none\" stroke=\"#3d4650\" stroke-width=\"1.6\"")
                    .append(edge.control() ? " stroke-dasharray=\"3 4\"" : "")
                    .append(" marker-end=\"url(#ownership-arrow)\"/>\n");
        }
        out.append("</g>\n<g class=\"graph-labels\">\n");
        for (int e = 0; e < edges.size(); e++) {
            var label = edges.get(e).label();
            var at = labelPositions.get(e);
            var lw = labelWidth(label);
            out.append("<g class=\"graph-label\"><rect x=\"")
                    .append(fmt(at[0] - lw / 2))
                    .append("\" y=\"")
                    .append(fmt(at[1] - 11))
                    .append("\" width=\"")
                    .append(fmt(lw))
                    .append("\" height=\"22\" rx=\"3\" fill=\"#ffffff\" stroke=\"#8b9198\"/>")
                    .append("<text x=\"")
                    .append(fmt(at[0]))
                    .append("\" y=\"")
                    .append(fmt(at[1] + 4.5))
                    .append("\" text-anchor=\"middle\" font-size=\"")
                    .append(LABEL_SIZE)
                    .append("\" fill=\"#1b1f24\">")
                    .append(escape(label))
                    .append("</text></g>\n");
        }
        out.append("</g>\n<g class=\"graph-nodes\">\n");
        for (int i = 0; i < parties.size(); i++) {
            node(out, i);
        }
        out.append("</g>\n</svg>");
        return out.toString();
    }

    private void node(StringBuilder out, int i) {
        var party = parties.get(i);
        var slot = slotOf[i];
        var applicant = party.id().equals(OwnershipStructure.APPLICANT);
        out.append("<g class=\"graph-node")
                .append(foreign[i] ? " graph-node--foreign" : " graph-node--domestic")
                .append(applicant ? " graph-node--applicant" : "")
                .append("\" data-party=\"")
                .append(escape(party.id()))
                .append("\"><title>")
                .append(escape(party.name()))
                .append("</title>");
        out.append("<rect x=\"")
                .append(fmt(slot.x))
                .append("\" y=\"")
                .append(fmt(slot.y))
                .append("\" width=\"")
                .append(NODE_WIDTH)
                .append("\" height=\"")
                .append(NODE_HEIGHT)
                .append("\" rx=\"4\"")
                // Foreign parties differ by a dashed border and a warm fill as well as by the word "foreign".
                .append(
                        foreign[i]
                                ? " fill=\"#fff4d6\" stroke=\"#8a5a00\" stroke-width=\"2.5\" stroke-dasharray=\"7 4\""
                                : applicant
                                        ? " fill=\"#eef4fb\" stroke=\"#0b3a6f\" stroke-width=\"3.5\""
                                        : " fill=\"#ffffff\" stroke=\"#1b1f24\" stroke-width=\"1.6\"")
                .append("/>");
        var lines = wrap(party.name(), NODE_WIDTH - 16, NAME_SIZE, 2);
        var cx = slot.x + NODE_WIDTH / 2.0;
        out.append("<text class=\"graph-name\" text-anchor=\"middle\" font-size=\"")
                .append(NAME_SIZE)
                .append("\" font-weight=\"700\" fill=\"#1b1f24\">");
        var baseline = slot.y + (lines.size() == 1 ? 30 : 22);
        for (int l = 0; l < lines.size(); l++) {
            out.append("<tspan x=\"")
                    .append(fmt(cx))
                    .append("\" y=\"")
                    .append(fmt(baseline + l * 18))
                    .append("\">")
                    .append(escape(lines.get(l)))
                    .append("</tspan>");
        }
        out.append("</text>");
        var meta = (applicant ? labels.applicant() + " · " : "") + (foreign[i] ? labels.foreign() : labels.domestic())
                + " · " + party.jurisdiction();
        out.append("<text class=\"graph-meta\" x=\"")
                .append(fmt(cx))
                .append("\" y=\"")
                .append(fmt(slot.y + NODE_HEIGHT - 13))
                .append("\" text-anchor=\"middle\" font-size=\"")
                .append(META_SIZE)
                .append("\"")
                .append(foreign[i] ? " font-weight=\"700\" fill=\"#5c3c00\"" : " fill=\"#3d4650\"")
                .append(">")
                .append(escape(meta))
                .append("</text></g>\n");
    }

    /**
     * Where each DAG arrow leaves its owner and reaches what it holds: spread along the bottom and top edges in the
     * order of where the arrows come from, so that arrowheads do not pile up.
     */
    private Map<Integer, double[]> endpoints() {
        var result = new HashMap<Integer, double[]>();
        var leaving = new HashMap<Slot, List<Integer>>();
        var arriving = new HashMap<Slot, List<Integer>>();
        for (int e = 0; e < edges.size(); e++) {
            if (edges.get(e).back()) {
                continue;
            }
            result.put(e, new double[2]);
            leaving.computeIfAbsent(routes.get(e).getFirst(), s -> new ArrayList<>())
                    .add(e);
            arriving.computeIfAbsent(routes.get(e).getLast(), s -> new ArrayList<>())
                    .add(e);
        }
        leaving.forEach((slot, list) -> {
            list.sort(Comparator.comparingDouble(e -> routes.get(e).get(1).centre()));
            for (int i = 0; i < list.size(); i++) {
                result.get(list.get(i))[0] = slot.x + NODE_WIDTH * (i + 1.0) / (list.size() + 1);
            }
        });
        arriving.forEach((slot, list) -> {
            list.sort(Comparator.comparingDouble(
                    e -> routes.get(e).get(routes.get(e).size() - 2).centre()));
            for (int i = 0; i < list.size(); i++) {
                result.get(list.get(i))[1] = slot.x + NODE_WIDTH * (i + 1.0) / (list.size() + 1);
            }
        });
        return result;
    }

    /** Up to {@code max} lines no wider than {@code room}, by words where there are spaces; the last ends in … if cut. */
    static List<String> wrap(String text, double room, int size, int max) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        var rest = text.strip();
        var i = 0;
        while (i < rest.length() && lines.size() < max) {
            var cp = rest.codePointAt(i);
            var token = new StringBuilder().appendCodePoint(cp);
            var j = i + Character.charCount(cp);
            if (!wide(cp) && cp != ' ') {
                while (j < rest.length()) {
                    var next = rest.codePointAt(j);
                    if (next == ' ' || wide(next)) {
                        break;
                    }
                    token.appendCodePoint(next);
                    j += Character.charCount(next);
                }
            }
            if (line.isEmpty() && token.toString().equals(" ")) {
                i = j;
                continue;
            }
            if (textWidth(line.toString() + token, size) <= room) {
                line.append(token);
                i = j;
            } else if (line.isEmpty()) {
                // A single word wider than the box: cut it by characters.
                var cut = new StringBuilder();
                var k = i;
                while (k < rest.length()
                        && textWidth(cut.toString() + Character.toString(rest.codePointAt(k)), size) <= room) {
                    cut.appendCodePoint(rest.codePointAt(k));
                    k += Character.charCount(rest.codePointAt(k));
                }
                lines.add(cut.toString());
                i = k;
            } else {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
        }
        if (!line.isEmpty() && lines.size() < max) {
            lines.add(line.toString().strip());
        }
        if (i < rest.length() && !lines.isEmpty()) {
            var last = lines.removeLast();
            while (!last.isEmpty() && textWidth(last + "…", size) > room) {
                last = last.substring(0, last.offsetByCodePoints(last.length(), -1));
            }
            lines.add(last.strip() + "…");
        }
        return lines;
    }

    /** An estimate of rendered width: CJK glyphs are square, Latin ones a little over half as wide. */
    static double textWidth(String text, int size) {
        var width = 0.0;
        for (var cp : text.codePoints().toArray()) {
            width += wide(cp) ? size : (Character.isUpperCase(cp) ? 0.68 : 0.56) * size;
        }
        return width;
    }

    private static boolean wide(int cp) {
        return cp >= 0x2E80 && cp <= 0xFFEF;
    }

    private static double labelWidth(String label) {
        return textWidth(label, LABEL_SIZE) + 12;
    }

    static String escape(String text) {
        var out = new StringBuilder(text.length() + 8);
        for (var cp : text.codePoints().toArray()) {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Characters XML 1.0 forbids would make the whole page unparseable as SVG.
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF)) {
                        out.appendCodePoint(cp);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value).replace(".0", "");
    }
}
