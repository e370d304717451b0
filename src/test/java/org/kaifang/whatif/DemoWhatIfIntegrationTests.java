package org.kaifang.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaifang.accounts.Accounts;
import org.kaifang.register.DemoRegisterState;
import org.kaifang.testing.Actors;
import org.kaifang.testing.DemoRegisterContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shipped candidate over the demo data: a what-if as of 2025-09-01 lists, by name, the demo enterprises that would
 * gain internet access for users in the plan's new cities, and nobody loses anything. Its context is
 * {@link DemoRegisterContext}'s, shared with the statistics tests and one recording of the demo register.
 */
@DemoRegisterContext
class DemoWhatIfIntegrationTests {

    @Autowired
    WhatIf whatIf;

    @Autowired
    Accounts accounts;

    @Autowired
    DemoRegisterState demoRegister;

    @BeforeEach
    void demoRegisterLoaded() throws InterruptedException {
        assertThat(demoRegister.awaitLoaded(10, TimeUnit.MINUTES)).isTrue();
    }

    Run finished(Run started) throws InterruptedException {
        var user = Actors.currentUser(accounts, "registrar");
        var deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            var run = whatIf.find(user, started.id()).orElseThrow();
            if (run.status().finished()) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not finish in 5 minutes");
    }

    @Test
    void theTwentyCityCandidateListsTheDemoEnterprisesThatGainUserAccessInTheNewCities() throws Exception {
        var registrar = Actors.currentUser(accounts, "registrar");
        var run = finished(whatIf.start(
                registrar, whatIf.candidates().bundled("twenty-cities-2025"), LocalDate.parse("2025-09-01")));

        assertThat(run.status()).isEqualTo(RunStatus.DONE);
        assertThat(run.subjects()).isGreaterThan(10_000);
        // A few hundred distinct inputs stand for twelve thousand holders.
        assertThat(run.distinctInputs()).isLessThan(run.subjects() / 5);
        assertThat(run.losses()).isZero();

        var report = whatIf.report(run);
        assertThat(report.groups()).anySatisfy(g -> {
            assertThat(g.service()).isEqualTo("B14/USER_ACCESS");
            assertThat(g.area()).isEqualTo("120000");
            assertThat(g.direction()).isEqualTo(Direction.GAIN);
            assertThat(g.current()).isEqualTo("NOT_PERMITTED");
            assertThat(g.candidate()).isEqualTo("REFER");
            assertThat(g.count()).isPositive();
        });
        assertThat(report.groups())
                .allSatisfy(g -> assertThat(g.service()).isIn("B14/USER_ACCESS", "B25/APP_STORE", "B13/IP_VPN"));

        var changes = new ArrayList<Runs.StoredChange>();
        for (var page = whatIf.changes(run, 0, 1_000);
                !page.isEmpty();
                page = whatIf.changes(run, page.getLast().seq(), 1_000)) {
            changes.addAll(page);
        }
        var tianjin = changes.stream()
                .filter(c -> c.area().equals("120000") && c.service().equals("B14/USER_ACCESS"))
                .map(Runs.StoredChange::name)
                .toList();
        System.out.println("Demo enterprises gaining user internet access in Tianjin: " + tianjin);
        // The demo register names its holders by city: every gain in Tianjin is a Tianjin demo enterprise.
        assertThat(tianjin)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith("天津").contains("演示"));
        // The demo register is made from a fixed seed: these are the same every time.
        assertThat(tianjin).contains("天津恒达演示数据服务（合资）有限公司", "天津众望演示信息技术（外资）有限公司");
        assertThat(changes).allSatisfy(c -> assertThat(c.equityAssumed()).isTrue());
        assertThat(changes.stream().map(Runs.StoredChange::area).distinct())
                .contains("120000", "330000", "420000")
                .doesNotContain("110000", "310000", "460000");

        // One enterprise's per-rule difference: the plan's city opens the service, for an officer to confirm.
        var first = changes.getFirst();
        var diff = whatIf.diff(run, first.ref());
        assertThat(diff.name()).isEqualTo(first.name());
        assertThat(diff.services()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.candidate().decidedBy()).isEqualTo("pilot.vas-opening");
            assertThat(s.rules()).extracting(EnterpriseDiff.RuleDiff::rule).contains("pilot.vas-opening");
        });

        var csv = new java.io.StringWriter();
        ChangesCsv.write(whatIf, run, csv);
        assertThat(csv.toString().lines()).hasSize(changes.size() + 1);
        assertThat(csv.toString()).contains(first.name());
    }

    @Test
    void anotherOrganisationsStaffDoNotSeeTheRunButAnAdministratorDoes() throws Exception {
        var registrar = Actors.currentUser(accounts, "registrar");
        var officer = Actors.currentUser(accounts, "officer");
        var admin = Actors.currentUser(accounts, "admin");
        var run = whatIf.start(
                registrar, whatIf.candidates().bundled("twenty-cities-2025"), LocalDate.parse("2025-09-01"));
        finished(run);
        assertThat(officer.organisationId()).isNotEqualTo(registrar.organisationId());
        assertThat(whatIf.find(officer, run.id())).isEmpty();
        assertThat(whatIf.runs(officer)).noneMatch(r -> r.id().equals(run.id()));
        assertThat(whatIf.find(admin, run.id())).isPresent();
    }
}
