package no.samnav.mappers;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import no.samnav.mappers.apprec.AppRecReading;
import no.samnav.mappers.apprec.AppRecWriting;
import no.samnav.mappers.core.DocumentEnvelope;
import no.samnav.mappers.core.DocumentReader;
import no.samnav.mappers.core.DocumentWriter;
import no.samnav.mappers.core.MapperRegistry;
import no.samnav.mappers.core.MessageBundles;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.core.WriteContext;
import no.samnav.mappers.error.Location;
import no.samnav.mappers.error.MissingElementException;
import no.samnav.mappers.error.UnsupportedContentException;
import no.samnav.mappers.error.UnsupportedFormatException;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.NoBasisProfiles;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.msghead.v1_2.MsgHeadReader;
import no.samnav.mappers.msghead.v1_2.MsgHeadWriter;
import no.samnav.mappers.xml.XmlElement;
import no.samnav.mappers.xml.XmlLimits;
import no.samnav.mappers.xml.XmlOut;
import no.samnav.mappers.xml.XmlParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.UrlType;

/**
 * The entry point of the mappers: reads any supported KITH message (MsgHead-wrapped or bare, UTF-8
 * or ISO-8859-1) into a canonical FHIR R4 message Bundle, writes a Bundle as any supported standard
 * and version, and translates between versions through FHIR with a loss report. Thread-safe.
 */
public final class Mappers {

    private final XmlParser parser;
    private final MsgHeadReader msgHeadReader = new MsgHeadReader(MapperRegistry::reader);
    private final MsgHeadWriter msgHeadWriter = new MsgHeadWriter(MapperRegistry::writer);

    public Mappers() {
        this(XmlLimits.DEFAULT);
    }

    public Mappers(XmlLimits limits) {
        this.parser = new XmlParser(limits);
    }

    public XmlParser parser() {
        return parser;
    }

    /** Reads a message from a stream (bounded by the payload limit). */
    public ReadResult read(InputStream in) {
        return read(parser.readBounded(in));
    }

    /** Reads a message held in memory. */
    public ReadResult read(byte[] xml) {
        XmlElement root = parser.parse(xml);
        return read(root, Integer.toHexString(java.util.Arrays.hashCode(xml)));
    }

    /** Reads an already parsed document. */
    public ReadResult read(XmlElement root, String idSeed) {
        root.markRead();
        KithStandard rootStandard = KithStandard.fromNamespace(root.namespace(), root.location());
        if (!root.name().equals(rootStandard.rootElement())) {
            throw new UnsupportedFormatException(root.location(), "Expected document element "
                    + rootStandard.rootElement() + " for " + rootStandard.displayName() + ", found " + root.name());
        }
        ReadContext ctx = new ReadContext(seed(root, idSeed));
        KithStandard standard;
        boolean wrapped = false;
        if (rootStandard == KithStandard.MSGHEAD_1_2) {
            standard = msgHeadReader.read(root, ctx);
            wrapped = true;
        } else if (MapperRegistry.appRecReader(rootStandard) != null) {
            AppRecReading reader = MapperRegistry.appRecReader(rootStandard);
            reader.read(root, ctx);
            standard = rootStandard;
        } else {
            DocumentReader reader = MapperRegistry.reader(rootStandard);
            if (reader == null) {
                throw new UnsupportedFormatException(root.location(),
                        rootStandard.displayName() + " documents cannot be read on their own");
            }
            List<Reference> focus = reader.read(root, ctx);
            MessageHeader header = ctx.header();
            if (!header.hasEvent()) header.setEvent(reader.messageType(root));
            for (Reference ref : focus) {
                DocumentEnvelope.mark(ref, 1, rootStandard.namespace());
                header.addFocus(ref);
            }
            if (!header.getSource().hasEndpointElement()) {
                UrlType absent = new UrlType();
                absent.addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason", new CodeType("unknown"));
                header.getSource().setEndpointElement(absent);
            }
            standard = rootStandard;
        }
        ctx.bundle().getMeta().addTag(Systems.ENVELOPE, wrapped ? "msghead-1.2" : "bare",
                wrapped ? "Hodemelding 1.2" : "Bare document");
        List<String> unmapped = new ArrayList<>();
        root.collectUnread(e -> {
            unmapped.add(e.path());
            ctx.unmapped(e.path(), e.outerXml());
        }, path -> {
            unmapped.add(path);
            ctx.unmapped(path, null);
        });
        NoBasisProfiles.declare(ctx.bundle());
        return new ReadResult(ctx.bundle(), standard, wrapped, unmapped);
    }

