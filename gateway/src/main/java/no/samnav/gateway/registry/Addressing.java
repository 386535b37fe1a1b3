package no.samnav.gateway.registry;

import java.util.List;

/** How the receiver of a message was resolved, or why it could not be. Never names a patient. */
public sealed interface Addressing {

    /** How a HER-id led to the receiving participant. */
    enum Via {
        /** The HER-id belongs to the participant (its organisation, a unit or a person there). */
        PARTICIPANT,
        /** The HER-id is a service's; the service's current office receives. */
        SERVICE,
        /** The HER-id is a GP on the cooperation's GP list; the GP's office receives. */
        GP_ON_LIST,
        /** The HER-id is the GP-list address: the patient's GP's office receives. */
        PATIENTS_GP
    }

    /**
     * The receiver found.
     *
     * @param participant the participant that receives the message
     * @param via         how
     * @param herId       the HER-id that matched
     * @param unknown     more specific HER-ids of the receiver that nobody in the cooperation has,
     *                    e.g. a GP who has left the list (the message goes to the office)
     */
    record Resolved(Participant participant, Via via, String herId, List<String> unknown) implements Addressing {

        /** For the message's timeline. */
        public String describe() {
            String how = switch (via) {
                case PARTICIPANT -> "HER-id " + herId;
                case SERVICE -> "service HER-id " + herId + ", its current office";
                case GP_ON_LIST -> "GP HER-id " + herId + " on the GP list, the GP's office";
                case PATIENTS_GP -> "GP-list address " + herId + ", the patient's GP's office";
            };
            return unknown.isEmpty() ? how : how + "; " + String.join(", ", unknown)
                    + " not known (e.g. a GP who has left the list), so the office receives it";
        }
    }

    /** No receiver: {@code reason} is written for the sender's AppRec (Norwegian). */
    record Unresolved(String reason) implements Addressing {
    }
}
