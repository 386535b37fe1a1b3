package no.samnav.gateway.pregnancy.web;

import java.io.Serializable;
import no.samnav.gateway.registry.Service;

/**
 * Who is logged in to the pregnancy card pages: a member of the midwife service's staff (HPR number,
 * name, role) working at one of its offices today. The office is where the checks she records take
 * place (and are refunded).
 *
 * @param hpr       HPR number
 * @param name      name as the card's signature shows it
 * @param role      midwife or GP
 * @param service   the service's id in the cooperation file
 * @param office    the office participant she works at today
 * @param siteName  the office's place name (e.g. Oteren helsehus)
 */
public record CardUser(String hpr, String name, Service.Role role, String service, String office, String siteName)
        implements Serializable {
}
