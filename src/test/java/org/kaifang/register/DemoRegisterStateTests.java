package org.kaifang.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the register's pages are told about a demo register being recorded in the background. */
class DemoRegisterStateTests {

    @Test
    void withoutADemoLoadNothingIsLoadingAndNothingIsAwaited() throws InterruptedException {
        var state = new DemoRegisterState();

        assertThat(state.loading()).isFalse();
        assertThat(state.awaitLoaded(0, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void aStartedLoadIsLoadingUntilItFinishes() throws InterruptedException {
        var state = new DemoRegisterState();
        state.started();

        assertThat(state.loading()).isTrue();
        assertThat(state.awaitLoaded(10, TimeUnit.MILLISECONDS)).isFalse();

        state.finished();

        assertThat(state.loading()).isFalse();
        assertThat(state.awaitLoaded(0, TimeUnit.MILLISECONDS)).isTrue();
    }
}
