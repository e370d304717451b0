package org.kaifang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.rules.RulePackFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class RequestReaderTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The contract's example request: valid as it stands. */
    private static final String VALID = """
            {
              "asOf": "2025-03-01",
              "applicant": {
                "name": "Example Cloud (Shanghai) Co., Ltd.",
                "uscc": "91310115MA1H7AB3C3",
                "seat": "310115",
                "zones": ["CN-SH-LINGANG"],
                "registeredCapitalCny": 10000000,
                "creditStatus": []
              },
              "foreignEquityPercent": 100,
              "ownership": null,
              "services": [
                { "code": "B11", "item": "IRCS", "coverage": ["CN"], "facilities": ["310115"], "content": [] }
              ]
            }
            """;

    private final RequestReader reader = new RequestReader(RulePackFixtures.bundledPack());

    private static ObjectNode valid() {
        return (ObjectNode) JSON.readTree(VALID);
    }

    private static ObjectNode applicant(ObjectNode request) {
        return (ObjectNode) request.get("applicant");
    }

    private static ObjectNode service(ObjectNode request) {
        return (ObjectNode) request.get("services").get(0);
    }

    /** Moves the seat, dropping the declared Lin-gang zone, which would not lie in the new seat. */
    private static void seat(ObjectNode request, String seat) {
        applicant(request).put("seat", seat);
        applicant(request).remove("zones");
    }

    private InvalidRequest refusal(JsonNode request) {
        var refusal = catchThrowableOfType(InvalidRequest.class, () -> reader.read(request));
        assertThat(refusal).as("the request is refused").isNotNull();
        return refusal;
    }

    private static Arguments invalid(String pointer, String what, Consumer<ObjectNode> edit) {
        return Arguments.of(pointer, Named.of(what, edit));
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                invalid("/asOf", "no date", r -> r.remove("asOf")),
                invalid("/asOf", "an impossible date", r -> r.put("asOf", "2025-02-30")),
                invalid("/asOf", "a date as a number", r -> r.put("asOf", 20250301)),
                invalid("/asOf", "a date before the pack's coverage", r -> r.put("asOf", "2020-07-22")),
                invalid("/applicant", "no applicant", r -> r.remove("applicant")),
                invalid("/applicant", "an applicant that is not an object", r -> r.put("applicant", "ACME")),
                invalid("/applicant/name", "no name", r -> applicant(r).remove("name")),
                invalid("/applicant/name", "a blank name", r -> applicant(r).put("name", "   ")),
                invalid(
                        "/applicant/name",
                        "a name of 501 characters",
                        r -> applicant(r).put("name", "x".repeat(501))),
                invalid(
                        "/applicant/uscc",
                        "a USCC with a wrong check character",
                        r -> applicant(r).put("uscc", "91310115MA1H7AB3C4")),
                invalid(
                        "/applicant/uscc",
                        "a USCC of 17 characters",
                        r -> applicant(r).put("uscc", "91310115MA1H7AB3C")),
                invalid("/applicant/seat", "no seat", r -> applicant(r).remove("seat")),
                invalid("/applicant/seat", "a seat with a stray space inside", r -> seat(r, "310 115")),
                invalid("/applicant/seat", "an unknown Beijing district", r -> seat(r, "110199")),
                invalid("/applicant/seat", "Hainan's statistical group code", r -> seat(r, "469000")),
                invalid("/applicant/seat", "a seat that is not six digits", r -> seat(r, "abc")),
                invalid("/applicant/seat", "a seat in Hong Kong", r -> seat(r, "810000")),
                invalid(
                        "/applicant/zones/0",
                        "an unknown zone",
                        r -> applicant(r).putArray("zones").add("CN-XX")),
                invalid(
                        "/applicant/zones/0",
                        "Lin-gang declared for a seat in Tianjin",
                        r -> applicant(r).put("seat", "120000")),
                invalid(
                        "/applicant/zones",
                        "zones that are not a list",
                        r -> applicant(r).put("zones", "CN-SH-LINGANG")),
                invalid(
                        "/applicant/registeredCapitalCny",
                        "capital as a text",
                        r -> applicant(r).put("registeredCapitalCny", "lots")),
                invalid(
                        "/applicant/registeredCapitalCny",
                        "a negative capital",
                        r -> applicant(r).put("registeredCapitalCny", -1)),
                invalid(
                        "/applicant/creditStatus/0",
                        "an unknown credit status",
                        r -> applicant(r).putArray("creditStatus").add("GOOD")),
                invalid(
                        "/applicant/phone",
                        "an unknown applicant field",
                        r -> applicant(r).put("phone", "123")),
                invalid("/foreignEquityPercent", "no equity and no ownership", r -> r.remove("foreignEquityPercent")),
                invalid("/foreignEquityPercent", "a negative equity", r -> r.put("foreignEquityPercent", -1)),
                invalid(
                        "/foreignEquityPercent",
                        "an equity above 100",
                        r -> r.put("foreignEquityPercent", new BigDecimal("100.01"))),
                invalid("/foreignEquityPercent", "an equity as a text", r -> r.put("foreignEquityPercent", "50")),
                invalid(
                        "/foreignEquityPercent",
                        "an equity with 5 decimals",
                        r -> r.put("foreignEquityPercent", new BigDecimal("50.00001"))),
                invalid("/foreignEquityPercent", "both equity and ownership", r -> r.putObject("ownership")),
                invalid("/ownership/holdings", "an ownership graph without holdings", r -> {
                    r.remove("foreignEquityPercent");
                    r.putObject("ownership")
                            .putArray("parties")
                            .addObject()
                            .put("id", "applicant")
                            .put("name", "ACME")
                            .put("kind", "COMPANY")
                            .put("jurisdiction", "CN");
                }),
                invalid("/ownership/holdings/0/owner", "an ownership graph naming an unknown owner", r -> {
                    r.remove("foreignEquityPercent");
                    var ownership = r.putObject("ownership");
                    ownership
                            .putArray("parties")
                            .addObject()
                            .put("id", "applicant")
                            .put("name", "ACME")
                            .put("kind", "COMPANY")
                            .put("jurisdiction", "CN");
                    ownership
                            .putArray("holdings")
                            .addObject()
                            .put("owner", "ghost")
                            .put("owned", "applicant")
                            .put("equityPercent", 60);
                }),
                invalid("/services", "no services", r -> r.remove("services")),
                invalid("/services", "an empty list of services", r -> r.putArray("services")),
                invalid("/services", "51 services", r -> {
                    var services = r.putArray("services");
                    for (int i = 0; i < 51; i++) {
                        services.add(service(valid()).deepCopy());
                    }
                }),
                invalid(
                        "/services/0",
                        "a service that is not an object",
                        r -> r.putArray("services").add("B11")),
                invalid(
                        "/services/0/code",
                        "an unknown service code",
                        r -> service(r).put("code", "B99")),
                invalid(
                        "/services/0/item",
                        "no item for a service that has items",
                        r -> service(r).remove("item")),
                invalid(
                        "/services/0/item",
                        "an item of another service",
                        r -> service(r).put("item", "CDN")),
                invalid("/services/0/item", "an item for a service without items", r -> {
                    service(r).put("code", "A11");
                    service(r).put("item", "IDC");
                }),
                invalid("/services/0/coverage", "no coverage", r -> service(r).remove("coverage")),
                invalid(
                        "/services/0/coverage",
                        "an empty coverage",
                        r -> service(r).putArray("coverage")),
                invalid(
                        "/services/0/coverage",
                        "CN with a province",
                        r -> service(r).putArray("coverage").add("CN").add("310000")),
                invalid(
                        "/services/0/coverage/0",
                        "Shanghai's statistical city code",
                        r -> service(r).putArray("coverage").add("310100")),
                invalid(
                        "/services/0/coverage/1",
                        "Macau as coverage",
                        r -> service(r).putArray("coverage").add("310000").add("820000")),
                invalid(
                        "/services/0/facilities/0",
                        "facilities in an unknown division",
                        r -> service(r).putArray("facilities").add("469000")),
                invalid(
                        "/services/0/content",
                        "content on a service other than B25",
                        r -> service(r).putArray("content").add("NEWS")),
                invalid("/services/0/content/0", "unknown content", r -> {
                    service(r).put("code", "B25");
                    service(r).put("item", "PUBLISHING_PLATFORM");
                    service(r).putArray("content").add("GAMBLING");
                }),
                invalid(
                        "/services/0/price",
                        "an unknown service field",
                        r -> service(r).put("price", 1)),
                invalid(
                        "/services/1",
                        "the same service twice",
                        r -> ((ArrayNode) r.get("services")).add(service(r).deepCopy())),
                invalid("/lang", "an unknown request field", r -> r.put("lang", "en")),
                invalid("/holder", "a holder that is not an object", r -> r.put("holder", "张三")),
                invalid(
                        "/holder/capital",
                        "an unknown holder field",
                        r -> r.putObject("holder").put("capital", 1)),
                invalid(
                        "/holder/legalRepresentative",
                        "a blank legal representative",
                        r -> r.putObject("holder").put("legalRepresentative", " ")),
                invalid(
                        "/holder/shareholders/0/percent",
                        "a share over 100%",
                        r -> r.putObject("holder")
                                .putArray("shareholders")
                                .addObject()
                                .put("name", "甲")
                                .put("percent", 101)),
                invalid(
                        "/holder/shareholders/0/name",
                        "a shareholder without a name",
                        r -> r.putObject("holder")
                                .putArray("shareholders")
                                .addObject()
                                .put("percent", 10)),
                invalid("/holder/shareholders", "shares adding up to more than 100%", r -> {
                    var holders = r.putObject("holder").putArray("shareholders");
                    holders.addObject().put("name", "甲").put("percent", 60);
                    holders.addObject().put("name", "乙").put("percent", 50);
                }),
                invalid("/a~1b", "an unknown field whose name needs escaping", r -> r.put("a/b", 1)));
    }

    @ParameterizedTest(name = "{1} is refused at {0}")
    @MethodSource("invalidInputs")
    void refusesInvalidInputWithAPointerToTheField(String pointer, Consumer<ObjectNode> edit) {
        var request = valid();
        edit.accept(request);

        assertThat(refusal(request).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.pointer()).isEqualTo(pointer);
            assertThat(problem.message()).isNotBlank();
        });
    }

    @Test
    void acceptsAndIgnoresTheHoldersLegalRepresentativeAndShareholders() {
        var request = valid();
        var holder = request.putObject("holder").put("legalRepresentative", "李四");
        var holders = holder.putArray("shareholders");
        holders.addObject().put("name", "Example Holdings Ltd.").put("percent", 49);
        holders.addObject().put("name", "上海某某投资有限公司").put("percent", 51);

        assertThat(reader.read(request)).isEqualTo(reader.read(valid()));
    }

    @Test
    void refusesARequestThatIsNotAnObject() {
        assertThat(refusal(JSON.readTree("[1, 2]")).problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.pointer()).isEmpty());
        assertThat(refusal(null).problems()).hasSize(1);
    }

    @Test
    void reportsEveryProblemOfARequestAtOnce() {
        var request = valid();
        applicant(request).put("seat", "abc");
        applicant(request).remove("zones");
        request.put("foreignEquityPercent", 150);
        service(request).put("code", "B99");

        var refusal = refusal(request);

        assertThat(refusal.problems())
                .extracting(InputProblem::pointer)
                .containsExactly("/applicant/seat", "/foreignEquityPercent", "/services/0/code");
        assertThat(refusal.getMessage()).contains("/applicant/seat").contains("/services/0/code");
    }

    @Test
    void reportsProblemsInEveryServiceAndEveryApplicantField() {
        var request = valid();
        request.put("asOf", "not a date");
        applicant(request).put("uscc", "91310115MA1H7AB3CO");
        applicant(request).putArray("creditStatus").add("GOOD").add("BAD_LIST").add("WORSE");
        ((ArrayNode) request.get("services"))
                .add(JSON.readTree("{\"code\": \"B25\", \"coverage\": [\"990000\"], \"content\": [\"NEWS\"]}"));

        assertThat(refusal(request).problems())
                .extracting(InputProblem::pointer)
                .containsExactlyInAnyOrder(
                        "/asOf",
                        "/applicant/uscc",
                        "/applicant/creditStatus/0",
                        "/applicant/creditStatus/2",
                        "/services/1/item",
                        "/services/1/coverage/0");
    }

    @Test
    void namesTheExpectedCheckCharacterOfAMistypedUscc() {
        var request = valid();
        applicant(request).put("uscc", "91310115MA1H7AB3C4");

        assertThat(refusal(request).problems().getFirst().message()).contains("'3'");
    }

    @Test
    void namesTheItemsOfAServiceWhenTheItemIsMissing() {
        var request = valid();
        service(request).remove("item");

        assertThat(refusal(request).problems().getFirst().message())
                .contains("IDC")
                .contains("IRCS");
    }

    // ---- valid requests ----------------------------------------------------------------------------------------

    @Test
    void readsTheContractsExampleRequest() {
        var request = reader.read(valid());

        assertThat(request.asOf()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(request.foreignEquityPercent()).isEqualByComparingTo("100");
        assertThat(request.applicant().name()).isEqualTo("Example Cloud (Shanghai) Co., Ltd.");
        assertThat(request.applicant().uscc()).isEqualTo("91310115MA1H7AB3C3");
        assertThat(request.applicant().seat()).isEqualTo("310115");
        assertThat(request.applicant().registeredCapitalCny()).isEqualByComparingTo("10000000");
        assertThat(request.applicant().creditStatus()).isEmpty();
        assertThat(request.services()).singleElement().satisfies(service -> {
            assertThat(service.key()).isEqualTo("B11/IRCS");
            assertThat(service.nationwide()).isTrue();
            assertThat(service.facilities()).containsExactly("310115");
            assertThat(service.content()).isEmpty();
        });
    }

    @Test
    void addsTheZonesADeclaredZoneImplies() {
        var request = reader.read(valid());

        assertThat(request.applicant().zones()).containsExactly("CN-SH-LINGANG", "CN-FTZ");
    }

    @Test
    void acceptsLingangDeclaredForASeatInFengxian() {
        var json = valid();
        applicant(json).put("seat", "310120");

        assertThat(reader.read(json).applicant().zones()).containsExactly("CN-SH-LINGANG", "CN-FTZ");
    }

    @Test
    void normalisesCoverageToProvinceCodesAndKeepsFacilitiesAsGiven() {
        var json = valid();
        service(json)
                .putArray("coverage")
                .add("310115")
                .add("310120")
                .add("320506")
                .add("320000");
        service(json).putArray("facilities").add("310115").add("320506");

        var service = reader.read(json).services().getFirst();

        assertThat(service.coverage()).containsExactly("310000", "320000");
        assertThat(service.facilities()).containsExactly("310115", "320506");
    }

    @Test
    void treatsMissingOptionalFieldsAsEmpty() {
        var json = valid();
        applicant(json).remove("uscc");
        applicant(json).remove("zones");
        applicant(json).remove("registeredCapitalCny");
        applicant(json).remove("creditStatus");
        json.remove("ownership");
        service(json).remove("facilities");
        service(json).remove("content");

        var request = reader.read(json);

        assertThat(request.applicant().uscc()).isNull();
        assertThat(request.applicant().zones()).isEmpty();
        assertThat(request.applicant().registeredCapitalCny()).isNull();
        assertThat(request.services().getFirst().facilities()).isEmpty();
    }

    @Test
    void readsCreditStatusAndContent() {
        var json = valid();
        applicant(json).putArray("creditStatus").add("BAD_LIST");
        service(json).put("code", "B25");
        service(json).put("item", "PUBLISHING_PLATFORM");
        service(json).putArray("content").add("MEDICAL").add("NEWS");

        var request = reader.read(json);

        assertThat(request.applicant().creditStatus()).containsExactly(CreditStatus.BAD_LIST);
        assertThat(request.services().getFirst().content())
                .containsExactlyInAnyOrder(ContentType.MEDICAL, ContentType.NEWS);
    }

    @Test
    void acceptsTheBoundsOfForeignEquity() {
        var json = valid();
        json.put("foreignEquityPercent", 0);
        assertThat(reader.read(json).foreignInvested()).isFalse();

        json.put("foreignEquityPercent", new BigDecimal("49.9999"));
        assertThat(reader.read(json).foreignEquityPercent()).isEqualByComparingTo("49.9999");
    }

    @Test
    void acceptsABasicServiceWithoutAnItem() {
        var json = valid();
        service(json).put("code", "A11");
        service(json).remove("item");

        assertThat(reader.read(json).services().getFirst().item()).isNull();
    }

    @Test
    void acceptsTheFirstDayThePackCovers() {
        var json = valid();
        json.put("asOf", "2020-07-23");

        assertThat(reader.read(json).asOf()).isEqualTo(LocalDate.of(2020, 7, 23));
    }

    @Test
    void acceptsTheSameServiceWithDifferentItems() {
        var json = valid();
        var idc = service(json).deepCopy().put("item", "IDC");
        ((ArrayNode) json.get("services")).add(idc);

        assertThat(reader.read(json).services())
                .extracting(RequestedService::key)
                .containsExactly("B11/IRCS", "B11/IDC");
    }
}
