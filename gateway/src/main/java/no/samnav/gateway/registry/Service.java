package no.samnav.gateway.registry;

import java.util.List;

/**
 * A service of the cooperation that is addressed as such, e.g. the midwife service provided by
 * Balsfjord for both municipalities. A message to one of its HER-ids reaches the participant that is
 * its current office system; moving the service to another office is a change of the cooperation
 * file and a reload.
 *
 * @param id            key of the service, e.g. {@code jordmor}
 * @param name          display name
 * @param provider      the municipality that provides (employs) it
 * @param serves        the municipalities it serves
 * @param herIds        the HER-ids of the service itself
 * @param offices       the participants (office systems) the service works from
 * @param currentOffice the participant that receives what is addressed to the service
 */
public record Service(String id, String name, String provider, List<String> serves, List<String> herIds,
        List<String> offices, String currentOffice) {
}
