package no.samnav.gateway.flow;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import no.samnav.gateway.registry.Participant;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.WriteResult;
import no.samnav.mappers.apprec.Receipts;
import no.samnav.mappers.kodeverk.AppRecErrorCode;
import no.samnav.mappers.kodeverk.AppRecStatus;
import org.hl7.fhir.r4.model.Coding;
import org.springframework.stereotype.Component;

/** Writes the gateway's own AppRec "avvist" in the version the answered participant reads. */
@Component
public class Receipting {

    private final Mappers mappers;
    private final Clock clock;

    public Receipting(Mappers mappers, Clock clock) {
        this.mappers = mappers;
        this.clock = clock;
    }

    /**
     * A rejection of message {@code msgId} sent by {@code sender}; the receipt speaks for the
     * addressed party (or the gateway's view of it when unknown).
     */
    public WriteResult reject(Participant sender, String msgId, Coding messageType, Receipts.Party addressed,
            AppRecErrorCode code, String description) {
        Receipts.Original original = new Receipts.Original(msgId,
                messageType == null ? new Coding(null, "UKJENT", "Ukjent meldingstype") : messageType, null,
                new Receipts.Party(sender.name(), sender.primaryHerId()), addressed);
        var bundle = Receipts.receipt(original, AppRecStatus.AVVIST,
                List.of(new Receipts.ReceiptError(code, description)), Date.from(clock.instant()));
        return mappers.write(bundle, sender.appRecVersion(), false);
    }
}
