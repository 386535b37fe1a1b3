package no.samnav.mappers.epikrise;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.core.DocumentWriter;
import no.samnav.mappers.core.MessageBundles;
import no.samnav.mappers.core.WriteContext;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Writing of Epikrise from a Composition of type LOINC 18842-5 (see {@link EpikriseReading} for
 * the model). Shared by the versions; the project writes only 1.2, the base knows the 1.1
 * differences so that content 1.2 cannot carry (Event/Id, Inst/Type, PatRelHCP/Role,
 * HCP/PartyIdByRequester and PartyIdByServProv) is reported as lost. Mandatory elements missing in
 * FHIR are written empty (their attributes are optional in the schema) or with the usual value.
 */
public abstract class EpikriseWriting implements DocumentWriter {

    private final KithStandard standard;
    private final String ns;
    private final boolean v11;
    private final EpikriseParties parties;

    protected EpikriseWriting(KithStandard standard) {
        this.standard = standard;
        this.ns = standard.namespace();
        this.v11 = standard == KithStandard.EPIKRISE_1_1;
        this.parties = new EpikriseParties(ns, v11);
    }

    @Override
    public boolean canWrite(List<Resource> focus) {
        return composition(focus) != null;
    }

    private static Composition composition(List<Resource> focus) {
        for (Resource r : focus) {
            if (r instanceof Composition c && EpikriseCodes.isDischargeSummary(c.getType())) return c;
        }
        return null;
    }

