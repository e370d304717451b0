package org.kaifang.screening;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Screening against the built-in lists, with thresholds from {@link ScreeningSettings}. */
@Configuration(proxyBeanMethods = false)
class ScreeningConfiguration {

    @Bean
    Screening screening(ScreeningSettings settings) {
        return new Screening(BuiltInLists.load(), settings.thresholds());
    }
}
