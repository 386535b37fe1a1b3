package no.samnav.gateway.journal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shared journal's settings ({@code samnav.journal.*}, documented in docs/configuration.md and
 * docs/access-policy.md).
 *
 * @param publish                  publish routed messages to the shared journal at all
 * @param publishCategories        the document categories published (epikrise, henvisning,
 *                                 dialogmelding, svarrapport, svangerskap)
 * @param notPublishedFrom         participants whose messages are not published
 * @param careRelationshipWindow   how long sending or receiving a message about a patient makes a care relationship
 * @param emergencyAccessDuration  how long an emergency access lasts
 * @param emergencyReasonMinLength the shortest reason accepted for an emergency access
 * @param maxSearchResults         most documents one search answers with
 */
@ConfigurationProperties("samnav.journal")
public record JournalSettings(Boolean publish, Set<String> publishCategories, List<String> notPublishedFrom,
        Duration careRelationshipWindow, Duration emergencyAccessDuration, Integer emergencyReasonMinLength,
        Integer maxSearchResults) {

    public JournalSettings {
        if (publish == null) publish = true;
        if (publishCategories == null) {
            publishCategories = Set.of("epikrise", "henvisning", "dialogmelding", "svarrapport", "svangerskap");
        }
        if (notPublishedFrom == null) notPublishedFrom = List.of();
        if (careRelationshipWindow == null) careRelationshipWindow = Duration.ofDays(90);
        if (emergencyAccessDuration == null) emergencyAccessDuration = Duration.ofHours(4);
        if (emergencyReasonMinLength == null) emergencyReasonMinLength = 10;
        if (maxSearchResults == null || maxSearchResults < 1) maxSearchResults = 500;
    }
}
