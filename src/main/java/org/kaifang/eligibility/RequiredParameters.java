package org.kaifang.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kaifang.rules.Parameter;
import org.kaifang.rules.RulePack;
import org.kaifang.rules.RulePackProblem;
import org.kaifang.rules.RulePackRejected;

/**
 * What the engine needs from a rule pack: the parameters it reads, over the periods it reads them, and the message
 * templates it fills. Checked once when an engine is built, so a defective pack is refused before it can decide.
 */
final class RequiredParameters {

    /** Read on every date the pack covers. */
    static final List<String> CONTINUOUS = List.of(
            "foreign-investment.regime",
            "credit.dishonest-list-bars",
            "credit.bad-list",
            "capital.minimum.cross-regional",
            "capital.minimum.provincial",
            "capital.minimum.basic.cross-regional",
            "capital.minimum.basic.provincial",
            "authority.basic",
            "authority.foreign-invested",
            "authority.cross-regional",
            "authority.provincial",
            "equity.basic-cap",
            "scope.basic-telecom",
            "equity.prohibited-content",
            "content.prior-approval",
            "equity.vas-cap",
            "equity.vas-cap-exempt",
            "equity.ftz-zone",
            "ownership.domestic-jurisdictions",
            "ownership.cap-measure",
            "ownership.foreign-control",
            "restricted.control-threshold");

    /** Read only where they have a value. */
    static final List<String> OPTIONAL = List.of(
            "equity.ecommerce-opening",
            "equity.basic-cap-as-vas",
            "equity.wto-uncommitted",
            "equity.hainan-ftp-open",
            "coverage.hainan-idc-cdn",
            "equity.ftz-no-cap",
            "equity.ftz-open-at-cap",
            "pilot.services",
            "pilot.coverage-confined",
            "pilot.nationwide-coverage",
            "restricted.investment-bar");

    /** Read on every date {@code pilot.services} has a value. */
    static final List<String> WITH_PILOT =
            List.of("pilot.approval", "pilot.excluded-content", "pilot.seat-in-area", "pilot.facilities-in-area");

    static final List<String> MESSAGES = List.of(
            "applicant.foreign-investment.fie",
            "applicant.foreign-investment.domestic",
            "applicant.credit.clear",
            "applicant.credit.bad",
            "applicant.credit.dishonest",
            "applicant.capital.unstated",
            "applicant.capital.below",
            "applicant.capital.met",
            "restricted.screening",
            "restricted.summary.clear",
            "restricted.summary.hits",
            "restricted.applicant",
            "restricted.owner.barred",
            "restricted.owner.stake",
            "restricted.owner.band",
            "restricted.unknown-measures",
            "restricted.other-measures",
            "restricted.suspended",
            "restricted.possible",
            "restricted.aggregate",
            "authority.basic",
            "authority.pilot",
            "authority.foreign-invested",
            "authority.cross-regional",
            "authority.provincial",
            "authority.provincial.fie-before-2022",
            "catalogue.not-in-force",
            "catalogue.basic",
            "catalogue.value-added",
            "equity.basic.exceeded",
            "equity.basic.within",
            "scope.basic",
            "content.prohibited",
            "content.domestic",
            "content.prior-approval",
            "content.NEWS",
            "content.PUBLISHING",
            "content.AUDIOVISUAL",
            "content.CULTURE",
            "content.MEDICAL",
            "equity.national.exempt",
            "equity.ecommerce",
            "equity.national.exceeded",
            "equity.national.within",
            "equity.wto",
            "equity.hainan.open",
            "equity.hainan.partly",
            "coverage.hainan.met",
            "condition.hainan-facilities",
            "equity.ftz.no-cap",
            "equity.ftz.at-cap",
            "pilot.seat-partly",
            "pilot.extent-uncertain",
            "pilot.applies",
            "pilot.facilities.inside",
            "pilot.facilities.partly",
            "pilot.facilities.outside",
            "pilot.coverage.beyond",
            "pilot.coverage.nationwide",
            "condition.pilot-approval",
            "condition.pilot-facilities",
            "cap.none",
            "cap.some",
            "equity.cap.permitted",
            "equity.cap.refer",
            "equity.cap.not-permitted",
            "hint.credit.dishonest",
            "hint.capital",
            "hint.basic-cap",
            "hint.content",
            "hint.national-cap",
            "hint.wto",
            "hint.hainan-idc",
            "hint.pilot-later",
            "hint.pilot-seat",
            "hint.pilot-zone",
            "hint.pilot-facilities",
            "hint.pilot-coverage",
            "ownership.summary",
            "ownership.controlled.yes",
            "ownership.controlled.no",
            "ownership.measures",
            "ownership.band",
            "ownership.control",
            "ownership.control.basic",
            "outcome.PERMITTED",
            "outcome.REFER",
            "outcome.NOT_PERMITTED");

    private final RulePack pack;

    RequiredParameters(RulePack pack) {
        this.pack = pack;
    }

    /** Throws {@link RulePackRejected} listing every missing parameter, gap or message. */
    void check() {
        var problems = problems();
        if (!problems.isEmpty()) {
            throw new RulePackRejected(pack.id(), problems);
        }
    }

    List<RulePackProblem> problems() {
        var problems = new ArrayList<RulePackProblem>();
        for (var key : CONTINUOUS) {
            var parameter = pack.parameters().get(key);
            if (parameter == null) {
                problems.add(missing(key));
            } else {
                gaps(parameter, pack.coverageFrom(), null, problems);
            }
        }
        for (var key : OPTIONAL) {
            if (!pack.parameters().containsKey(key)) {
                problems.add(missing(key));
            }
        }
        var pilot = pack.parameters().get("pilot.services");
        for (var key : WITH_PILOT) {
            var parameter = pack.parameters().get(key);
            if (parameter == null) {
                problems.add(missing(key));
            } else if (pilot != null) {
                for (var period : pilot.values()) {
                    gaps(parameter, period.from(), period.to(), problems);
                }
            }
        }
        for (var key : MESSAGES) {
            if (!pack.messages().containsKey(key)) {
                problems.add(new RulePackProblem("messages.yaml", "/messages/" + key, "the engine needs this message"));
            }
        }
        return problems;
    }

    private static RulePackProblem missing(String key) {
        return new RulePackProblem("parameters.yaml", "/parameters/" + key, "the engine needs this parameter");
    }

    /** Reports every day in [from, to] (to open-ended when null) on which the parameter has no value. */
    private static void gaps(
            Parameter parameter,
            LocalDate from,
            @org.jspecify.annotations.Nullable LocalDate to,
            List<RulePackProblem> problems) {
        var day = from;
        for (var value : parameter.values()) {
            if (value.to() != null && value.to().isBefore(day)) {
                continue;
            }
            if (value.from().isAfter(day)) {
                problems.add(new RulePackProblem(
                        "parameters.yaml",
                        "/parameters/" + parameter.key(),
                        "has no value from " + day + " to " + value.from().minusDays(1)));
            }
            if (value.to() == null) {
                return;
            }
            day = value.to().plusDays(1);
            if (to != null && day.isAfter(to)) {
                return;
            }
        }
        problems.add(new RulePackProblem(
                "parameters.yaml",
                "/parameters/" + parameter.key(),
                "has no value from " + day + (to == null ? " onwards" : " to " + to)));
    }
}
