package org.kaifang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.kaifang.eligibility.ContentType.MEDICAL;
import static org.kaifang.eligibility.ContentType.NEWS;
import static org.kaifang.eligibility.Outcome.NOT_PERMITTED;
import static org.kaifang.eligibility.Outcome.PERMITTED;
import static org.kaifang.eligibility.Outcome.REFER;
import static org.kaifang.eligibility.Requests.service;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaifang.rules.Bilingual;
import org.kaifang.rules.Confidence;
import org.kaifang.rules.RulePackFixtures;
import org.kaifang.rules.RulePackLoader;
import org.kaifang.rules.RulePackProblem;
import org.kaifang.rules.RulePackRejected;

class EligibilityEngineTests {

    private static final EligibilityEngine ENGINE = new EligibilityEngine(RulePackFixtures.bundledPack());

    private static final String PUDONG = "310115";
    private static final String FENGXIAN = "310120";
    private static final String XUHUI = "310104";
    private static final String HAIDIAN = "110108";
    private static final String NANSHAN_SHENZHEN = "440305";
    private static final String XIUYING_HAIKOU = "460105";
    private static final String TIANJIN = "120000";
    private static final String OUTSIDE = Requests.OUTSIDE_SPECIAL_AREAS;

    private static Determination determine(Requests requests) {
        return ENGINE.determine(requests.build());
    }

    /** The determination of the request's only service. */
    private static ServiceDetermination judge(Requests requests) {
        var determination = determine(requests);
        assertThat(determination.services()).hasSize(1);
        return determination.services().getFirst();
    }

    private static Finding finding(ServiceDetermination service, String rule) {
        var matching =
                service.findings().stream().filter(f -> f.rule().equals(rule)).toList();
        assertThat(matching).as("findings of rule %s", rule).hasSize(1);
        return matching.getFirst();
    }

    private static Finding finding(Determination determination, String rule) {
        var matching = determination.findings().stream()
                .filter(f -> f.rule().equals(rule))
                .toList();
        assertThat(matching).as("findings of rule %s", rule).hasSize(1);
        return matching.getFirst();
    }

    private static List<String> rules(ServiceDetermination service) {
        return service.findings().stream().map(Finding::rule).toList();
    }

    private static List<String> english(List<Bilingual> texts) {
        return texts.stream().map(Bilingual::en).toList();
    }

    @Nested
    class NationalCap {

        private final Requests.Service search = service("B25/SEARCH").coverage("320000");

        @Test
        void permitsFiftyPercentForeignEquity() {
            var service = judge(Requests.on("2025-03-01").foreignEquity("50").service(search));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(service.foreignEquityCapPercent()).isEqualByComparingTo("50");
            assertThat(service.decidedBy()).isEqualTo("equity.national-cap");
            assertThat(finding(service, "equity.national-cap").outcome()).isEqualTo(PERMITTED);
            assertThat(service.hints()).isEmpty();
        }

