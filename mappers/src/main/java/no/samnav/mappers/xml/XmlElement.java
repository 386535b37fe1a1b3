package no.samnav.mappers.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import no.samnav.mappers.error.Location;
import no.samnav.mappers.error.MissingElementException;

/**
 * An element of a parsed KITH document: a small read-only tree that remembers where each element
 * stood (line, column, path) and which elements and attributes a reader has looked at. The second
 * part is why this is not {@code org.w3c.dom}: after a reader has run, {@link #collectUnread} lists
 * everything it did not map, so nothing is dropped silently.
 *
 * <p>Children are matched by local name. KITH schemas are {@code elementFormDefault="qualified"}
 * and mix the standard's namespace with felleskomponent1 inside one element, so the namespace of
 * a child says nothing a reader needs; XSD validation (conformance module) checks namespaces.
 */
public final class XmlElement {

    private final String namespace;
    private final String name;
    private final XmlElement parent;
    private final int line;
    private final int column;
    private final int sameNameIndex;
    private final List<XmlElement> children = new ArrayList<>(4);
    /** Text and child elements in document order; only what {@link #innerXml()} needs. */
    private final List<Object> content = new ArrayList<>(4);
    private String[] attributeNames = NO_STRINGS;
    private String[] attributeNamespaces = NO_STRINGS;
    private String[] attributeValues = NO_STRINGS;
    private boolean[] attributeRead = NO_FLAGS;
    private StringBuilder text;
    private boolean read;

    private static final String[] NO_STRINGS = new String[0];
    private static final boolean[] NO_FLAGS = new boolean[0];

