package org.kaifang.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kaifang.licensing.Licences;
import org.kaifang.testing.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** With {@code --demo} the register holds the synthetic demo register, recorded through the licensing module. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:demo-register;DB_CLOSE_DELAY=-1",
            DemoLogins.DEMO,
            "kaifang.demo.register=true"
        })
class DemoRegisterIntegrationTests {

    @Autowired
    Register register;

    @Autowired
    Licences licences;

    @Autowired
    DemoRegisterState state;

    @Test
    void theDemoRegisterIsThereFacetedAndSearchable() throws InterruptedException {
        // It is recorded in the background once the server is ready.
        assertThat(state.awaitLoaded(10, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(state.loading()).isFalse();

        var all = register.search(RegisterQuery.all());

        assertThat(all.total())
                .isEqualTo(DemoRegisterData.FOREIGN + DemoRegisterData.DOMESTIC + 7)
                .isEqualTo(licences.count());
        assertThat(all.facets().get("foreignInvested")).containsEntry("true", DemoRegisterData.FOREIGN + 7L);
        assertThat(all.facets().get("pilot")).containsEntry("true", 7L);
        assertThat(all.licences()).allMatch(l -> l.synthetic());
        var pilots = register.search(RegisterQuery.parse(Map.of("pilot", "true", "q", "Siemens")));
        assertThat(pilots.licences())
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.number()).isNull());
    }
}
