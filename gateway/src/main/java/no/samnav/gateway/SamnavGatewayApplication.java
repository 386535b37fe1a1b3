package no.samnav.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Samnav gateway: one executable jar with an embedded broker and message store by default. */
@SpringBootApplication
public class SamnavGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(SamnavGatewayApplication.class, args);
    }
}
