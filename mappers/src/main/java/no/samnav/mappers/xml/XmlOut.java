package no.samnav.mappers.xml;

import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * Writes a KITH document as indented UTF-8 XML. A thin layer over a StAX writer that knows the
 * shapes KITH uses everywhere: elements whose value sits in attributes (CS, CV, TS), optional leaves
 * that are simply left out when there is no value, and one default namespace per standard.
 */
public final class XmlOut {

    private static final XMLOutputFactory FACTORY = new WstxOutputFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    private final XMLStreamWriter2 writer;
    private final Deque<Frame> open = new ArrayDeque<>();

    private static final class Frame {
        final String namespace;
        final String path;
        boolean hasChildElements;
        java.util.Map<String, Integer> childCounts;

        Frame(String namespace, String path) {
            this.namespace = namespace;
            this.path = path;
        }

        String childPath(String name) {
            if (childCounts == null) childCounts = new java.util.HashMap<>();
            int n = childCounts.merge(name, 1, Integer::sum);
            return path + "/" + name + (n > 1 ? "[" + n + "]" : "");
        }
    }

    public XmlOut() {
        try {
            writer = (XMLStreamWriter2) FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("StAX writer unavailable", e);
        }
    }

    /** Starts the document element in namespace {@code ns}, declared as the default namespace. */
    public XmlOut root(String ns, String name) {
        try {
            newline(0);
            writer.setDefaultNamespace(ns);
            writer.writeStartElement("", name, ns);
            writer.writeDefaultNamespace(ns);
            open.push(new Frame(ns, "/" + name));
            return this;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Starts an element in the namespace of the enclosing element. */
    public XmlOut start(String name) {
        return start(currentNamespace(), name);
    }

    /**
     * Starts an element in namespace {@code ns}. When it differs from the enclosing element's, it is
     * declared as this element's default namespace (how KITH embeds one standard in another).
     */
    public XmlOut start(String ns, String name) {
        try {
            Frame parent = open.peek();
            beforeChild();
            String prefix = writer.getNamespaceContext().getPrefix(ns);
            if (prefix == null) {
                writer.writeStartElement("", name, ns);
                writer.writeDefaultNamespace(ns);
                writer.setDefaultNamespace(ns);
            } else {
                writer.writeStartElement(prefix, name, ns);
            }
            open.push(new Frame(ns, parent == null ? "/" + name : parent.childPath(name)));
            return this;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Declares a prefixed namespace on the element just started. */
    public XmlOut declare(String prefix, String ns) {
        try {
            writer.setPrefix(prefix, ns);
            writer.writeNamespace(prefix, ns);
            return this;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Adds an attribute to the element just started; does nothing when the value is null. */
    public XmlOut attr(String name, String value) {
        if (value == null) return this;
        try {
            writer.writeAttribute(name, value);
            return this;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Writes text into the current element; does nothing when null. */
    public XmlOut text(String text) {
        if (text == null) return this;
        try {
            writer.writeCharacters(text);
            return this;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /**
     * Writes well-formed XML content (text and elements) produced by {@link XmlElement#innerXml()}
     * into the current element, keeping markup such as XHTML in free-text fields.
     */
    public XmlOut markup(String xml) {
        if (xml == null) return this;
        try {
            writer.writeCharacters("");
            writer.writeRaw(xml);
            return this;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Ends the current element. */
    public XmlOut end() {
        try {
            Frame f = open.pop();
            if (f.hasChildElements) newline(open.size());
            writer.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Writes {@code <name>text</name>} in the current namespace; nothing when text is null. */
    public XmlOut leaf(String name, String text) {
        if (text == null) return this;
        return start(name).text(text).end();
    }

    /** Writes {@code <name>text</name>} in namespace ns; nothing when text is null. */
    public XmlOut leaf(String ns, String name, String text) {
        if (text == null) return this;
        return start(ns, name).text(text).end();
    }

    /** Writes an element whose value is in attributes, e.g. {@code <Type V=".." DN=".."/>}. */
    public XmlOut attributesOnly(String ns, String name, String... namesAndValues) {
        boolean any = false;
        for (int i = 1; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i] != null) any = true;
        }
        if (!any) return this;
        try {
            beforeChild();
            String prefix = writer.getNamespaceContext().getPrefix(ns);
            writer.writeEmptyElement(prefix == null ? "" : prefix, name, ns);
            for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
                if (namesAndValues[i + 1] != null) writer.writeAttribute(namesAndValues[i], namesAndValues[i + 1]);
            }
            return this;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** The path of the innermost open element, e.g. {@code /MsgHead/Document[2]/RefDoc}. */
    public String path() {
        Frame f = open.peek();
        return f == null ? "" : f.path;
    }

    /** The path a child with this name would get (for loss reports about elements not written). */
    public String pathOf(String childName) {
        return path() + "/" + childName;
    }

    /** The namespace of the innermost open element. */
    public String currentNamespace() {
        Frame f = open.peek();
        if (f == null) throw new IllegalStateException("no open element");
        return f.namespace;
    }

    /** Ends all open elements and the document, and returns the UTF-8 bytes. */
    public byte[] finish() {
        try {
            while (!open.isEmpty()) end();
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.close();
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Convenience for tests and logs: the document so far is not available; use {@link #finish()}. */
    @Override
    public String toString() {
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    private void beforeChild() throws XMLStreamException {
        Frame parent = open.peek();
        if (parent != null) parent.hasChildElements = true;
        newline(open.size());
    }

    private void newline(int depth) throws XMLStreamException {
        if (depth == 0 && open.isEmpty()) {
            writer.writeCharacters("\n");
            return;
        }
        char[] indent = new char[depth + 1];
        indent[0] = '\n';
        java.util.Arrays.fill(indent, 1, indent.length, '\t');
        writer.writeCharacters(indent, 0, indent.length);
    }

    private static IllegalStateException failure(XMLStreamException e) {
        return new IllegalStateException("Writing XML failed: " + e.getMessage(), e);
    }
}
