package no.samnav.mappers.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import no.samnav.mappers.error.EncodingException;
import no.samnav.mappers.error.ForbiddenXmlConstructException;
import no.samnav.mappers.error.Location;
import no.samnav.mappers.error.MalformedXmlException;
import no.samnav.mappers.error.PayloadTooLargeException;

/**
 * Parses untrusted XML into an {@link XmlElement} tree. DOCTYPE declarations are refused outright, so
 * no DTD, external entity or entity expansion is ever processed; size, depth, attribute and text
 * lengths are bounded. Reads UTF-8 (the default), ISO-8859-1 and whatever else the XML declaration
 * names, and refuses bytes that contradict the declaration.
 */
public final class XmlParser {

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._\\-]+)[\"']");

    private final XmlLimits limits;
    private final XMLInputFactory factory;

    public XmlParser(XmlLimits limits) {
        this.limits = limits;
        WstxInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxDepth());
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 64 * 1024);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 64);
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.maxPayloadBytes());
        this.factory = f;
    }

    public XmlParser() {
        this(XmlLimits.DEFAULT);
    }

    public XmlLimits limits() {
        return limits;
    }

    /** Reads the stream (up to the payload limit) and parses it. */
    public XmlElement parse(InputStream in) {
        return parse(readBounded(in));
    }

    /** Reads the whole stream, refusing more than the payload limit. */
    public byte[] readBounded(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(limits.maxPayloadBytes() + 1);
            if (bytes.length > limits.maxPayloadBytes()) {
                throw new PayloadTooLargeException(Location.UNKNOWN,
                        "The payload is larger than the limit of " + limits.maxPayloadBytes() + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new MalformedXmlException(Location.UNKNOWN, "The payload could not be read: " + e.getMessage(), e);
        }
    }

    /** Parses a complete document held in memory. */
    public XmlElement parse(byte[] bytes) {
        if (bytes.length > limits.maxPayloadBytes()) {
            throw new PayloadTooLargeException(Location.UNKNOWN,
                    "The payload is larger than the limit of " + limits.maxPayloadBytes() + " bytes");
        }
        if (bytes.length == 0) {
            throw new MalformedXmlException(new Location(1, 1, ""), "The payload is empty");
        }
        checkDeclaredLatin1IsNotUtf8(bytes);
        XMLStreamReader reader = null;
        XmlElement root = null;
        XmlElement current = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new ForbiddenXmlConstructException(
                            location(reader, current),
                            "DOCTYPE declarations are not accepted: KITH messages have none, and DTDs allow"
                                    + " external entities and entity expansion");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ForbiddenXmlConstructException(
                            location(reader, current),
                            "Entity reference &" + reader.getLocalName() + "; is not accepted");
                    case XMLStreamConstants.START_ELEMENT -> {
                        javax.xml.stream.Location loc = reader.getLocation();
                        XmlElement e = new XmlElement(reader.getNamespaceURI(), reader.getLocalName(), current,
                                loc.getLineNumber(), loc.getColumnNumber());
                        int n = reader.getAttributeCount();
                        if (n > 0) {
                            String[] ns = new String[n];
                            String[] names = new String[n];
                            String[] values = new String[n];
                            for (int i = 0; i < n; i++) {
                                String uri = reader.getAttributeNamespace(i);
                                ns[i] = uri == null ? "" : uri;
                                names[i] = reader.getAttributeLocalName(i);
                                values[i] = reader.getAttributeValue(i);
                            }
                            e.setAttributes(ns, names, values);
                        }
                        if (root == null) root = e;
                        current = e;
                    }
                    case XMLStreamConstants.END_ELEMENT -> current = current.parent();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (current != null) {
                            current.appendText(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                        }
                    }
                    default -> {
                        // comments and processing instructions carry nothing a standard defines
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw translate(e, current);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release for an in-memory stream
                }
            }
        }
        if (root == null) {
            throw new MalformedXmlException(new Location(1, 1, ""), "The document has no root element");
        }
        return root;
    }

    private static Location location(XMLStreamReader reader, XmlElement current) {
        javax.xml.stream.Location loc = reader.getLocation();
        return new Location(loc.getLineNumber(), loc.getColumnNumber(), current == null ? "" : current.path());
    }

    private static RuntimeException translate(XMLStreamException e, XmlElement current) {
        javax.xml.stream.Location loc = e.getLocation();
        Location where = new Location(loc == null ? 0 : loc.getLineNumber(), loc == null ? 0 : loc.getColumnNumber(),
                current == null ? "" : current.path());
        String message = cleanMessage(e);
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (cause instanceof UnsupportedEncodingException || message.startsWith("Unsupported encoding")) {
            return new EncodingException(where, "The declared character encoding is not supported: " + message, e);
        }
        if (cause instanceof CharConversionException || cause instanceof CharacterCodingException
                || message.contains("Invalid UTF-8") || message.contains("Invalid byte")) {
            return new EncodingException(where,
                    "The bytes do not match the declared character encoding: " + message, e);
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("entity")) {
            return new ForbiddenXmlConstructException(where, "Entities are not accepted: " + message, e);
        }
        if (lower.contains("maximum") && lower.contains("depth")) {
            return new MalformedXmlException(where, "The document nests elements deeper than allowed: " + message, e);
        }
        return new MalformedXmlException(where, "The input is not well-formed XML: " + message, e);
    }

    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // StAX appends " at [row,col {unknown-source}]: [3,7]"; the Location carries that already.
        int at = m.indexOf("\n at [");
        if (at >= 0) m = m.substring(0, at);
        return m.replace('\n', ' ').trim();
    }

    /**
     * A document declared as ISO-8859-1 whose bytes are valid UTF-8 with non-ASCII characters was
     * written by a system that mislabels its output; reading it would turn "ø" into "Ã¸" silently.
     */
    private static void checkDeclaredLatin1IsNotUtf8(byte[] bytes) {
        int head = Math.min(bytes.length, 200);
        String prolog = new String(bytes, 0, head, StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED_ENCODING.matcher(prolog);
        if (!m.find()) return;
        String declared = m.group(1).toUpperCase(Locale.ROOT);
        if (!declared.equals("ISO-8859-1") && !declared.equals("LATIN1") && !declared.equals("ISO8859-1")) return;
        boolean nonAscii = false;
        for (byte b : bytes) {
            if (b < 0) {
                nonAscii = true;
                break;
            }
        }
        if (!nonAscii) return;
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException notUtf8) {
            return; // genuinely ISO-8859-1
        }
        int line = 1;
        int column = 1;
        for (byte b : bytes) {
            if (b < 0) break;
            if (b == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        throw new EncodingException(new Location(line, column, ""),
                "The document declares encoding ISO-8859-1 but its bytes are UTF-8; declare encoding=\"UTF-8\"");
    }
}
