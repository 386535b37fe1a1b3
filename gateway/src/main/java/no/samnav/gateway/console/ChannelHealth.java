package no.samnav.gateway.console;

import java.nio.file.Files;
import java.nio.file.Path;
import no.samnav.gateway.registry.Participant;

/** What the console says of a participant's channel: how it is reached, and whether the gateway can reach it. */
final class ChannelHealth {

    private ChannelHealth() {
    }

    static String describe(Participant p) {
        Participant.Channel c = p.channel();
        return switch (c.type()) {
            case FILE -> "Mapper: " + c.outbox() + " → " + c.inbox();
            case JMS -> "JMS-køer samnav.in." + p.id() + " / samnav.out." + p.id();
            case FHIR -> c.endpoint() != null ? "FHIR, sendes til " + c.endpoint() : "FHIR, henter selv fra gatewayens API";
        };
    }

    /** The state in words and {@code ok} or {@code problem}. */
    static String[] of(Participant p) {
        Participant.Channel c = p.channel();
        if (c.type() != Participant.ChannelType.FILE) return new String[] {"Ingen feil kjent", "ok"};
        String outbox = folderProblem(c.outbox(), "Utboksen");
        String inbox = folderProblem(c.inbox(), "Innboksen");
        if (inbox != null) return new String[] {inbox, "problem"};
        if (outbox != null) return new String[] {outbox, "problem"};
        return new String[] {"Mappene er på plass og skrivbare", "ok"};
    }

    private static String folderProblem(Path folder, String what) {
        if (folder == null) return null;
        if (!Files.isDirectory(folder)) return what + " " + folder + " finnes ikke eller er ikke en mappe: opprett mappen";
        if (!Files.isWritable(folder)) return what + " " + folder + " er ikke skrivbar for gatewayen: rett tilgangen";
        return null;
    }
}