    @Override
    public void write(List<Resource> focus, WriteContext ctx, XmlOut out) {
        Composition c = composition(focus);
        for (Resource r : focus) {
            if (r != c) ctx.loss(out.pathOf("Message"), r, "", "an Epikrise holds one discharge summary; "
                    + r.fhirType() + " needs a message of its own");
        }
        out.start(ns, "Message");
        Coding event = (Coding) Extensions.value(c, EpikriseExtensions.MESSAGE_TYPE);
        if (event == null && ctx.header().hasEventCoding()) event = ctx.header().getEventCoding();
        if (event == null || !event.hasCode()) event = new Coding(Systems.MESSAGE_TYPE, "EPIKRISE", "Epikrise");
        KithCodes.writeCs(out, ns, "Type", event);
        out.leaf("MsgVersion", Extensions.string(c, EpikriseExtensions.MSG_VERSION));
        String mig = Extensions.string(c, EpikriseExtensions.MIG_VERSION);
        if (mig != null && mig.contains(standard.version())) {
            out.leaf("MIGversion", mig);
        } else {
            out.leaf("MIGversion", v11 ? "v1.1 2006-09-23" : "v1.2 2012-02-15");
            if (mig != null) {
                ctx.loss(out.pathOf("MIGversion"), c, "extension('" + EpikriseExtensions.MIG_VERSION + "')",
                        "the implementation version names the source version (" + mig + "); the target's is written");
            }
        }
        DateTimeType genDate = (DateTimeType) Extensions.value(c, EpikriseExtensions.GEN_DATE);
        String gen = genDate != null ? KithDates.toKith(genDate)
                : ctx.bundle().hasTimestamp() ? KithDates.toKithDateTime(new DateTimeType(ctx.bundle().getTimestamp()))
                : KithDates.toKithDateTime(DateTimeType.now());
        out.attributesOnly(ns, "GenDate", "V", gen);
        String msgId = ctx.documentMsgId(Extensions.string(c, EpikriseExtensions.MSG_ID));
        out.leaf("MsgId", msgId != null ? msgId : UUID.randomUUID().toString());
        Coding msgStatus = (Coding) Extensions.value(c, EpikriseExtensions.MSG_STATUS);
        if (!v11) {
            KithCodes.writeCs(out, ns, "Status", msgStatus);
        } else if (msgStatus != null) {
            ctx.loss(out.pathOf("Status"), c, "extension('" + EpikriseExtensions.MSG_STATUS + "')", "Epikrise 1.1 has no Message/Status");
        }
        out.start("ServRprt");
        requiredCs(out, "ServType", (Coding) Extensions.value(c, EpikriseExtensions.SERV_TYPE), "N", "Ny");
        if (c.hasDate() && !c.getDateElement().hasExtension(EpikriseExtensions.DATE_ABSENT)) {
            ts(out, "IssueDate", c.getDateElement());
        } else {
            out.start("IssueDate").end();
        }
        for (Composition.CompositionAttesterComponent a : c.getAttester()) {
            if (a.hasTime()) {
                ts(out, "ApprDate", a.getTimeElement());
                break;
            }
        }
        Coding status = (Coding) Extensions.value(c, EpikriseExtensions.REPORT_STATUS);
        if (status == null) {
            status = c.getStatus() == Composition.CompositionStatus.FINAL ? new Coding(null, "F", "Endelig rapport")
                    : new Coding(null, null, c.hasStatus() ? c.getStatus().getDisplay() : null);
        }
        requiredCs(out, "Status", status, null, null);
        KithCodes.writeCs(out, ns, "Priority", (Coding) Extensions.value(c, EpikriseExtensions.PRIORITY));
        KithCodes.writeCs(out, ns, "Ack", (Coding) Extensions.value(c, EpikriseExtensions.ACK));
        out.leaf("MsgDescr", c.hasTitle() ? c.getTitle() : "Epikrise");
        out.leaf("ServProvId", c.hasIdentifier() ? c.getIdentifier().getValue() : null);
        for (Extension e : c.getExtensionsByUrl(EpikriseExtensions.SERV_REQ)) {
            ServiceRequest r = ctx.resolve((Reference) e.getValue(), ServiceRequest.class);
            if (r != null) serviceRequest(out, r, ctx);
        }
        List<Encounter> encounters = MessageBundles.all(ctx.bundle(), Encounter.class);
        List<Encounter> top = new ArrayList<>();
        for (Encounter e : encounters) if (!e.hasPartOf() || ctx.resolve(e.getPartOf()) == null) top.add(e);
        for (Encounter e : top) event(out, e, c, encounters, e == top.get(0), ctx);
        if (top.isEmpty() && hasLooseSections(c)) syntheticEvent(out, c, ctx);
        patient(out, c, ctx);
        Reference sender = party(c, EpikriseExtensions.SERV_PROVIDER);
        Extension senderExt = c.getExtensionByUrl(EpikriseExtensions.SERV_PROVIDER);
        if (sender == null) sender = c.hasAuthor() ? c.getAuthorFirstRep() : ctx.header().getSender();
        partyElement(out, "ServProvider", senderExt, sender, new Coding(null, "SPR", "Tjenesteyter"), ctx);
        for (Extension copy : c.getExtensionsByUrl(EpikriseExtensions.COPY_DEST)) {
            out.start("CopyDest");
            KithCodes.writeCs(out, ns, "Role", (Coding) Extensions.sub(copy, "role"));
            for (Extension role : copy.getExtensionsByUrl("copyDestRole")) {
                out.start("CopyDestRole");
                requiredCs(out, "MsgType", (Coding) Extensions.sub(role, "msgType"), "EPIKRISE", "Epikrise");
                KithCodes.writeCs(out, ns, "ReqComMethod", (Coding) Extensions.sub(role, "reqComMethod"));
                KithCodes.writeCs(out, ns, "ActComMethod", (Coding) Extensions.sub(role, "actComMethod"));
                out.end();
            }
            parties.writeHcp(out, (Reference) Extensions.sub(copy, "party"), ctx);
            out.end();
        }
        Reference requester = party(c, EpikriseExtensions.REQUESTER);
        if (requester == null) {
            MessageHeader h = ctx.header();
            requester = h.hasDestination() ? h.getDestinationFirstRep().getReceiver() : null;
        }
        partyElement(out, "Requester", c.getExtensionByUrl(EpikriseExtensions.REQUESTER), requester,
                new Coding(null, "REQ", "Rekvirent"), ctx);
        for (Extension rel : c.getExtensionsByUrl(EpikriseExtensions.REL_SERV_PROVIDER)) relServProvider(out, rel, ctx);
        for (Composition.SectionComponent s : c.getSection()) {
            if (s.hasEntry() && !isInfItemSection(s)) {
                for (Reference entry : s.getEntry()) {
                    Resource r = ctx.resolve(entry);
                    if (r != null && !(r instanceof org.hl7.fhir.r4.model.CarePlan)) {
                        // Clinical items are written from their encounter; other entries have no Epikrise element.
                        if (!(r instanceof Condition || r instanceof MedicationStatement || r instanceof Observation)) {
                            ctx.loss(out.pathOf("Event"), r, "", "Epikrise has no element for a section entry of type " + r.fhirType());
                        }
                    }
                }
            }
        }
        out.end();
        out.end();
    }

