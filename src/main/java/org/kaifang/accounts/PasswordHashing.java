package org.kaifang.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with Spring Security's delegating encoder: bcrypt today, each hash prefixed with its algorithm
 * ({@code {bcrypt}}), so that a stronger algorithm can be adopted later and old hashes upgraded at sign-in.
 */
@Configuration
class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