        @Test
        void refusesFiftyPointZeroOnePercentForeignEquity() {
            var service = judge(Requests.on("2025-03-01").foreignEquity("50.01").service(search));

            assertThat(service.outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(service.foreignEquityCapPercent()).isEqualByComparingTo("50");
            var cap = finding(service, "equity.national-cap");
            assertThat(cap.outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(cap.message().en()).contains("50.01%").contains("50%");
            assertThat(cap.citation().instrument()).isEqualTo("NL-2024");
            assertThat(english(service.hints()))
                    .anySatisfy(hint -> assertThat(hint).contains("at most 50%"));
        }

        @Test
        void citesTheNegativeListInForceOnTheDate() {
            var before = judge(Requests.on("2024-10-31").foreignEquity("50").service(search));
            var after = judge(Requests.on("2024-11-01").foreignEquity("50").service(search));
            var first = judge(Requests.on("2020-07-23").foreignEquity("50").service(search));

            assertThat(finding(before, "equity.national-cap").citation().instrument())
                    .isEqualTo("NL-2021");
            assertThat(finding(after, "equity.national-cap").citation().instrument())
                    .isEqualTo("NL-2024");
            assertThat(finding(first, "equity.national-cap").citation().instrument())
                    .isEqualTo("NL-2020");
        }

        @Test
        void exemptsMultiPartyCommunicationsFromTheCap() {
            var service = judge(Requests.on("2025-03-01").foreignEquity("100").service(service("B22/MULTIPARTY")));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(service.foreignEquityCapPercent()).isNull();
        }

        @Test
        void opensOperatingECommerceToFullForeignOwnershipNationwide() {
            var service = judge(Requests.on("2025-03-01").foreignEquity("100").service(service("B21/ECOMMERCE")));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(service.foreignEquityCapPercent()).isNull();
            assertThat(finding(service, "equity.ecommerce-opening").citation().instrument())
                    .isEqualTo("MIIT-2015-196");
        }

        @Test
        void capsTheOtherTransactionProcessingItems() {
            var service = judge(Requests.on("2025-03-01").foreignEquity("100").service(service("B21/DATA_PROCESSING")));

            assertThat(service.outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(service.foreignEquityCapPercent()).isEqualByComparingTo("50");
        }
    }

    @Nested
    class Pilot {

        private final Requests.Service dataProcessingInPudong =
                service("B21/DATA_PROCESSING").coverage("310000").facilities(PUDONG);

        @Test
        void liftsTheCapInPudongFromTheLaunchDay() {
            var service = judge(
                    Requests.on("2024-10-23").seat(PUDONG).foreignEquity("100").service(dataProcessingInPudong));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(service.foreignEquityCapPercent()).isNull();
            assertThat(service.decidedBy()).isEqualTo("pilot.vas-opening");
            assertThat(finding(service, "pilot.vas-opening").citation().instrument())
                    .isEqualTo("MIIT-2024-107");
            assertThat(finding(service, "pilot.facilities").outcome()).isEqualTo(PERMITTED);
            assertThat(english(service.conditions()))
                    .anySatisfy(c -> assertThat(c).contains("pilot approval"));
        }

        @Test
        void keepsTheNationalCapTheDayBeforeTheLaunch() {
            var service = judge(
                    Requests.on("2024-10-22").seat(PUDONG).foreignEquity("100").service(dataProcessingInPudong));

            assertThat(service.outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(service.foreignEquityCapPercent()).isEqualByComparingTo("50");
            assertThat(rules(service)).doesNotContain("pilot.vas-opening");
            assertThat(english(service.hints()))
                    .anySatisfy(hint -> assertThat(hint).contains("From 2024-10-23"));
        }

        @Test
        void keepsTheNationalCapOutsideThePilotAreas() {
            var service = judge(Requests.on("2025-03-01")
                    .seat(OUTSIDE)
                    .foreignEquity("100")
                    .service(service("B21/DATA_PROCESSING").coverage("320000").facilities(OUTSIDE)));

            assertThat(service.outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(service.foreignEquityCapPercent()).isEqualByComparingTo("50");
            assertThat(rules(service)).doesNotContain("pilot.vas-opening");
            assertThat(english(service.hints()))
                    .anySatisfy(hint -> assertThat(hint).contains("pilot area"));
        }

        @Test
        void keepsTheNationalCapInShanghaiOutsidePudongAndLingang() {
            var service = judge(Requests.on("2025-03-01")
                    .seat(XUHUI)
                    .foreignEquity("100")
                    .service(service("B21/DATA_PROCESSING").coverage("310000").facilities(XUHUI)));

            assertThat(service.outcome()).isEqualTo(NOT_PERMITTED);
        }

        @Test
        void marksTheNationalCapFindingAsOverriddenByThePilot() {
            var service = judge(
                    Requests.on("2025-03-01").seat(PUDONG).foreignEquity("100").service(dataProcessingInPudong));

            var nationalCap = finding(service, "equity.national-cap");
            assertThat(nationalCap.outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(nationalCap.overriddenBy()).isEqualTo("pilot.vas-opening");
            assertThat(nationalCap.stands()).isFalse();
            assertThat(finding(service, "pilot.vas-opening").stands()).isTrue();
            assertThat(finding(service, "equity.cap").outcome()).isEqualTo(PERMITTED);
        }

        @Test
        void doesNotOverrideAnythingWhenTheNationalCapIsMet() {
            var service = judge(
                    Requests.on("2025-03-01").seat(PUDONG).foreignEquity("50").service(dataProcessingInPudong));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(service.findings())
                    .allSatisfy(f -> assertThat(f.stands()).isTrue());
        }

        @Test
        void refersASeatInFengxianWithoutADeclaredZone() {
            var service = judge(Requests.on("2025-03-01")
                    .seat(FENGXIAN)
                    .foreignEquity("100")
                    .service(service("B21/DATA_PROCESSING").coverage("310000").facilities(PUDONG)));

            assertThat(service.outcome()).isEqualTo(REFER);
            assertThat(finding(service, "pilot.vas-opening").outcome()).isEqualTo(REFER);
            assertThat(english(service.hints()))
                    .anySatisfy(hint -> assertThat(hint).contains("declare the zone"));
        }

        @Test
        void liftsTheCapForASeatInFengxianDeclaredInLingang() {
            var service = judge(Requests.on("2025-03-01")
                    .seat(FENGXIAN, "CN-SH-LINGANG", "CN-FTZ")
                    .foreignEquity("100")
                    .service(service("B21/DATA_PROCESSING").coverage("310000").facilities(PUDONG)));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(service.decidedBy()).isEqualTo("pilot.vas-opening");
        }

        @Test
        void refusesThePilotWhenTheFacilitiesAreOutsideTheArea() {
            var service = judge(Requests.on("2025-03-01")
                    .seat(PUDONG)
                    .foreignEquity("100")
                    .service(service("B21/DATA_PROCESSING").coverage("310000").facilities(OUTSIDE)));

            assertThat(service.outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(finding(service, "pilot.facilities").outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(english(service.hints()))
                    .anySatisfy(hint -> assertThat(hint).contains("Place the service facilities"));
        }

        @Test
        void makesFacilitiesInTheAreaAConditionWhenNoneAreGiven() {
            var service = judge(Requests.on("2025-03-01")
                    .seat(PUDONG)
                    .foreignEquity("100")
                    .service(service("B21/DATA_PROCESSING").coverage("310000")));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(english(service.conditions()))
                    .anySatisfy(c -> assertThat(c).contains("pilot approval"))
                    .anySatisfy(c -> assertThat(c).contains("facilities must be in"));
        }

        @Test
        void refersAnApplicantInShenzhenBecauseThePilotsExtentIsOnlyInferred() {
            var service = judge(Requests.on("2025-03-01")
                    .seat(NANSHAN_SHENZHEN)
                    .foreignEquity("100")
                    .service(service("B21/DATA_PROCESSING").coverage("440000").facilities(NANSHAN_SHENZHEN)));

            assertThat(service.outcome()).isEqualTo(REFER);
            var pilot = finding(service, "pilot.vas-opening");
            assertThat(pilot.outcome()).isEqualTo(REFER);
            assertThat(pilot.confidence()).isEqualTo(Confidence.I);
            assertThat(pilot.message().en()).contains("uncertain");
        }

        @Test
        void liftsTheCapInBeijing() {
            var service = judge(Requests.on("2025-03-01")
                    .seat(HAIDIAN)
                    .foreignEquity("100")
                    .service(service("B12/CDN").coverage("110000").facilities(HAIDIAN)));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(service.foreignEquityCapPercent()).isNull();
        }

        @Test
        void letsAPilotCloudServiceReachTheWholeCountry() {
            var service = judge(Requests.on("2025-03-01")
                    .seat(PUDONG)
                    .foreignEquity("100")
                    .service(service("B11/IRCS").facilities(PUDONG)));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(finding(service, "pilot.coverage").outcome()).isEqualTo(PERMITTED);
            assertThat(finding(service, "equity.wto-commitments").overriddenBy())
                    .isEqualTo("pilot.vas-opening");
        }

        @Test
        void refersPilotInternetAccessCoveringMoreThanTheAreasProvince() {
            var service = judge(Requests.on("2025-03-01")
                    .seat(PUDONG)
                    .foreignEquity("100")
                    .service(service("B14/USER_ACCESS").facilities(PUDONG)));

            assertThat(service.outcome()).isEqualTo(REFER);
            assertThat(finding(service, "pilot.coverage").outcome()).isEqualTo(REFER);
            assertThat(english(service.hints()))
                    .anySatisfy(hint -> assertThat(hint).contains("Limit coverage"));
        }

        @Test
        void permitsPilotInternetAccessWithinTheAreasProvince() {
            var service = judge(Requests.on("2025-03-01")
                    .seat(PUDONG)
                    .foreignEquity("100")
                    .service(service("B14/USER_ACCESS").coverage("310000").facilities(PUDONG)));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
        }

        @Test
        void keepsTheCapForInformationServicesOutsideThePilotList() {
            var search = judge(Requests.on("2025-03-01")
                    .seat(PUDONG)
                    .foreignEquity("100")
                    .service(service("B25/SEARCH").coverage("310000").facilities(PUDONG)));
            var vpn = judge(Requests.on("2025-03-01")
                    .seat(PUDONG)
                    .foreignEquity("100")
                    .service(service("B13/IP_VPN").coverage("310000").facilities(PUDONG)));

            assertThat(search.outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(search.foreignEquityCapPercent()).isEqualByComparingTo("50");
            assertThat(vpn.outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(vpn.foreignEquityCapPercent()).isEqualByComparingTo("50");
        }

        @Test
        void opensPublishingPlatformsWithContentThePilotDoesNotExclude() {
            var service = judge(Requests.on("2025-03-01")
                    .seat(PUDONG)
                    .foreignEquity("100")
                    .service(service("B25/PUBLISHING_PLATFORM")
                            .coverage("310000")
                            .facilities(PUDONG)
                            .content(MEDICAL)));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(english(service.conditions()))
                    .anySatisfy(c -> assertThat(c).contains("drug and medical-device"))
                    .anySatisfy(c -> assertThat(c).contains("pilot approval"));
        }

        @Test
        void ignoresThePilotForADomesticApplicant() {
            var service = judge(Requests.on("2025-03-01").seat(PUDONG).service(dataProcessingInPudong));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(rules(service)).doesNotContain("pilot.vas-opening");
        }
    }

    @Nested
    class WtoCommitments {

        @Test
        void refersCloudServicesAtThirtyPercentOutsideThePilot() {
            var service = judge(Requests.on("2025-03-01")
                    .foreignEquity("30")
                    .service(service("B11/IRCS").coverage("320000").facilities(OUTSIDE)));

            assertThat(service.outcome()).isEqualTo(REFER);
            assertThat(service.foreignEquityCapPercent()).isEqualByComparingTo("50");
            assertThat(finding(service, "equity.national-cap").outcome()).isEqualTo(PERMITTED);
            var wto = finding(service, "equity.wto-commitments");
            assertThat(wto.outcome()).isEqualTo(REFER);
            assertThat(wto.confidence()).isEqualTo(Confidence.I);
            assertThat(wto.citation().instrument()).isEqualTo("WTO-SCHEDULE");
            assertThat(english(service.hints()))
                    .anySatisfy(hint -> assertThat(hint).contains("removes the doubt"));
        }

        @Test
        void raisesNoWtoDoubtForADomesticApplicant() {
            var service =
                    judge(Requests.on("2025-03-01").service(service("B11/IRCS").coverage("320000")));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(rules(service)).doesNotContain("equity.wto-commitments");
        }

        @Test
        void raisesNoWtoDoubtForCommittedServices() {
            var service = judge(Requests.on("2025-03-01")
                    .foreignEquity("30")
                    .service(service("B26/DNS_RESOLUTION").coverage("320000")));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(rules(service)).doesNotContain("equity.wto-commitments");
        }
    }

    @Nested
    class ProhibitedContent {

        @Test
        void refusesAnyForeignEquityInInternetNews() {
            var service = judge(Requests.on("2025-03-01")
                    .foreignEquity("10")
                    .service(service("B25/PUBLISHING_PLATFORM")
                            .coverage("320000")
                            .content(NEWS)));

            assertThat(service.outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(service.foreignEquityCapPercent()).isEqualByComparingTo("0");
            assertThat(service.decidedBy()).isEqualTo("content.prohibited");
            assertThat(finding(service, "content.prohibited").outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(english(service.hints()))
                    .anySatisfy(hint -> assertThat(hint).contains("internet news"));
        }

        @Test
        void refusesInternetNewsInThePilotAreaToo() {
            var service = judge(Requests.on("2025-03-01")
                    .seat(PUDONG)
                    .foreignEquity("100")
                    .service(service("B25/PUBLISHING_PLATFORM")
                            .coverage("310000")
                            .facilities(PUDONG)
                            .content(NEWS)));

            assertThat(service.outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(service.foreignEquityCapPercent()).isEqualByComparingTo("0");
            assertThat(rules(service)).doesNotContain("pilot.vas-opening");
        }

        @Test
        void permitsADomesticApplicantNewsContentOnThePriorApprovalCondition() {
            var service = judge(Requests.on("2025-03-01")
                    .service(service("B25/PUBLISHING_PLATFORM")
                            .coverage("320000")
                            .content(NEWS)));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(finding(service, "content.prohibited").outcome()).isEqualTo(PERMITTED);
            assertThat(finding(service, "content.prior-approval").outcome()).isEqualTo(PERMITTED);
            assertThat(english(service.conditions()))
                    .singleElement()
                    .satisfies(c -> assertThat(c).contains("internet news").contains("prior approval"));
        }

        @Test
        void givesNewsContentACapOfZeroForADomesticApplicantToo() {
            var service = judge(Requests.on("2025-03-01")
                    .service(service("B25/PUBLISHING_PLATFORM")
                            .coverage("320000")
                            .content(NEWS)));

            assertThat(service.foreignEquityCapPercent()).isEqualByComparingTo("0");
        }

        @Test
        void permitsForeignEquityInMedicalInformationOnThePriorApprovalCondition() {
            var service = judge(Requests.on("2025-03-01")
                    .foreignEquity("30")
                    .service(service("B25/PUBLISHING_PLATFORM")
                            .coverage("320000")
                            .content(MEDICAL)));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(rules(service)).doesNotContain("content.prohibited");
            assertThat(english(service.conditions()))
                    .singleElement()
                    .satisfies(c -> assertThat(c).contains("drug and medical-device"));
        }
    }

    @Nested
    class Credit {

        private final Requests.Service search = service("B25/SEARCH").coverage("320000");

        @Test
        void refusesAnApplicantOnTheDishonestListEvenWhenEveryServiceIsPermitted() {
            var determination = determine(Requests.on("2025-03-01")
                    .foreignEquity("30")
                    .on(CreditStatus.DISHONEST_LIST)
                    .service(search));

            assertThat(determination.services())
                    .allSatisfy(s -> assertThat(s.outcome()).isEqualTo(PERMITTED));
            assertThat(determination.overall()).isEqualTo(NOT_PERMITTED);
            assertThat(finding(determination, "applicant.credit").outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(finding(determination, "applicant.credit").citation().instrument())
                    .isEqualTo("ORDER-42");
            assertThat(english(determination.hints()))
                    .anySatisfy(hint -> assertThat(hint).contains("removed from the dishonest list"));
        }

        @Test
        void doesNotBarAnApplicantOnTheBadList() {
            var determination = determine(Requests.on("2025-03-01")
                    .foreignEquity("30")
                    .on(CreditStatus.BAD_LIST)
                    .service(search));

            assertThat(determination.overall()).isEqualTo(PERMITTED);
            var credit = finding(determination, "applicant.credit");
            assertThat(credit.outcome()).isEqualTo(PERMITTED);
            assertThat(credit.message().en()).contains("bad list");
            assertThat(credit.citation().instrument()).isEqualTo("MIIT-2018-CREDIT");
        }

        @Test
        void treatsTheDishonestListAsTheStrongerOfBothLists() {
            var determination = determine(Requests.on("2025-03-01")
                    .on(CreditStatus.BAD_LIST)
                    .on(CreditStatus.DISHONEST_LIST)
                    .service(search));

            assertThat(determination.overall()).isEqualTo(NOT_PERMITTED);
        }
    }

    @Nested
    class RegisteredCapital {

        @Test
        void acceptsOneMillionYuanForAProvincialLicence() {
            var determination = determine(Requests.on("2025-03-01")
                    .registeredCapital(1_000_000)
                    .service(service("B25/SEARCH").coverage("320000")));

            assertThat(finding(determination, "applicant.registered-capital").outcome())
                    .isEqualTo(PERMITTED);
            assertThat(determination.overall()).isEqualTo(PERMITTED);
        }

        @Test
        void refusesLessThanTenMillionYuanForACrossRegionalLicence() {
            var determination = determine(
                    Requests.on("2025-03-01").registeredCapital(9_999_999).service(service("B25/SEARCH")));

            var capital = finding(determination, "applicant.registered-capital");
            assertThat(capital.outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(capital.message().en()).contains("9,999,999").contains("10,000,000");
            assertThat(determination.overall()).isEqualTo(NOT_PERMITTED);
            assertThat(english(determination.hints()))
                    .anySatisfy(h -> assertThat(h).contains("10,000,000"));
        }

        @Test
        void remindsOfTheMinimumWhenTheCapitalIsNotStated() {
            var determination = determine(Requests.on("2025-03-01").service(service("B25/SEARCH")));

            var capital = finding(determination, "applicant.registered-capital");
            assertThat(capital.outcome()).isEqualTo(PERMITTED);
            assertThat(capital.message().en()).contains("not stated").contains("10,000,000");
        }

        @Test
        void doesNotFindTheValueAddedMinimumMetForABasicService() {
            var determination = determine(
                    Requests.on("2025-03-01").registeredCapital(10_000_000).service(service("A11")));

            assertThat(finding(determination, "applicant.registered-capital").outcome())
                    .isNotEqualTo(PERMITTED);
        }
    }

    @Nested
    class AuthorityRouting {

        @Test
        void sendsAForeignInvestedApplicantToMiitWhateverTheScopeFromMay2022() {
            var determination = determine(Requests.on("2022-05-01")
                    .foreignEquity("30")
                    .service(service("B25/SEARCH").coverage("320000")));

            assertThat(determination.licenceScope()).isEqualTo(LicenceScope.PROVINCIAL);
            assertThat(determination.authority().code()).isEqualTo("MIIT");
            assertThat(finding(determination, "authority.routing").citation().instrument())
                    .isEqualTo("FTE-2022");
        }

        @Test
        void sendsAForeignInvestedProvincialApplicantToTheProvinceBeforeMay2022() {
            var determination = determine(Requests.on("2022-04-30")
                    .foreignEquity("30")
                    .service(service("B25/SEARCH").coverage("320000")));

            assertThat(determination.authority().code()).isEqualTo("CA-320000");
            var routing = finding(determination, "authority.routing");
            assertThat(routing.message().en()).contains("2016 FTE Provisions").contains("review by MIIT");
        }

        @Test
        void sendsAForeignInvestedCrossRegionalApplicantToMiitBeforeMay2022() {
            var determination =
                    determine(Requests.on("2021-06-01").foreignEquity("30").service(service("B25/SEARCH")));

            assertThat(determination.authority().code()).isEqualTo("MIIT");
        }

        @Test
        void sendsADomesticProvincialApplicantToItsProvincesCommunicationsAdministration() {
            var determination = determine(
                    Requests.on("2025-03-01").service(service("B25/SEARCH").coverage("320000")));

            assertThat(determination.authority().code()).isEqualTo("CA-320000");
            assertThat(determination.authority().name().zh()).isEqualTo("江苏省通信管理局");
            assertThat(determination.authority().name().en()).isEqualTo("Jiangsu Communications Administration");
            assertThat(finding(determination, "authority.routing").citation().instrument())
                    .isEqualTo("TELECOM-REGS");
        }

        @Test
        void sendsADomesticCrossRegionalApplicantToMiit() {
            var determination = determine(
                    Requests.on("2025-03-01").service(service("B25/SEARCH").coverage("320000", "310000")));

            assertThat(determination.authority()).isEqualTo(Authority.MIIT);
            assertThat(finding(determination, "authority.routing").message().en())
                    .contains("Cross-regional");
        }

        @Test
        void sendsBasicTelecomToMiit() {
            var determination =
                    determine(Requests.on("2025-03-01").service(service("A11").coverage("320000")));

            assertThat(determination.authority()).isEqualTo(Authority.MIIT);
            assertThat(finding(determination, "authority.routing").message().en())
                    .contains("Basic telecom");
        }

        @Test
        void sendsPilotServicesToMiitForAPilotApproval() {
            var determination = determine(Requests.on("2025-03-01")
                    .seat(PUDONG)
                    .foreignEquity("100")
                    .service(service("B21/DATA_PROCESSING").coverage("310000").facilities(PUDONG)));

            assertThat(determination.authority()).isEqualTo(Authority.MIIT);
            var routing = finding(determination, "authority.routing");
            assertThat(routing.message().en()).contains("pilot approval");
            assertThat(routing.citation().instrument()).isEqualTo("MIIT-2024-PILOT-LAUNCH");
        }
    }

    @Nested
    class Scope {

        private LicenceScope scopeOf(Requests.Service... services) {
            var requests = Requests.on("2025-03-01");
            for (var service : services) {
                requests.service(service);
            }
            return determine(requests).licenceScope();
        }

        @Test
        void needsACrossRegionalLicenceForNationwideCoverage() {
            assertThat(scopeOf(service("B25/SEARCH"))).isEqualTo(LicenceScope.CROSS_REGIONAL);
        }

        @Test
        void needsAProvincialLicenceForOneProvince() {
            assertThat(scopeOf(service("B25/SEARCH").coverage("310000"))).isEqualTo(LicenceScope.PROVINCIAL);
        }

        @Test
        void needsACrossRegionalLicenceForTwoProvinces() {
            assertThat(scopeOf(service("B25/SEARCH").coverage("310000", "320000")))
                    .isEqualTo(LicenceScope.CROSS_REGIONAL);
        }

        @Test
        void needsAProvincialLicenceForServicesThatAllCoverTheSameProvince() {
            assertThat(scopeOf(
                            service("B25/SEARCH").coverage("310000"),
                            service("B22/MULTIPARTY").coverage("310000")))
                    .isEqualTo(LicenceScope.PROVINCIAL);
        }

        @Test
        void needsACrossRegionalLicenceForServicesInDifferentProvinces() {
            assertThat(scopeOf(
                            service("B25/SEARCH").coverage("310000"),
                            service("B22/MULTIPARTY").coverage("320000")))
                    .isEqualTo(LicenceScope.CROSS_REGIONAL);
        }
    }

    @Nested
    class BasicTelecom {

        @Test
        void refersBasicTelecomWithinTheCapToAnOfficer() {
            var service = judge(Requests.on("2025-03-01").foreignEquity("49").service(service("A11")));

            assertThat(service.outcome()).isEqualTo(REFER);
            assertThat(service.foreignEquityCapPercent()).isEqualByComparingTo("49");
            assertThat(finding(service, "equity.basic-telecom").outcome()).isEqualTo(PERMITTED);
            assertThat(finding(service, "scope.basic-telecom").outcome()).isEqualTo(REFER);
        }

        @Test
        void refusesBasicTelecomAboveFortyNinePercent() {
            var service = judge(Requests.on("2025-03-01").foreignEquity("49.01").service(service("A11")));

            assertThat(service.outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(service.decidedBy()).isEqualTo("equity.basic-telecom");
            assertThat(service.hints()).isNotEmpty();
        }

        @Test
        void capsRadioPagingAsAValueAddedService() {
            var service = judge(Requests.on("2025-03-01").foreignEquity("50").service(service("A22")));

            assertThat(service.foreignEquityCapPercent()).isEqualByComparingTo("50");
            assertThat(finding(service, "equity.basic-telecom").outcome()).isEqualTo(PERMITTED);
        }
    }

    @Nested
    class HainanFreeTradePort {

        @Test
        void opensTransactionProcessingToFullForeignOwnershipFromFebruary2021() {
            var service = judge(Requests.on("2021-02-01")
                    .seat(XIUYING_HAIKOU)
                    .foreignEquity("100")
                    .service(service("B21/DATA_PROCESSING").coverage("460000")));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(service.foreignEquityCapPercent()).isNull();
            assertThat(service.decidedBy()).isEqualTo("equity.hainan-ftp");
        }

        @Test
        void capsTransactionProcessingInHainanBeforeItsListTookEffect() {
            var service = judge(Requests.on("2021-01-31")
                    .seat(XIUYING_HAIKOU)
                    .foreignEquity("100")
                    .service(service("B21/DATA_PROCESSING").coverage("460000")));

            assertThat(service.outcome()).isEqualTo(NOT_PERMITTED);
        }

        @Test
        void letsAnEnterpriseWithSeatAndFacilitiesInHainanOfferIdcThere() {
            var service = judge(Requests.on("2022-06-01")
                    .seat(XIUYING_HAIKOU)
                    .foreignEquity("50")
                    .service(service("B11/IDC").coverage("460000").facilities(XIUYING_HAIKOU)));

            assertThat(service.outcome()).isEqualTo(PERMITTED);
            assertThat(service.decidedBy()).isEqualTo("coverage.hainan-idc-cdn");
            assertThat(service.foreignEquityCapPercent()).isEqualByComparingTo("50");
            assertThat(finding(service, "equity.wto-commitments").overriddenBy())
                    .isEqualTo("coverage.hainan-idc-cdn");
        }

        @Test
        void refersHainanIdcCoveringTheWholeCountry() {
            var service = judge(Requests.on("2022-06-01")
                    .seat(XIUYING_HAIKOU)
                    .foreignEquity("50")
                    .service(service("B11/IDC").facilities(XIUYING_HAIKOU)));

            assertThat(service.outcome()).isEqualTo(REFER);
            assertThat(english(service.hints())).anySatisfy(h -> assertThat(h).contains("Limit coverage to Hainan"));
        }
    }

    @Nested
    class FreeTradeZones {

        @Test
        void refersUncappedUserAccessInADeclaredFreeTradeZone() {
            var service = judge(Requests.on("2023-01-01")
                    .seat(TIANJIN, "CN-FTZ")
                    .foreignEquity("100")
                    .service(service("B14/USER_ACCESS").coverage("120000")));

            assertThat(service.outcome()).isEqualTo(REFER);
            assertThat(service.foreignEquityCapPercent()).isNull();
            assertThat(finding(service, "equity.ftz-opening").confidence()).isEqualTo(Confidence.M);
        }

        @Test
        void keepsTheNationalCapWithoutADeclaredFreeTradeZone() {
            var service = judge(Requests.on("2023-01-01")
                    .seat(TIANJIN)
                    .foreignEquity("100")
                    .service(service("B14/USER_ACCESS").coverage("120000")));

            assertThat(service.outcome()).isEqualTo(NOT_PERMITTED);
            assertThat(rules(service)).doesNotContain("equity.ftz-opening");
        }
    }

    // ---- properties of every determination ---------------------------------------------------------------------

    /** Requests that between them reach every rule and every outcome. */
    static Stream<Requests> variety() {
        return Stream.of(
                Requests.on("2025-03-01")
                        .foreignEquity("50")
                        .service(service("B25/SEARCH").coverage("320000")),
                Requests.on("2025-03-01").foreignEquity("50.01").service(service("B25/SEARCH")),
                Requests.on("2025-03-01").foreignEquity("100").service(service("B21/ECOMMERCE")),
                Requests.on("2025-03-01").foreignEquity("100").service(service("B22/MULTIPARTY")),
                Requests.on("2024-10-22")
                        .seat(PUDONG)
                        .foreignEquity("100")
                        .service(service("B21/DATA_PROCESSING")
                                .coverage("310000")
                                .facilities(PUDONG)),
                Requests.on("2025-03-01")
                        .seat(PUDONG)
                        .foreignEquity("100")
                        .registeredCapital(10_000_000)
                        .service(service("B11/IRCS").facilities(PUDONG))
                        .service(service("B14/USER_ACCESS").facilities(PUDONG))
                        .service(service("B25/SEARCH").coverage("310000")),
                Requests.on("2025-03-01")
                        .seat(FENGXIAN)
                        .foreignEquity("100")
                        .service(service("B12/CDN").coverage("310000").facilities(FENGXIAN)),
                Requests.on("2025-03-01")
                        .seat(PUDONG)
                        .foreignEquity("100")
                        .service(service("B21/DATA_PROCESSING")
                                .coverage("310000")
                                .facilities(OUTSIDE)),
                Requests.on("2025-03-01")
                        .seat(NANSHAN_SHENZHEN)
                        .foreignEquity("100")
                        .service(service("B21/DATA_PROCESSING").coverage("440000")),
                Requests.on("2025-03-01")
                        .foreignEquity("30")
                        .service(service("B11/IRCS").coverage("320000"))
                        .service(service("B25/PUBLISHING_PLATFORM").content(NEWS, MEDICAL)),
                Requests.on("2025-03-01")
                        .service(service("B25/PUBLISHING_PLATFORM").content(NEWS)),
                Requests.on("2025-03-01")
                        .foreignEquity("30")
                        .on(CreditStatus.DISHONEST_LIST)
                        .registeredCapital(10)
                        .service(service("B25/SEARCH")),
                Requests.on("2025-03-01").on(CreditStatus.BAD_LIST).service(service("B25/SEARCH")),
                Requests.on("2021-06-01")
                        .foreignEquity("30")
                        .service(service("B25/SEARCH").coverage("320000")),
                Requests.on("2025-03-01").foreignEquity("49.01").service(service("A11")),
                Requests.on("2025-03-01").service(service("A22")),
                Requests.on("2022-06-01")
                        .seat(XIUYING_HAIKOU)
                        .foreignEquity("50")
                        .service(service("B11/IDC").coverage("460000").facilities(XIUYING_HAIKOU))
                        .service(service("B12/CDN").facilities(XIUYING_HAIKOU))
                        .service(service("B21/TRANSACTION_PROCESSING").coverage("460000")),
                Requests.on("2023-01-01")
                        .seat(TIANJIN, "CN-FTZ")
                        .foreignEquity("100")
                        .service(service("B14/USER_ACCESS").coverage("120000"))
                        .service(service("B13/IP_VPN").coverage("120000")));
    }

    private static Stream<Finding> everyFinding(Determination determination) {
        return Stream.concat(
                determination.findings().stream(),
                determination.services().stream().flatMap(s -> s.findings().stream()));
    }

    @Test
    void citesADocumentForEveryFinding() {
        var pack = ENGINE.pack();
        variety()
                .map(EligibilityEngineTests::determine)
                .flatMap(EligibilityEngineTests::everyFinding)
                .forEach(finding -> {
                    assertThat(finding.citation().document()).as(finding.rule()).isNotBlank();
                    assertThat(pack.instruments())
                            .as(finding.rule())
                            .containsKey(finding.citation().instrument());
                    assertThat(finding.message().zh()).as(finding.rule()).doesNotContain("{");
                    assertThat(finding.message().en()).as(finding.rule()).doesNotContain("{");
                });
    }

    @Test
    void reportsTheAuthorityTheRoutingAndTheApplicantFindingsInEveryDetermination() {
        variety()
                .map(EligibilityEngineTests::determine)
                .forEach(determination -> assertThat(determination.findings())
                        .extracting(Finding::rule)
                        .containsExactly(
                                "applicant.foreign-investment",
                                "applicant.credit",
                                "applicant.registered-capital",
                                "authority.routing"));
    }

    @Test
    void givesTheSameDeterminationForTheSameRequest() {
        var other = new EligibilityEngine(RulePackLoader.fromDirectory(RulePackFixtures.BUNDLED));
        variety().map(Requests::build).forEach(request -> {
            var first = ENGINE.determine(request);
            assertThat(ENGINE.determine(request)).isEqualTo(first);
            assertThat(other.determine(request)).isEqualTo(first);
        });
    }

    @Test
    void givesHintsOnlyForServicesThatAreNotPermitted() {
        var services = variety()
                .map(EligibilityEngineTests::determine)
                .flatMap(d -> d.services().stream())
                .toList();

        assertThat(services)
                .filteredOn(s -> s.outcome() == PERMITTED)
                .isNotEmpty()
                .allSatisfy(
                        s -> assertThat(s.hints()).as(s.code() + "/" + s.item()).isEmpty());
        assertThat(services)
                .filteredOn(s -> s.outcome() != PERMITTED)
                .anySatisfy(s -> assertThat(s.hints()).isNotEmpty());
    }

    @Test
    void givesApplicantHintsOnlyWhenAnApplicantFindingIsNotPermitted() {
        variety().map(EligibilityEngineTests::determine).forEach(determination -> {
            var refused = determination.findings().stream().anyMatch(f -> f.outcome() == NOT_PERMITTED);
            assertThat(determination.hints().isEmpty()).isEqualTo(!refused);
        });
    }

    @Test
    void takesTheWorstOutcomeOfTheApplicantFindingsAndTheServicesOverall() {
        variety().map(EligibilityEngineTests::determine).forEach(determination -> {
            var worst = Stream.concat(
                            determination.findings().stream().map(Finding::outcome),
                            determination.services().stream().map(ServiceDetermination::outcome))
                    .reduce(PERMITTED, Outcome::and);
            assertThat(determination.overall()).isEqualTo(worst);
        });
    }

    @Test
    void takesEachServicesOutcomeFromTheFindingsThatStand() {
        variety()
                .map(EligibilityEngineTests::determine)
                .flatMap(d -> d.services().stream())
                .forEach(service -> {
                    var worst = service.findings().stream()
                            .filter(Finding::stands)
                            .map(Finding::outcome)
                            .reduce(PERMITTED, Outcome::and);
                    assertThat(service.outcome())
                            .as(service.code() + "/" + service.item())
                            .isEqualTo(worst);
                });
    }

    @Test
    void recordsTheRulePackAndTheEquityJudged() {
        var determination =
                determine(Requests.on("2025-03-01").foreignEquity("12.5").service(service("B22/MULTIPARTY")));

        assertThat(determination.rulePack())
                .isEqualTo(RulePackFixtures.bundledPack().ref());
        assertThat(determination.foreignEquityPercent()).isEqualByComparingTo("12.5");
        assertThat(determination.asOf()).hasToString("2025-03-01");
    }

    // ---- the pack the engine needs -----------------------------------------------------------------------------

    @Nested
    class RequiredParametersCheck {

        @TempDir
        Path temp;

        private RulePackRejected refusal(Path pack) {
            var loaded = RulePackLoader.fromDirectory(pack);
            var refusal = catchThrowableOfType(RulePackRejected.class, () -> new EligibilityEngine(loaded));
            assertThat(refusal).as("the engine refuses the pack").isNotNull();
            return refusal;
        }

        @Test
        void refusesAPackWithoutAParameterItNeeds() {
            var copy = RulePackFixtures.copyOfBundledPack(temp);
            RulePackFixtures.removeParameter(copy, "credit.bad-list");

            assertThat(refusal(copy).problems()).singleElement().satisfies(problem -> {
                assertThat(problem.file()).isEqualTo("parameters.yaml");
                assertThat(problem.path()).isEqualTo("/parameters/credit.bad-list");
            });
        }

        @Test
        void refusesAPackWithoutAnOptionalParameterItReads() {
            var copy = RulePackFixtures.copyOfBundledPack(temp);
            RulePackFixtures.removeParameter(copy, "equity.wto-uncommitted");

            assertThat(refusal(copy).problems())
                    .extracting(RulePackProblem::path)
                    .containsExactly("/parameters/equity.wto-uncommitted");
        }

        @Test
        void refusesAPackWithoutAMessageItFills() {
            var copy = RulePackFixtures.copyOfBundledPack(temp);
            RulePackFixtures.removeMessage(copy, "hint.wto");

            assertThat(refusal(copy).problems())
                    .extracting(RulePackProblem::file, RulePackProblem::path)
                    .containsExactly(tuple("messages.yaml", "/messages/hint.wto"));
        }

        @Test
        void refusesAPackWhoseParameterLeavesTheStartOfItsCoverageWithoutAValue() {
            var copy = RulePackFixtures.copyOfBundledPack(temp);
            RulePackFixtures.replaceFirst(
                    copy,
                    "parameters.yaml",
                    "      - from: 2020-07-23\n        to: 2021-12-31\n        value: 50",
                    "      - from: 2020-08-01\n        to: 2021-12-31\n        value: 50");

            assertThat(refusal(copy).problems()).singleElement().satisfies(problem -> {
                assertThat(problem.path()).isEqualTo("/parameters/equity.vas-cap");
                assertThat(problem.message()).contains("2020-07-23").contains("2020-07-31");
            });
        }

        @Test
        void refusesAPackWhosePilotApprovalStartsAfterThePilot() {
            var copy = RulePackFixtures.copyOfBundledPack(temp);
            RulePackFixtures.replaceFirst(
                    copy,
                    "parameters.yaml",
                    "      - from: 2024-10-23\n        value: 电信业务经营试点批复",
                    "      - from: 2024-11-01\n        value: 电信业务经营试点批复");

            assertThat(refusal(copy).problems()).singleElement().satisfies(problem -> {
                assertThat(problem.path()).isEqualTo("/parameters/pilot.approval");
                assertThat(problem.message()).contains("2024-10-23").contains("2024-10-31");
            });
        }

        @Test
        void listsEveryMissingParameterAndMessageAtOnce() {
            var copy = RulePackFixtures.copyOfBundledPack(temp);
            RulePackFixtures.removeParameter(copy, "credit.bad-list");
            RulePackFixtures.removeParameter(copy, "pilot.approval");
            RulePackFixtures.removeMessage(copy, "hint.wto");

            assertThat(refusal(copy).problems())
                    .extracting(RulePackProblem::path)
                    .containsExactlyInAnyOrder(
                            "/parameters/credit.bad-list", "/parameters/pilot.approval", "/messages/hint.wto");
        }

        @Test
        void acceptsTheBundledPack() {
            assertThat(new EligibilityEngine(RulePackFixtures.bundledPack())
                            .pack()
                            .id())
                    .isEqualTo("telecom-vas");
        }
    }
}
