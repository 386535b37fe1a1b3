package no.samnav.mappers;

/**
 * A message written as KITH XML.
 *
 * @param xml      the UTF-8 document
 * @param standard the standard and version of the content document
 * @param wrapped  true when written inside a Hodemelding (MsgHead)
 * @param losses   what the target could not carry
 */
public record WriteResult(byte[] xml, KithStandard standard, boolean wrapped, LossReport losses) {
}