    /**
     * Takes a FHIR message Bundle that arrived as FHIR (e.g. through the REST API) as a read message:
     * the standard is the one its first document was read from when it came from these mappers
     * (the focus' document extension), otherwise the newest version whose writer can write its
     * focus (a Communication is a Dialogmelding, a referral a Henvisning, and so on); a response
     * message is an AppRec. The Bundle is not changed.
     *
     * @throws UnsupportedContentException when it is no message or carries nothing a standard can hold
     */
    public ReadResult readBundle(Bundle bundle) {
        MessageHeader header = MessageBundles.header(bundle);
        KithStandard standard = null;
        if (header.hasResponse()) {
            standard = KithStandard.APPREC_1_1;
        } else {
            requireContent(bundle);
            List<Reference> first = DocumentEnvelope.groups(header).get(0);
            String namespace = DocumentEnvelope.namespace(first.get(0));
            standard = namespace == null ? null : KithStandard.forNamespace(namespace).orElse(null);
            if (standard == null || MapperRegistry.writer(standard) == null) {
                List<Resource> focus = new ArrayList<>();
                for (Reference r : first) {
                    Resource res = MessageBundles.resolve(bundle, r);
                    if (res == null) {
                        throw new MissingElementException(Location.ofPath("Bundle.entry[0].resource.focus["
                                + header.getFocus().indexOf(r) + "]"), "The focus reference " + r.getReference()
                                + " points to no entry of the Bundle");
                    }
                    focus.add(res);
                }
                standard = newestWriterFor(focus);
            }
        }
        boolean wrapped = arrivedWrapped(bundle).orElse(standard.usuallyWrapped());
        return new ReadResult(bundle, standard, wrapped, List.of());
    }

    private static KithStandard newestWriterFor(List<Resource> focus) {
        KithStandard found = null;
        for (KithStandard s : KithStandard.values()) {
            DocumentWriter writer = MapperRegistry.writer(s);
            // values() lists each family's versions oldest first: the last match is the newest
            if (writer != null && writer.canWrite(focus) && (found == null || found.family().equals(s.family()))) found = s;
        }
        if (found == null) {
            throw new UnsupportedContentException(Location.ofPath("Bundle.entry[0].resource.focus"),
                    "The focus (" + focus.get(0).fhirType() + ") is nothing a supported standard carries: send a"
                            + " Communication (Dialogmelding), a referral ServiceRequest (Henvisning), a discharge"
                            + " Composition (Epikrise) or a DiagnosticReport (Svarrapport)");
        }
        return found;
    }

    private static String seed(XmlElement root, String fallback) {
        XmlElement info = root.child("MsgInfo");
        String id = info == null ? root.textOf("Id") : info.textOf("MsgId");
        if (id == null) {
            XmlElement mi = root.child("MsgInfo");
            id = mi == null ? null : mi.textOf("MsgId");
        }
        return id == null ? fallback : id.trim();
    }

