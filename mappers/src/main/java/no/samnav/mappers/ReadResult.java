package no.samnav.mappers;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A KITH message read into a canonical FHIR message Bundle.
 *
 * @param bundle    the FHIR message (MessageHeader first)
 * @param standard  the standard and version of the (first) content document; AppRec for receipts
 * @param wrapped   true when the document arrived inside a Hodemelding (MsgHead)
 * @param unmapped  paths of source content no mapping covers (carried in the Bundle, never silently dropped)
 */
public record ReadResult(Bundle bundle, KithStandard standard, boolean wrapped, List<String> unmapped) {
}
