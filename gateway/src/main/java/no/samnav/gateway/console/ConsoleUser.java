package no.samnav.gateway.console;

import java.io.Serializable;

/** Who is logged in to the operator console: the name the actions are recorded under. */
public record ConsoleUser(String name) implements Serializable {
}
