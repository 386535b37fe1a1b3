package no.samnav.gateway.pregnancy;

import java.util.Optional;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.journal.PublicationVeto;
import org.springframework.stereotype.Component;

/**
 * What the midwife service writes about a pregnant woman who has not consented to share her card
 * (a notice to her GP, a referral) is delivered but not published to the shared journal: without
 * consent nothing of the pregnancy is shared beyond the service and her GP, as in the national
 * digital pregnancy card.
 */
@Component
public class PregnancyConsentVeto implements PublicationVeto {

    /** The metric tag of a document kept out for want of consent. */
    public static final String NO_CONSENT = "no-pregnancy-consent";

    private final PregnancyStore store;
    private final RegistryHolder registry;
    private final PregnancySettings settings;

    public PregnancyConsentVeto(PregnancyStore store, RegistryHolder registry, PregnancySettings settings) {
        this.store = store;
        this.registry = registry;
        this.settings = settings;
    }

    @Override
    public Optional<String> veto(String patientId, String publisher) {
        boolean fromTheService = registry.current().service(settings.service())
                .map(s -> s.offices().contains(publisher)).orElse(false);
        if (!fromTheService) return Optional.empty();
        boolean withheld = store.activeOf(patientId).stream().anyMatch(p -> p.consent() != PregnancyStore.Consent.GIVEN);
        return withheld ? Optional.of(NO_CONSENT) : Optional.empty();
    }
}
