package org.kaifang.register;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Whether the synthetic demo register is still being loaded. With {@code --demo} it is recorded in the background once
 * the server is up ({@code DemoRegister}), so that the server answers at once; meanwhile the register's pages say that
 * it is loading rather than showing a register that looks short. Without {@code --demo} it is never loading.
 */
@Component
public class DemoRegisterState {

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean started;

    /** Whether the demo register is being recorded right now. */
    public boolean loading() {
        return started && done.getCount() > 0;
    }

    /** Waits until a load that has started is over (done or failed); returns whether it is. */
    public boolean awaitLoaded(long timeout, TimeUnit unit) throws InterruptedException {
        return !started || done.await(timeout, unit);
    }

    void started() {
        started = true;
    }

    void finished() {
        done.countDown();
    }
}
