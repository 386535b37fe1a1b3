package no.samnav.mappers.journal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.core.DocumentEnvelope;
import no.samnav.mappers.core.MessageBundles;
import no.samnav.mappers.error.Location;
import no.samnav.mappers.error.MissingElementException;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;

/**
 * The facts of a read message that publication and rendering share: the first content document
 * (the focus), its patient, date, author organisation and person. Each standard's reader puts the
 * author somewhere else (see {@link #authorReferences()}); this is the one place that knows where.
 */
final class SourceFacts {

    /** Patient identifier systems in order of preference. */
    private static final List<String> PATIENT_SYSTEMS = List.of(Systems.FNR, Systems.DNR, Systems.FHN);

    final ReadResult read;
    final Bundle bundle;
    final MessageHeader header;
    final DocumentKind kind;
    final Resource focus;
    final Patient patient;
    final Identifier patientIdentifier;
    final Organization authorOrganization;
    final Practitioner authorPractitioner;

    SourceFacts(ReadResult read) {
        this.read = read;
        this.kind = DocumentKind.of(read.standard());
        this.bundle = read.bundle();
        this.header = MessageBundles.header(bundle);
        if (!header.hasFocus()) {
            throw new MissingElementException(Location.ofPath("MessageHeader.focus"), "The message has no content to publish");
        }
        Reference first = DocumentEnvelope.groups(header).get(0).get(0);
        this.focus = MessageBundles.resolve(bundle, first);
        if (focus == null) {
            throw new MissingElementException(Location.ofPath("MessageHeader.focus"),
                    "The focus reference " + first.getReference() + " points to no entry of the Bundle");
        }
        this.patient = findPatient();
        this.patientIdentifier = patient == null ? null : patientIdentifier(patient);
        if (patientIdentifier == null) {
            throw new MissingElementException(Location.ofPath("Patient.identifier"), "A document in the shared journal"
                    + " needs a patient with a fødselsnummer, D-nummer or hjelpenummer; the message names none");
        }
        Organization org = null;
        Practitioner person = null;
        for (Reference ref : authorReferences()) {
            Resource r = resolve(ref);
            if (r instanceof PractitionerRole role) {
                if (person == null && resolve(role.getPractitioner()) instanceof Practitioner p) person = p;
                if (org == null && resolve(role.getOrganization()) instanceof Organization o) org = o;
            } else if (r instanceof Practitioner p && person == null) {
                person = p;
            } else if (r instanceof Organization o && org == null) {
                org = o;
            }
        }
        this.authorOrganization = org;
        this.authorPractitioner = person;
    }

    Resource resolve(Reference ref) {
        return ref == null || !ref.hasReference() ? null : MessageBundles.resolve(bundle, ref);
    }

    private Patient findPatient() {
        if (resolve(subjectOf(focus)) instanceof Patient p) return p;
        List<Patient> all = MessageBundles.all(bundle, Patient.class);
        // a message is about one patient; with several and no subject we cannot tell which
        return all.size() == 1 ? all.get(0) : null;
    }

    static Reference subjectOf(Resource r) {
        if (r instanceof Communication c) return c.getSubject();
        if (r instanceof CommunicationRequest c) return c.getSubject();
        if (r instanceof Composition c) return c.getSubject();
        if (r instanceof ServiceRequest s) return s.getSubject();
        if (r instanceof DiagnosticReport d) return d.getSubject();
        return null;
    }

    private static Identifier patientIdentifier(Patient p) {
        for (String system : PATIENT_SYSTEMS) {
            for (Identifier i : p.getIdentifier()) {
                if (system.equals(i.getSystem()) && i.hasValue()) return i;
            }
        }
        return null;
    }

