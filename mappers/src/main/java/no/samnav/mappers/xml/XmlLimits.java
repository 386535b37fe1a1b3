package no.samnav.mappers.xml;

/**
 * Hard limits applied while parsing untrusted input.
 *
 * @param maxPayloadBytes largest accepted document in bytes (attachments included)
 * @param maxDepth        deepest accepted element nesting
 */
public record XmlLimits(int maxPayloadBytes, int maxDepth) {

    /** 32 MiB and 64 levels: room for scanned attachments, far below what would hurt the heap. */
    public static final XmlLimits DEFAULT = new XmlLimits(32 * 1024 * 1024, 64);

    public XmlLimits {
        if (maxPayloadBytes <= 0) throw new IllegalArgumentException("maxPayloadBytes must be positive");
        if (maxDepth <= 0) throw new IllegalArgumentException("maxDepth must be positive");
    }

    public XmlLimits withMaxPayloadBytes(int bytes) {
        return new XmlLimits(bytes, maxDepth);
    }
}