    XmlElement(String namespace, String name, XmlElement parent, int line, int column) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
        this.parent = parent;
        this.line = line;
        this.column = column;
        int index = 1;
        if (parent != null) {
            for (XmlElement sibling : parent.children) {
                if (sibling.name.equals(name)) index++;
            }
            parent.children.add(this);
            parent.content.add(this);
        }
        this.sameNameIndex = index;
    }

    void setAttributes(String[] namespaces, String[] names, String[] values) {
        this.attributeNamespaces = namespaces;
        this.attributeNames = names;
        this.attributeValues = values;
        this.attributeRead = new boolean[names.length];
    }

    void appendText(char[] chars, int start, int length) {
        if (text == null) text = new StringBuilder(length);
        text.append(chars, start, length);
        if (!content.isEmpty() && content.get(content.size() - 1) instanceof StringBuilder last) {
            last.append(chars, start, length);
        } else {
            content.add(new StringBuilder().append(chars, start, length));
        }
    }

    /** The namespace URI, or the empty string. */
    public String namespace() {
        return namespace;
    }

    /** The local name. */
    public String name() {
        return name;
    }

    /** The parent element, or null at the root. */
    public XmlElement parent() {
        return parent;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The element path from the root, with a position where an element repeats. */
    public String path() {
        StringBuilder sb = new StringBuilder();
        appendPath(sb);
        return sb.toString();
    }

    private void appendPath(StringBuilder sb) {
        if (parent != null) parent.appendPath(sb);
        sb.append('/').append(name);
        if (sameNameIndex > 1 || (parent != null && parent.countChildren(name) > 1)) {
            sb.append('[').append(sameNameIndex).append(']');
        }
    }

    private int countChildren(String childName) {
        int n = 0;
        for (XmlElement c : children) {
            if (c.name.equals(childName)) n++;
        }
        return n;
    }

    public Location location() {
        return new Location(line, column, path());
    }

    /** Marks this element as mapped and returns it. */
    public XmlElement markRead() {
        read = true;
        return this;
    }

    /** The first child with this local name (marked as read), or null. */
    public XmlElement child(String childName) {
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                c.read = true;
                return c;
            }
        }
        return null;
    }

    /** The first child with this local name, or a {@link MissingElementException} located at this element. */
    public XmlElement required(String childName) {
        XmlElement c = child(childName);
        if (c == null) {
            throw new MissingElementException(location(),
                    "Mandatory element " + childName + " is missing in " + name);
        }
        return c;
    }

    /** All children with this local name, marked as read. */
    public List<XmlElement> children(String childName) {
        List<XmlElement> result = null;
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                c.read = true;
                if (result == null) result = new ArrayList<>(2);
                result.add(c);
            }
        }
        return result == null ? List.of() : result;
    }

    /** All child elements, not marked as read. */
    public List<XmlElement> elements() {
        return Collections.unmodifiableList(children);
    }

    /** True when a child with this local name exists; does not mark it. */
    public boolean has(String childName) {
        for (XmlElement c : children) {
            if (c.name.equals(childName)) return true;
        }
        return false;
    }

    /** The text content of this element as written (not trimmed), or the empty string. */
    public String text() {
        read = true;
        return text == null ? "" : text.toString();
    }

    /** True when the element has text that is not only white space. */
    public boolean hasText() {
        return text != null && !text.toString().isBlank();
    }

    /** The text of the first child with this name, or null when the child is absent. */
    public String textOf(String childName) {
        XmlElement c = child(childName);
        return c == null ? null : c.text();
    }

    /** The text of a mandatory child, or a {@link MissingElementException}. */
    public String requiredText(String childName) {
        return required(childName).text();
    }

    /** An unqualified attribute's value (marked as read), or null. */
    public String attr(String attributeName) {
        for (int i = 0; i < attributeNames.length; i++) {
            if (attributeNames[i].equals(attributeName) && attributeNamespaces[i].isEmpty()) {
                attributeRead[i] = true;
                return attributeValues[i];
            }
        }
        return null;
    }

    /** True when the element has child elements (not only text). */
    public boolean hasElements() {
        return !children.isEmpty();
    }

    /**
     * The content of this element (text and child elements) serialised as XML, for {@code anyType}
     * elements such as TekstNotatInnhold that may carry XHTML. Marks the whole subtree as read.
     */
    public String innerXml() {
        markSubtreeRead();
        StringBuilder sb = new StringBuilder();
        for (Object o : content) {
            if (o instanceof XmlElement e) {
                e.serialize(sb, namespace);
            } else {
                escapeText(o.toString(), sb);
            }
        }
        return sb.toString();
    }

    private void serialize(StringBuilder sb, String inheritedNamespace) {
        sb.append('<').append(name);
        if (!namespace.equals(inheritedNamespace)) {
            sb.append(" xmlns=\"");
            escapeAttribute(namespace, sb);
            sb.append('"');
        }
        for (int i = 0; i < attributeNames.length; i++) {
            if (!attributeNamespaces[i].isEmpty()) continue;
            sb.append(' ').append(attributeNames[i]).append("=\"");
            escapeAttribute(attributeValues[i], sb);
            sb.append('"');
        }
        if (content.isEmpty()) {
            sb.append("/>");
            return;
        }
        sb.append('>');
        for (Object o : content) {
            if (o instanceof XmlElement e) {
                e.serialize(sb, namespace);
            } else {
                escapeText(o.toString(), sb);
            }
        }
        sb.append("</").append(name).append('>');
    }

    static void escapeText(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
    }

    static void escapeAttribute(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append("&#10;");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append("&#9;");
                default -> sb.append(c);
            }
        }
    }

    /** Marks this element, its attributes and everything below as read. */
    public void markSubtreeRead() {
        read = true;
        java.util.Arrays.fill(attributeRead, true);
        for (XmlElement c : children) c.markSubtreeRead();
    }

    /**
     * Reports every element and attribute below (and including) this element that no reader
     * looked at. Namespace declarations and {@code xsi:*} attributes do not count.
     */
    public void collectUnread(Consumer<XmlElement> unreadElement, Consumer<String> unreadAttributePath) {
        if (!read) {
            unreadElement.accept(this);
            return;
        }
        for (int i = 0; i < attributeNames.length; i++) {
            if (!attributeRead[i] && attributeNamespaces[i].isEmpty()) {
                unreadAttributePath.accept(path() + "/@" + attributeNames[i]);
            }
        }
        for (XmlElement c : children) c.collectUnread(unreadElement, unreadAttributePath);
    }

    /** This element serialised as XML (for carrying content no mapping covers). */
    public String outerXml() {
        StringBuilder sb = new StringBuilder();
        serialize(sb, "");
        return sb.toString();
    }

    @Override
    public String toString() {
        return path();
    }
}