    /**
     * Where each reader puts the author, most specific first, then the message's sender: Composition
     * author and legal attester (Epikrise), ServiceRequest requester (Henvisning), Communication
     * sender or CommunicationRequest requester (Dialogmelding), DiagnosticReport performer and
     * results interpreter (Svarrapport), then MessageHeader sender and author.
     */
    List<Reference> authorReferences() {
        List<Reference> refs = new ArrayList<>();
        if (focus instanceof Composition c) {
            refs.addAll(c.getAuthor());
            for (Composition.CompositionAttesterComponent a : c.getAttester()) refs.add(a.getParty());
        } else if (focus instanceof ServiceRequest s) {
            refs.add(s.getRequester());
        } else if (focus instanceof Communication c) {
            refs.add(c.getSender());
        } else if (focus instanceof CommunicationRequest c) {
            refs.add(c.getRequester());
        } else if (focus instanceof DiagnosticReport d) {
            refs.addAll(d.getPerformer());
            refs.addAll(d.getResultsInterpreter());
        }
        refs.add(header.getSender());
        refs.add(header.getAuthor());
        return refs;
    }

    /**
     * When the document was written: the focus' own date (Composition.date, authoredOn,
     * Communication.sent, DiagnosticReport.issued), else the MsgHead Document IssueDate, else the
     * message's GenDate (Bundle.timestamp), else null.
     */
    Date date() {
        Date d = null;
        if (focus instanceof Composition c) d = c.getDate();
        else if (focus instanceof ServiceRequest s) d = s.getAuthoredOn();
        else if (focus instanceof Communication c) d = c.getSent();
        else if (focus instanceof CommunicationRequest c) d = c.getAuthoredOn();
        else if (focus instanceof DiagnosticReport r) d = r.getIssued();
        if (d != null) return d;
        Extension envelope = header.getFocusFirstRep().getExtensionByUrl(Extensions.DOCUMENT);
        if (Extensions.sub(envelope, "issueDate") instanceof DateTimeType issued && issued.getValue() != null) {
            return issued.getValue();
        }
        return bundle.getTimestamp();
    }

    /** The KITH message type (Volven 8279) of the message, or null. */
    Coding messageType() {
        if (header.hasEventCoding() && Systems.MESSAGE_TYPE.equals(header.getEventCoding().getSystem())) {
            return header.getEventCoding();
        }
        if (focus instanceof DiagnosticReport r) {
            for (Coding c : r.getCode().getCoding()) if (Systems.MESSAGE_TYPE.equals(c.getSystem())) return c;
        }
        return null;
    }

    /** The document's own identifier: the KITH document id of the focus, else the message id. */
    Identifier documentIdentifier() {
        for (Identifier i : identifiersOf(focus)) {
            if (Systems.KITH_DOCUMENT_ID.equals(i.getSystem()) && i.hasValue()) return i;
        }
        return bundle.hasIdentifier() && bundle.getIdentifier().hasValue() ? bundle.getIdentifier() : null;
    }

    private static List<Identifier> identifiersOf(Resource r) {
        if (r instanceof Composition c) return c.hasIdentifier() ? List.of(c.getIdentifier()) : List.of();
        if (r instanceof ServiceRequest s) return s.getIdentifier();
        if (r instanceof Communication c) return c.getIdentifier();
        if (r instanceof CommunicationRequest c) return c.getIdentifier();
        if (r instanceof DiagnosticReport d) return d.getIdentifier();
        return List.of();
    }

    static Identifier identifier(List<Identifier> ids, String system) {
        for (Identifier i : ids) if (system.equals(i.getSystem()) && i.hasValue()) return i;
        return null;
    }

    /** The HER-id of an organisation, or of the nearest organisation it is part of. */
    Identifier herId(Organization org) {
        for (int depth = 0; org != null && depth < 5; depth++) {
            Identifier her = identifier(org.getIdentifier(), Systems.HER);
            if (her != null) return her;
            org = resolve(org.getPartOf()) instanceof Organization parent ? parent : null;
        }
        return null;
    }

    static String name(HumanName n) {
        if (n == null || n.isEmpty()) return null;
        if (n.hasText()) return n.getText();
        String given = n.getGivenAsSingleString();
        return (given == null || given.isBlank() ? "" : given + " ") + (n.hasFamily() ? n.getFamily() : "");
    }

    static String name(Resource r) {
        if (r instanceof Patient p) return p.hasName() ? blankToNull(name(p.getNameFirstRep())) : null;
        if (r instanceof Practitioner p) return p.hasName() ? blankToNull(name(p.getNameFirstRep())) : null;
        if (r instanceof Organization o) return o.getName();
        return null;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String primitive(Type t) {
        return t == null ? null : t.primitiveValue();
    }
}
