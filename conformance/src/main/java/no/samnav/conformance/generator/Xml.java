package no.samnav.conformance.generator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small fluent layer over the JDK's StAX writer, used by the generators. Kept apart from the
 * mappers' own writer on purpose: generated input must not share code with what it tests.
 */
public final class Xml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    private final XMLStreamWriter w;
    private String ns;

    public Xml() {
        try {
            w = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts an element in a (new) default namespace, declaring it, and makes it current. */
    public Xml root(String namespace, String name) {
        try {
            ns = namespace;
            w.writeStartElement("", name, namespace);
            w.writeDefaultNamespace(namespace);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Declares a prefix on the element just started. */
    public Xml prefix(String prefix, String namespace) {
        try {
            w.writeNamespace(prefix, namespace);
            w.setPrefix(prefix, namespace);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Switches the namespace of the elements that follow (must be declared as default or prefix). */
    public Xml ns(String namespace) {
        this.ns = namespace;
        return this;
    }

    public String ns() {
        return ns;
    }

    public Xml start(String name) {
        try {
            String prefix = w.getPrefix(ns);
            w.writeStartElement(prefix == null ? "" : prefix, name, ns);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts an element in another namespace through a declared prefix. */
    public Xml start(String namespace, String name) {
        String saved = ns;
        ns = namespace;
        start(name);
        ns = saved;
        return this;
    }

    public Xml attr(String name, String value) {
        if (value == null) return this;
        try {
            w.writeAttribute(name, value);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public Xml text(String text) {
        try {
            w.writeCharacters(text);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public Xml end() {
        try {
            w.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <name>text</name>}, nothing when text is null. */
    public Xml leaf(String name, String text) {
        if (text == null) return this;
        return start(name).text(text).end();
    }

    /** {@code <name V=".." DN=".." S=".."/>} (a KITH CS/CV code), nothing when v is null. */
    public Xml code(String name, String v, String dn, String s) {
        if (v == null) return this;
        return start(name).attr("V", v).attr("DN", dn).attr("S", s).end();
    }

    /** {@code <name V=".."/>} (a KITH TS/date attribute value), nothing when v is null. */
    public Xml value(String name, String v) {
        if (v == null) return this;
        return start(name).attr("V", v).end();
    }

    public byte[] bytes() {
        try {
            w.writeEndDocument();
            w.close();
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