    private static Reference party(Composition c, String url) {
        Extension e = c.getExtensionByUrl(url);
        return e == null ? null : (Reference) Extensions.sub(e, "party");
    }

    private void partyElement(XmlOut out, String name, Extension ext, Reference party, Coding defaultRole, WriteContext ctx) {
        out.start(name);
        Coding role = ext == null ? null : (Coding) Extensions.sub(ext, "role");
        KithCodes.writeCs(out, ns, "Role", ext == null ? defaultRole : role);
        KithCodes.writeCs(out, ns, "ComMethod", ext == null ? null : (Coding) Extensions.sub(ext, "comMethod"));
        parties.writeHcp(out, party, ctx);
        out.end();
    }

    private void serviceRequest(XmlOut out, ServiceRequest r, WriteContext ctx) {
        out.start("ServReq");
        requiredCs(out, "ServType", (Coding) Extensions.value(r, EpikriseExtensions.SERV_TYPE), "N", "Ny");
        if (r.hasAuthoredOn()) ts(out, "IssueDate", r.getAuthoredOnElement());
        else out.start("IssueDate").end();
        ts(out, "ReceiptDate", (DateTimeType) Extensions.value(r, EpikriseExtensions.RECEIPT_DATE));
        out.leaf("ReqComment", r.hasNote() ? r.getNoteFirstRep().getText() : null);
        CodeableConcept category = r.hasCategory() ? r.getCategoryFirstRep() : null;
        Coding descr = category != null && category.hasCoding() ? category.getCodingFirstRep() : null;
        String descrText = category != null && category.hasText() ? category.getText() : null;
        if (v11) {
            out.leaf("MsgDescr", descrText != null ? descrText : descr != null && descr.hasDisplay() ? descr.getDisplay()
                    : descr != null && descr.hasCode() ? descr.getCode() : "");
        } else if (descr != null && !descr.isEmpty()) {
            requiredCs(out, "MsgDescr", descr, null, null);
        } else {
            out.attributesOnly(ns, "MsgDescr", "DN", descrText);
            if (descrText == null) out.start("MsgDescr").end();
        }
        String id = null;
        for (Identifier i : r.getIdentifier()) if (id == null) id = i.getValue();
        out.leaf("Id", id == null ? "" : id);
        for (Extension reason : r.getExtensionsByUrl(EpikriseExtensions.REASON_AS_TEXT)) {
            out.start("ReasonAsText");
            KithCodes.writeCs(out, ns, "Heading", (Coding) Extensions.sub(reason, "heading"));
            StringType text = (StringType) Extensions.sub(reason, "text");
            if (text != null) freeText(out, "TextResultValue", text);
            for (Extension code : reason.getExtensionsByUrl("textCode")) {
                KithCodes.writeCv(out, ns, "TextCode", (CodeableConcept) code.getValue());
            }
            out.end();
        }
        if (r.hasReasonCode()) {
            for (CodeableConcept reason : r.getReasonCode()) concept(out, "Diagnosis", reason);
        } else {
            concept(out, "Diagnosis", new CodeableConcept());
        }
        out.end();
    }

