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
 * @param sites         where each office is (place name, municipality), one per office
 * @param staff         the people who work for the service and may use its pages
 */
public record Service(String id, String name, String provider, List<String> serves, List<String> herIds,
        List<String> offices, String currentOffice, List<Site> sites, List<StaffMember> staff) {

    /** An office of the service: the participant, the place name and the municipality it lies in. */
    public record Site(String office, String name, String municipality) {
    }

    /** A person of the service: HPR number, name, and role. */
    public record StaffMember(String hpr, String name, Role role) {
    }

    /** What a member of staff is; the pregnancy card records who saw the woman. */
    public enum Role {
        MIDWIFE("jordmor"), GP("lege");

        private final String key;

        Role(String key) {
            this.key = key;
        }

        /** The key in the cooperation file. */
        public String key() {
            return key;
        }

        static Role of(String key) {
            for (Role r : values()) if (r.key.equals(key)) return r;
            return null;
        }
    }

    /** The site of one office. */
    public java.util.Optional<Site> site(String office) {
        return sites.stream().filter(s -> s.office().equals(office)).findFirst();
    }

    /** A member of staff by HPR number. */
    public java.util.Optional<StaffMember> staffMember(String hpr) {
        return staff.stream().filter(s -> s.hpr().equals(hpr)).findFirst();
    }
}
