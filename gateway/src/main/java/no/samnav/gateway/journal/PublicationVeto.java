package no.samnav.gateway.journal;

import java.util.Optional;

/**
 * A rule outside the shared journal that keeps a document out of it, e.g. a pregnant woman who has
 * not consented to share what the midwife service writes. Asked for every document before it is
 * published; the message is delivered all the same.
 */
public interface PublicationVeto {

    /**
     * Why the document about {@code patientId} from {@code publisher} (a participant id) is not to
     * be published, as a short metric tag; empty when this rule has nothing against it.
     */
    Optional<String> veto(String patientId, String publisher);
}