    private void event(XmlOut out, Encounter enc, Composition c, List<Encounter> all, boolean first, WriteContext ctx) {
        out.start("Event");
        if (enc.hasExtension(EpikriseExtensions.EMPTY_EVENT)) {
            out.end();
            return;
        }
        if (enc.hasPeriod()) {
            Period p = enc.getPeriod();
            out.start("ReportedEvent");
            if (p.hasStart()) ts(out, "StartDateTime", p.getStartElement());
            else out.start("StartDateTime").end();
            ts(out, "EndDateTime", p.getEndElement());
            out.end();
        } else if (enc.getStatus() == Encounter.EncounterStatus.PLANNED) {
            out.start("PlannedEvent").end();
        } else {
            out.start("ReportedEvent").start("StartDateTime").end().end();
        }
        requiredCs(out, "ServType", (Coding) Extensions.value(enc, EpikriseExtensions.SERV_TYPE), "N", "Ny");
        KithCodes.writeCs(out, ns, "Recipient", (Coding) Extensions.value(enc, EpikriseExtensions.RECIPIENT));
        KithCodes.writeCs(out, ns, "Priority", (Coding) Extensions.value(enc, EpikriseExtensions.PRIORITY));
        if (enc.getHospitalization().hasDischargeDisposition()) {
            KithCodes.writeCs(out, ns, "AdmOutcome", enc.getHospitalization().getDischargeDisposition().getCodingFirstRep());
        }
        pq(out, "ExpDuration", (Quantity) Extensions.value(enc, EpikriseExtensions.EXP_DURATION));
        String eventId = Extensions.string(enc, EpikriseExtensions.EVENT_ID);
        if (v11) {
            out.leaf("Id", eventId != null ? eventId : Integer.toString(all.indexOf(enc) + 1));
        } else if (eventId != null) {
            ctx.loss(out.pathOf("Id"), enc, "extension('" + EpikriseExtensions.EVENT_ID + "')",
                    "Epikrise 1.2 removed Event/Id (it only served internal references)");
        }
        for (Encounter sub : all) {
            if (sub.hasPartOf() && ctx.resolve(sub.getPartOf()) == enc) event(out, sub, c, all, false, ctx);
        }
        out.start("Service");
        if (enc.hasType()) KithCodes.writeCv(out, ns, "ServId", enc.getTypeFirstRep());
        if (enc.hasServiceType()) KithCodes.writeCv(out, ns, "MedSpecialty", enc.getServiceType());
        Coding admCat = enc.getClass_();
        if (admCat != null && (admCat.hasCode() || admCat.hasDisplay())) KithCodes.writeCs(out, ns, "AdmCat", admCat);
        out.end();
        for (Extension rel : enc.getExtensionsByUrl(EpikriseExtensions.REL_SERV_PROVIDER)) relServProvider(out, rel, ctx);
        for (Resource r : clinicalItems(enc, ctx)) infItem(out, r, ctx);
        for (Composition.SectionComponent s : c.getSection()) {
            if (isInfItemSection(s)) continue;
            Reference eventRef = (Reference) Extensions.value(s, EpikriseExtensions.EVENT);
            boolean mine = eventRef != null ? ctx.resolve(eventRef) == enc : first;
            if (mine) comment(out, s);
        }
        for (Extension coded : enc.getExtensionsByUrl(EpikriseExtensions.CODED_COMMENT)) {
            concept(out, "CodedComment", (CodeableConcept) coded.getValue());
        }
        out.end();
    }

    /** The clinical items (InfItem) of an event, in bundle order. */
    private static List<Resource> clinicalItems(Encounter enc, WriteContext ctx) {
        List<Resource> items = new ArrayList<>();
        for (org.hl7.fhir.r4.model.Bundle.BundleEntryComponent e : ctx.bundle().getEntry()) {
            Resource r = e.getResource();
            Reference encounter = r instanceof Condition cond ? cond.getEncounter()
                    : r instanceof MedicationStatement ms ? ms.getContext()
                    : r instanceof Observation o ? o.getEncounter() : null;
            if (encounter != null && ctx.resolve(encounter) == enc) items.add(r);
        }
        return items;
    }

