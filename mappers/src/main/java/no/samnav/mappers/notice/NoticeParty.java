package no.samnav.mappers.notice;

/**
 * One end of a notice: an organisation in the address register, optionally one of its sub-units
 * (e.g. the midwife service of a municipality, or a GP office), and optionally a health
 * professional working at the most specific of the two.
 *
 * @param organisation the organisation (HER-id and name); required
 * @param subUnit      a sub-unit of the organisation, or null
 * @param person       the health professional, or null (the sender's author is required by
 *                     {@link ClinicalNotice})
 */
public record NoticeParty(Unit organisation, Unit subUnit, Professional person) {

    /** @throws IllegalArgumentException when the organisation is missing */
    public NoticeParty {
        Inputs.present("NoticeParty.organisation", organisation);
    }

    /** The sending party: the organisation, an optional sub-unit and the author of the note. */
    public static NoticeParty sender(Unit organisation, Unit subUnit, Professional author) {
        return new NoticeParty(organisation, subUnit, author);
    }

    /** The receiving party: the organisation (or office) and, optionally, the patient's GP by name and HER-id. */
    public static NoticeParty receiver(Unit organisation, Unit subUnit, Professional gp) {
        return new NoticeParty(organisation, subUnit, gp);
    }

    /**
     * An organisation or sub-unit as registered in the address register.
     *
     * @param herId its HER-id (1 to 9 digits); required
     * @param name  its name; required
     */
    public record Unit(String herId, String name) {

        /** @throws IllegalArgumentException when the HER-id is missing or malformed, or the name is blank */
        public Unit {
            herId = Inputs.herId("Unit.herId", herId);
            name = Inputs.required("Unit.name", name).strip();
        }
    }

    /**
     * A health professional. The author of a notice is identified by HPR-nummer, a receiving GP by
     * HER-id (the address a GP's messages are routed to); {@link ClinicalNotice} says which it needs.
     *
     * @param hprNumber  HPR-nummer, or null
     * @param herId      the person's own HER-id, or null
     * @param familyName family name; required
     * @param givenName  given name(s); required
     * @param roleCode   the "kategori helsepersonell" code (Volven 9060, e.g. {@code JO}), or null
     * @param roleText   the role as text (e.g. "Jordmor"), or null
     */
    public record Professional(String hprNumber, String herId, String familyName, String givenName,
            String roleCode, String roleText) {

        /** @throws IllegalArgumentException when a name is blank or an identifier is malformed */
        public Professional {
            hprNumber = hprNumber == null ? null : Inputs.hprNumber("Professional.hprNumber", hprNumber);
            herId = herId == null ? null : Inputs.herId("Professional.herId", herId);
            familyName = Inputs.required("Professional.familyName", familyName).strip();
            givenName = Inputs.required("Professional.givenName", givenName).strip();
            roleCode = Inputs.optional("Professional.roleCode", roleCode);
            roleText = Inputs.optional("Professional.roleText", roleText);
            if (roleCode != null) roleCode = roleCode.strip();
        }

        /** The author of a note: HPR-nummer, names and role (e.g. "Jordmor", Volven 9060 code {@code JO}). */
        public static Professional author(String hprNumber, String familyName, String givenName, String roleCode,
                String roleText) {
            return new Professional(Inputs.present("Professional.hprNumber", hprNumber), null, familyName, givenName, roleCode, roleText);
        }

        /** A receiving GP: the GP's HER-id and names. */
        public static Professional gp(String herId, String familyName, String givenName) {
            return new Professional(null, Inputs.present("Professional.herId", herId), familyName, givenName, null, null);
        }
    }
}
