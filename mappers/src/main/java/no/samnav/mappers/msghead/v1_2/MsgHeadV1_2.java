package no.samnav.mappers.msghead.v1_2;

import no.samnav.mappers.KithStandard;

/** Constants of Hodemelding 1.2 (HIS 80601). */
public final class MsgHeadV1_2 {

    private MsgHeadV1_2() {
    }

    public static final String NS = KithStandard.MSGHEAD_1_2.namespace();
    public static final String MIG_VERSION = "v1.2 2006-05-24";
    public static final String BASE64_NS = KithStandard.BASE64_CONTAINER.namespace();

    /** Prefix of MessageHeader source/destination endpoints for parties addressed by HER-id. */
    public static final String HER_ENDPOINT_PREFIX = "urn:samnav:her:";
}
