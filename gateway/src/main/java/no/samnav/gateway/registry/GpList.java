package no.samnav.gateway.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cooperation's GP list (a small local stand-in for Fastlegeregisteret): which GP (person
 * HER-id) and office each patient is listed with, and the HER-ids that address "the patient's GP".
 * It holds fødselsnumre: {@link #toString()} gives counts only, and nothing here logs a patient id.
 */
public final class GpList {

    /** The GP and office a patient is listed with. */
    public record Listing(String gpHerId, String office) {
    }

    static final GpList EMPTY = new GpList(List.of(), Map.of(), Map.of());

    private final List<String> addressHerIds;
    private final Map<String, Listing> byPatient;
    private final Map<String, String> officeByGp;

    GpList(List<String> addressHerIds, Map<String, Listing> byPatient, Map<String, String> officeByGp) {
        this.addressHerIds = List.copyOf(addressHerIds);
        this.byPatient = Map.copyOf(byPatient);
        this.officeByGp = Map.copyOf(officeByGp);
    }

    /** The HER-ids that mean "the patient's GP" as a receiver. */
    public List<String> addressHerIds() {
        return addressHerIds;
    }

    /** The listing of a patient (FNR or D-number), if the patient is on a list of the cooperation. */
    public Optional<Listing> listingOf(String patientId) {
        return patientId == null ? Optional.empty() : Optional.ofNullable(byPatient.get(patientId));
    }

    /** The office participant of a GP currently on the list, by the GP's person HER-id. */
    public Optional<String> officeOfGp(String gpHerId) {
        return Optional.ofNullable(officeByGp.get(gpHerId));
    }

    /** The person HER-ids of the GPs on the list. */
    public java.util.Set<String> gpHerIds() {
        return officeByGp.keySet();
    }

    public int patients() {
        return byPatient.size();
    }

    @Override
    public String toString() {
        return "GpList[" + byPatient.size() + " patients, " + officeByGp.size() + " GPs]";
    }
}
