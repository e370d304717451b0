package org.kaifang.register;

import org.kaifang.licensing.Licences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With {@code --demo}, fills the register with the synthetic demo register ({@link DemoRegisterData}) through the
 * licensing module, as licences taken over from an earlier register would be, once the server is ready: in the
 * background, so that the server answers at once, while {@link DemoRegisterState} tells the register's pages that it
 * is loading. A database that already holds synthetic licences is left as it is. Only {@code ./kaifang serve --demo}
 * asks for it ({@code kaifang.demo.register}): recording 12,417 licences takes long enough that test contexts with demo
 * accounts should not pay for it (docs/register.md has the measurements).
 */
@Component
@ConditionalOnProperty(
        name = {"kaifang.demo", "kaifang.demo.register"},
        havingValue = "true")
class DemoRegister {

    private static final Logger log = LoggerFactory.getLogger(DemoRegister.class);

    private final Licences licences;
    private final JdbcClient jdbc;
    private final DemoRegisterState state;

    DemoRegister(Licences licences, JdbcClient jdbc, DemoRegisterState state) {
        this.licences = licences;
        this.jdbc = jdbc;
        this.state = state;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        state.started();
        Thread.ofPlatform().name("demo-register").daemon(true).start(() -> {
            try {
                fill();
            } catch (RuntimeException e) {
                log.error("The demo register could not be recorded", e);
            } finally {
                state.finished();
            }
        });
    }

    void fill() {
        var held = jdbc.sql("select count(*) from register.licence where synthetic = true")
                .query(Long.class)
                .single();
        if (held > 0) {
            log.info("The demo register is there already: {} synthetic licences", held);
            return;
        }
        var started = System.nanoTime();
        var recorded = licences.record(DemoRegisterData.generate(), "system").size();
        log.info(
                "Demo register: {} synthetic licences recorded in {} ms",
                recorded,
                (System.nanoTime() - started) / 1_000_000);
    }
}