    private static boolean isInfItemSection(Composition.SectionComponent s) {
        return s.hasCode() && EpikriseCodes.system(EpikriseCodes.INF_ITEM_TYPE).equals(s.getCode().getCodingFirstRep().getSystem());
    }

    private static boolean hasLooseSections(Composition c) {
        return c.getSection().stream().anyMatch(s -> !isInfItemSection(s));
    }

    /** Sections of a Composition that did not come from an Epikrise go into one Event of their own. */
    private void syntheticEvent(XmlOut out, Composition c, WriteContext ctx) {
        out.start("Event");
        out.start("ReportedEvent");
        ts(out, "StartDateTime", c.getDateElement());
        out.end();
        requiredCs(out, "ServType", null, "N", "Ny");
        out.start("Service").end();
        for (Composition.SectionComponent s : c.getSection()) if (!isInfItemSection(s)) comment(out, s);
        out.end();
    }

    private void comment(XmlOut out, Composition.SectionComponent s) {
        out.start("Comment");
        if (s.hasCode()) {
            KithCodes.writeCs(out, ns, "Heading", s.getCode().getCodingFirstRep());
        } else if (s.hasTitle()) {
            out.attributesOnly(ns, "Heading", "DN", s.getTitle());
        }
        StringType value = (StringType) Extensions.value(s, EpikriseExtensions.TEXT_VALUE);
        if (value != null) {
            freeText(out, "TextResultValue", value);
        } else if (s.hasText() && s.getText().getStatus() != org.hl7.fhir.r4.model.Narrative.NarrativeStatus.EMPTY) {
            out.start("TextResultValue");
            out.markup(s.getText().getDivAsString());
            out.end();
        }
        for (Extension code : s.getExtensionsByUrl(EpikriseExtensions.TEXT_CODE)) {
            KithCodes.writeCv(out, ns, "TextCode", (CodeableConcept) code.getValue());
        }
        out.end();
    }

    private void infItem(XmlOut out, Resource r, WriteContext ctx) {
        out.start("InfItem");
        Coding type = (Coding) Extensions.value((DomainResource) r, EpikriseExtensions.INF_ITEM_TYPE);
        BaseDateTimeType start = null;
        BaseDateTimeType end = null;
        BaseDateTimeType orgDate = null;
        if (r instanceof MedicationStatement ms) {
            medication(out, ms);
            if (type == null) type = new Coding(null, "MEDB", "Legemiddelopplysning");
            if (ms.hasEffectivePeriod()) {
                start = ms.getEffectivePeriod().getStartElement();
                end = ms.getEffectivePeriod().getEndElement();
            } else if (ms.hasEffectiveDateTimeType()) {
                start = ms.getEffectiveDateTimeType();
            }
            orgDate = ms.getDateAssertedElement();
        } else if (r instanceof Condition cond) {
            out.start("Observation");
            if (cond.hasNote()) annotationText(out, cond.getNoteFirstRep());
            out.leaf("Comment", Extensions.string(cond, EpikriseExtensions.OBSERVATION_COMMENT));
            concept(out, "CodedDescr", cond.getCode());
            out.end();
            if (type == null) type = new Coding(null, "B", "Bidiagnose");
            if (cond.hasOnsetDateTimeType()) start = cond.getOnsetDateTimeType();
            if (cond.hasAbatementDateTimeType()) end = cond.getAbatementDateTimeType();
            orgDate = cond.getRecordedDateElement();
        } else if (r instanceof Observation o) {
            out.start("Observation");
            if (o.hasValueStringType()) {
                freeText(out, "Description", o.getValueStringType());
            } else if (o.hasNote()) {
                annotationText(out, o.getNoteFirstRep());
            }
            out.leaf("Comment", Extensions.string(o, EpikriseExtensions.OBSERVATION_COMMENT));
            if (o.hasValueCodeableConcept()) concept(out, "CodedDescr", o.getValueCodeableConcept());
            out.end();
            if (type == null) type = o.getCode().getCodingFirstRep();
            if (o.hasEffectivePeriod()) {
                start = o.getEffectivePeriod().getStartElement();
                end = o.getEffectivePeriod().getEndElement();
            } else if (o.hasEffectiveDateTimeType()) {
                start = o.getEffectiveDateTimeType();
            }
            orgDate = (DateTimeType) Extensions.value(o, EpikriseExtensions.ORG_DATE);
        }
        requiredCs(out, "Type", type, null, null);
        ts(out, "StartDateTime", start);
        ts(out, "EndDateTime", end);
        ts(out, "OrgDate", orgDate);
        DomainResource dr = (DomainResource) r;
        Extension origin = dr.getExtensionByUrl(EpikriseExtensions.ORIGIN);
        if (origin != null) {
            out.start("Origin");
            KithCodes.writeCs(out, ns, "Role", (Coding) Extensions.sub(origin, "role"));
            parties.writeHcp(out, (Reference) Extensions.sub(origin, "party"), ctx);
            out.end();
        }
        for (Extension rel : dr.getExtensionsByUrl(EpikriseExtensions.REL_HC_PROVIDER)) {
            out.start("RelHCProvider");
            requiredCs(out, "Relation", (Coding) Extensions.sub(rel, "relation"), null, null);
            KithCodes.writeCs(out, ns, "Role", (Coding) Extensions.sub(rel, "role"));
            parties.writeHcp(out, (Reference) Extensions.sub(rel, "party"), ctx);
            out.end();
        }
        out.end();
    }