    /**
     * Writes a canonical Bundle as {@code target}, inside a MsgHead when {@code wrapInMsgHead}.
     * AppRecs are always bare.
     */
    public WriteResult write(Bundle bundle, KithStandard target, boolean wrapInMsgHead) {
        MessageBundles.header(bundle);
        WriteContext ctx = new WriteContext(bundle, target, wrapInMsgHead && MapperRegistry.appRecWriter(target) == null);
        AppRecWriting appRec = MapperRegistry.appRecWriter(target);
        if (appRec != null) {
            byte[] xml = appRec.write(ctx);
            reportUnmapped(ctx);
            return new WriteResult(xml, target, false, ctx.losses());
        }
        DocumentWriter writer = MapperRegistry.writer(target);
        if (writer == null) {
            throw new UnsupportedFormatException(Location.ofPath(""),
                    target.displayName() + " can be read but not written; choose another target version");
        }
        if (wrapInMsgHead) {
            byte[] xml = msgHeadWriter.write(ctx);
            return new WriteResult(xml, target, true, ctx.losses());
        }
        MessageHeader header = ctx.header();
        List<List<Reference>> groups = DocumentEnvelope.groups(header);
        byte[] xml = null;
        for (List<Reference> group : groups) {
            List<Resource> resources = new ArrayList<>();
            for (Reference r : group) {
                Resource res = ctx.resolve(r);
                if (res != null) resources.add(res);
            }
            if (xml == null && writer.canWrite(resources)) {
                XmlOut out = new XmlOut();
                writer.write(resources, ctx, out);
                xml = out.finish();
            } else if (writer.writesAttachments() && resources.size() == 1 && resources.get(0) instanceof DocumentReference
                    && DocumentEnvelope.namespace(group.get(0)) == null) {
                continue; // written by the document writer inside the document
            } else {
                for (Resource r : resources) {
                    ctx.loss("/" + target.rootElement(), MessageBundles.pathOf(bundle, r), "a bare "
                            + target.displayName() + " document carries no further documents or attachments;"
                            + " write it inside a MsgHead");
                }
            }
        }
        if (xml == null) {
            throw new UnsupportedContentException(Location.ofPath("MessageHeader.focus"),
                    "The message holds no content that can be written as " + target.displayName());
        }
        reportUnmapped(ctx);
        return new WriteResult(xml, target, false, ctx.losses());
    }

    private static void reportUnmapped(WriteContext ctx) {
        for (Extension unmapped : ctx.header().getExtensionsByUrl(Extensions.UNMAPPED)) {
            ctx.loss(Extensions.subString(unmapped, "path"), "MessageHeader.extension('" + Extensions.UNMAPPED + "')",
                    "source content no mapping covers; carried in the FHIR Bundle, not written");
        }
    }

    /** Writes in the envelope the Bundle arrived in (its meta tag), or the standard's usual envelope. */
    public WriteResult write(Bundle bundle, KithStandard target) {
        return write(bundle, target, arrivedWrapped(bundle).orElse(target.usuallyWrapped()));
    }

    /**
     * Reads a message and writes it as {@code target}, keeping its envelope (MsgHead or bare), except
     * when the message came in its standard's usual envelope and the target version usually travels
     * in the other one (Henvisning 1.1, bare, and 2.0, inside a MsgHead): then the target's usual
     * envelope is used, so that the result is what a receiver of that version expects.
     */
    public WriteResult translate(byte[] xml, KithStandard target) {
        return translate(read(xml), target);
    }

    /**
     * Writes an already read message as {@code target}, with the envelope rule of
     * {@link #translate(byte[], KithStandard)}; for callers that read the message for its facts
     * first and need not parse it twice.
     */
    public WriteResult translate(ReadResult read, KithStandard target) {
        boolean wrap = read.wrapped() && !target.family().equals("apprec");
        KithStandard source = read.standard();
        if (!target.family().equals("apprec") && read.wrapped() == source.usuallyWrapped()
                && source.usuallyWrapped() != target.usuallyWrapped() && MapperRegistry.writer(target) != null) {
            wrap = target.usuallyWrapped();
        }
        return write(read.bundle(), target, wrap);
    }

    /** Whether a Bundle read by these mappers came inside a MsgHead, from its envelope tag. */
    public static java.util.Optional<Boolean> arrivedWrapped(Bundle bundle) {
        for (Coding tag : bundle.getMeta().getTag()) {
            if (Systems.ENVELOPE.equals(tag.getSystem())) return java.util.Optional.of("msghead-1.2".equals(tag.getCode()));
        }
        return java.util.Optional.empty();
    }

    /** Guard for callers that pass a document standard where a message is required. */
    static void requireContent(Bundle bundle) {
        if (!MessageBundles.header(bundle).hasFocus() && !MessageBundles.header(bundle).hasResponse()) {
            throw new MissingElementException(Location.ofPath("MessageHeader.focus"), "The message has no content");
        }
    }
}
