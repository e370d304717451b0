package org.kaifang;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot application: the server that {@code kaifang serve} starts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KaifangApplication {}