    private void medication(XmlOut out, MedicationStatement ms) {
        out.start("Medication");
        CodeableConcept drug = ms.hasMedicationCodeableConcept() ? ms.getMedicationCodeableConcept() : new CodeableConcept();
        if (drug.isEmpty()) out.start("DrugId").end();
        else KithCodes.writeCv(out, ns, "DrugId", drug);
        KithCodes.writeCv(out, ns, "DosageCoded", (CodeableConcept) Extensions.value(ms, EpikriseExtensions.DOSAGE_CODED));
        out.leaf("Comment", ms.hasNote() ? ms.getNoteFirstRep().getText() : null);
        Coding status = ms.hasStatusReason() ? ms.getStatusReasonFirstRep().getCodingFirstRep() : null;
        if (status == null && ms.hasStatus()) status = new Coding(null, null, ms.getStatus().getDisplay());
        requiredCs(out, "Status", status, null, null);
        KithCodes.writeCv(out, ns, "Form", (CodeableConcept) Extensions.value(ms, EpikriseExtensions.FORM));
        Dosage d = ms.hasDosage() ? ms.getDosageFirstRep() : null;
        if (d != null && d.hasRoute()) KithCodes.writeCv(out, ns, "RouteOfAdm", d.getRoute());
        pq(out, "IntendedDuration", (Quantity) Extensions.value(ms, EpikriseExtensions.INTENDED_DURATION));
        pq(out, "QuantitySupplied", (Quantity) Extensions.value(ms, EpikriseExtensions.QUANTITY_SUPPLIED));
        if (d != null && d.hasDoseAndRate() && d.getDoseAndRateFirstRep().hasDoseQuantity()) {
            pq(out, "UnitDose", d.getDoseAndRateFirstRep().getDoseQuantity());
        }
        out.leaf("DosageText", d != null ? d.getText() : null);
        out.end();
    }

    private void annotationText(XmlOut out, Annotation note) {
        StringType text = new StringType(note.getText());
        String markup = Extensions.string(note.getTextElement(), Extensions.MARKUP);
        if (markup != null) text.addExtension(Extensions.MARKUP, new StringType(markup));
        freeText(out, "Description", text);
    }

