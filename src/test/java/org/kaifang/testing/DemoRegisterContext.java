package org.kaifang.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application on a random port with the demo logins (fixed password) and the synthetic demo register, on one H2
 * database in memory. Every test class so annotated shares one Spring context, and so one recording of the demo
 * register (12,417 licences, the slow part): the statistics, what-if and dashboard tests need the same data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:demo-statistics;DB_CLOSE_DELAY=-1",
            DemoLogins.DEMO,
            DemoLogins.FIXED_PASSWORD,
            "kaifang.demo.register=true"
        })
public @interface DemoRegisterContext {}
