package no.samnav.gateway.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import no.samnav.gateway.journal.CareRecords;
import no.samnav.gateway.operator.ConflictException;
import no.samnav.gateway.operator.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API's follow-up of emergency accesses to the shared journal: the ones nobody has
 * reviewed yet, and recording a review. The patient's number is shown masked (birth date only):
 * the full access is in the audit trail.
 */
@RestController
@RequestMapping(path = "/api/emergency-access", produces = MediaType.APPLICATION_JSON_VALUE)
public class EmergencyAccessController {

    /** One emergency access as the operator sees it. */
    public record View(String id, String patientBirthDate, String readerHpr, String readerOrganisations, String clientId,
            String reason, Instant grantedAt, Instant expiresAt, Instant reviewedAt, String reviewNote) {

        static View of(CareRecords.EmergencyAccess e) {
            return new View(e.id(), e.patientId().substring(0, 6) + "*****", e.readerHpr(), e.readerOrgs(), e.clientId(),
                    e.reason(), e.grantedAt(), e.expiresAt(), e.reviewedAt(), e.reviewNote());
        }
    }

    private final CareRecords records;
    private final Clock clock;

    public EmergencyAccessController(CareRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Emergency accesses waiting for follow-up, oldest first. */
    @GetMapping
    public List<View> unreviewed() {
        return records.unreviewedEmergencyAccess().stream().map(View::of).toList();
    }

    /** Records that an emergency access was followed up, with what was found. */
    @PostMapping("/{id}/review")
    public View review(@PathVariable("id") String id, @RequestParam("note") String note) {
        if (note == null || note.isBlank() || note.length() > 1000) {
            throw new BadRequestException("note: what the follow-up found, 1 to 1000 characters");
        }
        CareRecords.EmergencyAccess access = records.emergencyAccessById(id).orElseThrow(() ->
                new NotFoundException("no emergency access " + id));
        if (!records.reviewEmergencyAccess(access.id(), note.trim(), clock.instant())) {
            throw new ConflictException("emergency access " + id + " was followed up already");
        }
        return View.of(records.emergencyAccessById(id).orElseThrow());
    }
}