    private void patient(XmlOut out, Composition c, WriteContext ctx) {
        Patient p = ctx.resolve(c.getSubject(), Patient.class);
        out.start("Patient");
        if (p != null) {
            parties.writePatientHead(out, p);
            for (Extension rel : p.getExtensionsByUrl(EpikriseExtensions.PAT_REL_HCP)) {
                out.start("PatRelHCP");
                requiredCs(out, "Relation", (Coding) Extensions.sub(rel, "relation"), null, null);
                ts(out, "StartDateTime", (DateTimeType) Extensions.sub(rel, "start"));
                ts(out, "EndDateTime", (DateTimeType) Extensions.sub(rel, "end"));
                Coding role = (Coding) Extensions.sub(rel, "role");
                if (v11) {
                    KithCodes.writeCs(out, ns, "Role", role);
                } else if (role != null) {
                    ctx.loss(out.pathOf("Role"), p, "extension('" + EpikriseExtensions.PAT_REL_HCP + "').extension('role')",
                            "Epikrise 1.2 removed PatRelHCP/Role (a fixed value)");
                }
                parties.writeHcp(out, (Reference) Extensions.sub(rel, "party"), ctx);
                out.end();
            }
            parties.writePatientTail(out, p);
        }
        out.end();
    }

    private void relServProvider(XmlOut out, Extension rel, WriteContext ctx) {
        out.start("RelServProvider");
        requiredCs(out, "Relation", (Coding) Extensions.sub(rel, "relation"), null, null);
        KithCodes.writeCs(out, ns, "Role", (Coding) Extensions.sub(rel, "role"));
        parties.writeHcp(out, (Reference) Extensions.sub(rel, "party"), ctx);
        out.end();
    }

    /** A Concept with its Modifiers inside an element such as Diagnosis or CodedDescr. */
    private void concept(XmlOut out, String name, CodeableConcept cc) {
        out.start(name);
        if (cc == null || !cc.hasCoding() && !cc.hasText()) out.start("Concept").end();
        else KithCodes.writeCv(out, ns, "Concept", cc);
        if (cc != null) {
            for (Extension m : cc.getExtensionsByUrl(EpikriseExtensions.MODIFIER)) {
                out.start("Modifier");
                requiredCs(out, "Name", (Coding) Extensions.sub(m, "name"), null, null);
                List<Extension> values = m.getExtensionsByUrl("value");
                if (values.isEmpty()) out.start("Value").end();
                for (Extension v : values) {
                    Type value = v.getValue();
                    if (value instanceof CodeableConcept vc && !vc.isEmpty()) KithCodes.writeCv(out, ns, "Value", vc);
                    else out.start("Value").end();
                }
                out.end();
            }
        }
        out.end();
    }

    private void freeText(XmlOut out, String name, StringType text) {
        String markup = Extensions.string(text, Extensions.MARKUP);
        out.start(name);
        if (markup != null) out.markup(markup);
        else out.text(text.getValue() == null ? "" : text.getValue());
        out.end();
    }

    /** A mandatory CS: the coding, else the default, else an empty element (V and DN are optional). */
    private void requiredCs(XmlOut out, String name, Coding c, String defaultV, String defaultDn) {
        if (c != null && (c.hasCode() || c.hasDisplay())) {
            KithCodes.writeCs(out, ns, name, c);
        } else if (defaultV != null) {
            out.attributesOnly(ns, name, "V", defaultV, "DN", defaultDn);
        } else {
            out.start(name).end();
        }
    }

    private void ts(XmlOut out, String name, BaseDateTimeType value) {
        if (value == null || value.isEmpty()) return;
        out.attributesOnly(ns, name, "V", KithDates.toKith(value));
    }

    private void pq(XmlOut out, String name, Quantity q) {
        if (q == null || q.isEmpty()) return;
        out.attributesOnly(ns, name, "V", q.hasValue() ? q.getValueElement().getValueAsString() : null, "U", q.getUnit());
        if (!q.hasValue() && !q.hasUnit()) out.start(name).end();
    }

    /** The standard this writer produces. */
    public KithStandard standard() {
        return standard;
    }
}
