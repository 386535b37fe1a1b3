package no.samnav.gateway.registry;

import java.util.List;

/**
 * The YAML cooperation file as written by an operator (see {@code docs/configuration.md}): one entry
 * per participant, the shared services and the GP list. Kebab-case keys; folders relative to the
 * gateway's data directory.
 */
public record CooperationFile(String name, List<Entry> participants, List<ServiceEntry> services, GpListEntry gpList,
        SharedJournalEntry sharedJournal) {

    /**
     * The shared journal: the member participants (who read, and whose documents are shared) and
     * the duty hours of participants whose care relationship is being on duty (the legevakt).
     */
    public record SharedJournalEntry(List<String> members, List<OnDutyEntry> onDuty) {
    }

    /** One participant's duty hours, Norwegian local time, e.g. weekdays {@code 15:30-08:00}, weekends {@code 00:00-24:00}. */
    public record OnDutyEntry(String participant, String weekdays, String weekends) {
    }

    /** One participant as configured. */
    public record Entry(String id, String name, String municipality, List<String> herIds, String profile,
            String channel, String outbox, String inbox, String endpoint, String endpointTokenEnv, List<String> accepts,
            List<String> apiClients) {
    }

    /** A service (e.g. the midwife service) addressed by its own HER-ids and answered by its current office. */
    public record ServiceEntry(String id, String name, String provider, List<String> serves, List<String> herIds,
            List<String> offices, String currentOffice, List<SiteEntry> sites, List<StaffEntry> staff) {
    }

    /**
     * Where an office of a service is: its place name and the municipality it lies in (where a
     * consultation there is refunded), e.g. the midwife's office at Oteren helsehus lies in Storfjord
     * although Balsfjord employs her.
     */
    public record SiteEntry(String office, String name, String municipality) {
    }

    /** A person who works for a service: HPR number, name and role ({@code jordmor} or {@code lege}). */
    public record StaffEntry(String hpr, String name, String role) {
    }

    /**
     * The GP list: the HER-ids that address "the patient's GP", and the patients' GPs, inline or in a
     * separate file (relative to the cooperation file's folder).
     */
    public record GpListEntry(List<String> herIds, String file, List<GpEntry> entries) {
    }

    /** A separate GP-list file: only {@code entries}. */
    public record GpListFile(List<GpEntry> entries) {
    }

    /** One patient on a GP's list: FNR or D-number, the GP's (person) HER-id and the office participant. */
    public record GpEntry(String patient, String gp, String office) {
    }
}
