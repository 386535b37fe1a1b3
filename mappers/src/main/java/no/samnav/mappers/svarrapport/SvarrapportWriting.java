package no.samnav.mappers.svarrapport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.common.PatientFields;
import no.samnav.mappers.common.HcpParties;
import no.samnav.mappers.core.DocumentWriter;
import no.samnav.mappers.core.WriteContext;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.kodeverk.DeviationIndicator;
import no.samnav.mappers.kodeverk.ReportStatus;
import no.samnav.mappers.kodeverk.ResultStatus;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Writing of Svarrapport from a DiagnosticReport with its ServiceRequests, Specimens and
 * Observations (the inverse of {@link SvarrapportReading}). Mandatory elements the FHIR content
 * lacks are filled from the Bundle (MsgId, GenDate) or with neutral values; what the Message
 * cannot hold is reported as lost.
 */
public abstract class SvarrapportWriting implements DocumentWriter {

    private static final String MIG_VERSION = "v1.4 2012-02-15";

    private final KithStandard standard;
    private final String ns;

    protected SvarrapportWriting(KithStandard standard) {
        this.standard = standard;
        this.ns = standard.namespace();
    }

    @Override
    public boolean canWrite(List<Resource> focus) {
        return !focus.isEmpty() && focus.get(0) instanceof DiagnosticReport;
    }

    @Override
    public void write(List<Resource> focus, WriteContext ctx, XmlOut out) {
        DiagnosticReport report = (DiagnosticReport) focus.get(0);
        out.start(ns, "Message");
        message(report, ctx, out);
        if (hasReportContent(report)) servReport(report, ctx, out);
        reportUnwritten(report, ctx);
        out.end();
        for (int i = 1; i < focus.size(); i++) {
            ctx.loss("/Message", focus.get(i), "", "a Svarrapport holds one report (ServReport)");
        }
    }

    /**
     * False for the report the reader makes of a Message without ServReport (the schema allows it):
     * nothing but the envelope, which must not come back as an invented final report.
     */
    private static boolean hasReportContent(DiagnosticReport report) {
        return report.hasPerformer() || report.hasResult() || report.hasSubject() || report.hasIdentifier()
                || report.hasBasedOn() || report.hasSpecimen() || report.hasConclusion() || report.hasIssued()
                || report.hasExtension(SvarrapportExtensions.PARTY);
    }

    /** DiagnosticReport elements Svarrapport has no place for. */
    private static void reportUnwritten(DiagnosticReport report, WriteContext ctx) {
        if (report.hasEffective()) ctx.loss("/Message/ServReport", report, "effective", "Svarrapport has no report-level effective time");
        if (report.hasPresentedForm()) {
            ctx.loss("/Message/ServReport", report, "presentedForm",
                    "Svarrapport carries no attachment; send the rendered report as a MsgHead attachment");
        }
        if (report.hasMedia()) ctx.loss("/Message/ServReport", report, "media", "Svarrapport has no media");
        if (report.hasImagingStudy()) ctx.loss("/Message/ServReport", report, "imagingStudy", "Svarrapport has no imaging study");
        if (report.hasEncounter()) ctx.loss("/Message/ServReport", report, "encounter", "Svarrapport has no encounter");
    }

    private void message(DiagnosticReport report, WriteContext ctx, XmlOut out) {
        Extension m = report.getExtensionByUrl(SvarrapportExtensions.MESSAGE);
        Coding type = (Coding) Extensions.sub(m, "type");
        if (type == null && ctx.header().hasEventCoding()) type = ctx.header().getEventCoding();
        if (type == null || !type.hasCode()) type = new Coding(Systems.MESSAGE_TYPE, "SVAR_LAB", "Svarrapport-Laboratoriemedisin");
        KithCodes.writeCs(out, ns, "Type", type);
        out.leaf("MsgVersion", Extensions.subString(m, "msgVersion"));
        String mig = Extensions.subString(m, "migVersion");
        out.leaf("MIGversion", mig != null && mig.trim().startsWith("v1.4") ? mig : MIG_VERSION);
        BaseDateTimeType genDate = (BaseDateTimeType) Extensions.sub(m, "genDate");
        if (genDate == null && ctx.bundle().hasTimestamp()) genDate = new DateTimeType(ctx.bundle().getTimestampElement().getValueAsString());
        if (genDate == null) genDate = DateTimeType.now();
        out.attributesOnly(ns, "GenDate", "V", KithDates.toKith(genDate));
        String msgId = ctx.documentMsgId(Extensions.subString(m, "msgId"));
        if (msgId == null) msgId = UUID.randomUUID().toString();
        out.leaf("MsgId", msgId);
        KithCodes.writeCs(out, ns, "Status", (Coding) Extensions.sub(m, "status"));
    }

    private void servReport(DiagnosticReport report, WriteContext ctx, XmlOut out) {
        out.start("ServReport");
        KithCodes.writeCs(out, ns, "ServType", orDefault((Coding) Extensions.value(report, SvarrapportExtensions.SERV_TYPE),
                "N", "Ny"));
        Type issueDate = Extensions.value(report, SvarrapportExtensions.ISSUE_DATE);
        String issued = issueDate instanceof BaseDateTimeType d ? KithDates.toKith(d)
                : report.hasIssued() ? KithDates.toKith(report.getIssuedElement()) : KithDates.toKith(DateTimeType.now());
        out.attributesOnly(ns, "IssueDate", "V", issued);
        dateValue(out, "ApprDate", Extensions.value(report, SvarrapportExtensions.APPROVAL_DATE));
        Coding status = (Coding) Extensions.value(report.getStatusElement(), Extensions.KITH_CODE);
        if (status == null) {
            status = KithCodes.coding(ReportStatus.fromFhir(report.getStatus()));
            if (!report.hasStatus() || report.getStatus() == DiagnosticReport.DiagnosticReportStatus.UNKNOWN) {
                ctx.loss(out.pathOf("Status"), report, "status", "Svarrapport has no 'unknown' report status; written as "
                        + status.getCode() + " (" + status.getDisplay() + ")");
            }
        }
        KithCodes.writeCs(out, ns, "Status", status);
        KithCodes.writeCv(out, ns, "CancellationCode", (CodeableConcept) Extensions.value(report, SvarrapportExtensions.CANCELLATION_CODE));
        KithCodes.writeCs(out, ns, "Ack", (Coding) Extensions.value(report, SvarrapportExtensions.ACK));
        Coding msgDescr = report.hasCategory() ? report.getCategoryFirstRep().getCodingFirstRep() : null;
        KithCodes.writeCs(out, ns, "MsgDescr", msgDescr != null && msgDescr.hasCode() ? msgDescr
                : new Coding(null, "CLIN", "Medisinsk biokjemi"));
        for (int i = 1; i < report.getCategory().size(); i++) {
            ctx.loss(out.pathOf("MsgDescr"), report, "category[" + i + "]", "a Svarrapport has one MsgDescr");
        }
        String servProvId = identifier(report.getIdentifier(), SvarrapportExtensions.SYSTEM_SERV_PROV_ID);
        if (servProvId == null && report.hasIdentifier()) servProvId = report.getIdentifierFirstRep().getValue();
        out.leaf("ServProvId", servProvId != null ? servProvId : report.getIdElement().getIdPart() != null
                ? report.getIdElement().getIdPart() : UUID.randomUUID().toString());
        out.leaf("Comment", report.getConclusion());
        for (CodeableConcept coded : report.getConclusionCode()) KithCodes.writeCv(out, ns, "CodedComment", coded);
        writeCarried(out, report, "RefDoc");
        for (Reference ref : report.getBasedOn()) {
            ServiceRequest req = ctx.resolve(ref, ServiceRequest.class);
            if (req != null) servReq(req, ctx, out);
            else ctx.loss(out.pathOf("ServReq"), report, "basedOn", "only ServiceRequests become ServReq");
        }
        Patient patient = ctx.resolve(report.getSubject(), Patient.class);
        if (patient != null) patient(patient, report, ctx, out);
        else if (report.hasSubject()) ctx.loss(out.pathOf("Patient"), report, "subject", "the subject is not a Patient");

        List<Extension> parties = report.getExtensionsByUrl(SvarrapportExtensions.PARTY);
        Extension provider = party(parties, "servProvider");
        if (provider != null) {
            LabParties.write(out, ns, "ServProvider", provider, List.of("Role", "ComMethod"), ctx);
        } else {
            LabParties.writeFromReference(out, ns, "ServProvider", report.hasPerformer() ? report.getPerformerFirstRep() : null, ctx);
        }
        Extension requester = party(parties, "requester");
        if (requester != null) {
            LabParties.write(out, ns, "Requester", requester, List.of("Role", "ComMethod"), ctx);
        } else {
            ServiceRequest req = report.hasBasedOn() ? ctx.resolve(report.getBasedOnFirstRep(), ServiceRequest.class) : null;
            LabParties.writeFromReference(out, ns, "Requester", req != null && req.hasRequester() ? req.getRequester() : null, ctx);
        }
        Extension payment = party(parties, "paymentResponsible");
        if (payment != null) LabParties.write(out, ns, "PaymentResponsible", payment, List.of("Role", "TypeGuarantor"), ctx);
        for (Extension p : parties) {
            if ("copyDest".equals(Extensions.subString(p, "kind"))) {
                LabParties.write(out, ns, "CopyDest", p, List.of("Role", "CopyDestRole"), ctx);
            }
        }
        Extension rel = party(parties, "relServProv");
        if (rel != null) {
            LabParties.write(out, ns, "RelServProv", rel, List.of("Role", "Relation"), ctx);
        } else if (report.hasResultsInterpreter()) {
            ctx.loss(out.pathOf("RelServProv"), report, "resultsInterpreter",
                    "RelServProv needs its relation code (svarrapport-party extension); the interpreter is not written");
        }
        out.end();
    }

    private static Extension party(List<Extension> parties, String kind) {
        for (Extension p : parties) if (kind.equals(Extensions.subString(p, "kind"))) return p;
        return null;
    }

    // ------------------------------------------------------------------ requisition

    private void servReq(ServiceRequest req, WriteContext ctx, XmlOut out) {
        out.start("ServReq");
        KithCodes.writeCs(out, ns, "ServType", (Coding) Extensions.value(req, SvarrapportExtensions.SERV_TYPE));
        if (req.hasAuthoredOn()) out.attributesOnly(ns, "IssueDate", "V", KithDates.toKith(req.getAuthoredOnElement()));
        KithCodes.writeCs(out, ns, "PaymentCat", (Coding) Extensions.value(req, SvarrapportExtensions.PAYMENT_CATEGORY));
        List<Annotation> comments = new ArrayList<>();
        String reqComment = null;
        for (Annotation note : req.getNote()) {
            if (note.hasExtension(SvarrapportExtensions.REQUISITION_COMMENT) || reqComment != null) comments.add(note);
            else reqComment = note.getText();
        }
        out.leaf("ReqComment", reqComment);
        KithCodes.writeCs(out, ns, "Ack", (Coding) Extensions.value(req, SvarrapportExtensions.ACK));
        if (req.hasCategory()) KithCodes.writeCs(out, ns, "MsgDescr", req.getCategoryFirstRep().getCodingFirstRep());
        String id = identifier(req.getIdentifier(), SvarrapportExtensions.SYSTEM_REQUISITION_ID);
        if (id == null && req.hasRequisition()) id = req.getRequisition().getValue();
        if (id == null && req.hasIdentifier()) id = req.getIdentifierFirstRep().getValue();
        out.leaf("Id", id != null ? id : "");
        KithCodes.writeCs(out, ns, "RequestedPrioReport", (Coding) Extensions.value(req, SvarrapportExtensions.REQUESTED_PRIO_REPORT));
        dateValue(out, "ReceiptDate", Extensions.value(req, SvarrapportExtensions.RECEIPT_DATE));
        out.leaf("IdByServProvider", identifier(req.getIdentifier(), SvarrapportExtensions.SYSTEM_REQUISITION_ID_BY_SERV_PROVIDER));
        for (Extension r : req.getExtensionsByUrl(SvarrapportExtensions.RESERVATION)) {
            KithCodes.writeCv(out, ns, "Reservation", (CodeableConcept) r.getValue());
        }
        writeCarried(out, req, "ReasonAsText");
        for (Annotation note : comments) {
            out.start("Comment");
            KithCodes.writeCs(out, ns, "Heading", (Coding) Extensions.value(note, SvarrapportExtensions.COMMENT_HEADING));
            if (note.getTextElement().getValue() != null && !note.getText().isEmpty()) out.leaf("TextResultValue", note.getText());
            KithCodes.writeCv(out, ns, "TextCode", (CodeableConcept) Extensions.value(note, SvarrapportExtensions.COMMENT_TEXT_CODE));
            out.end();
        }
        out.end();
    }

    // ------------------------------------------------------------------ patient

    private void patient(Patient p, DiagnosticReport report, WriteContext ctx, XmlOut out) {
        out.start("Patient");
        KithCodes.writeCs(out, ns, "BasisForHealthServices",
                (Coding) Extensions.value(p, SvarrapportExtensions.BASIS_FOR_HEALTH_SERVICES));
        PatientFields.writeSexAndDates(out, ns, p);
        if (p.hasName()) out.leaf("Name", nameText(p.getNameFirstRep()));
        for (int i = 1; i < p.getName().size(); i++) {
            ctx.loss(out.pathOf("Name"), p, "name[" + i + "]", "the Svarrapport patient has one name");
        }
        out.leaf("IdByServProvider", identifier(p.getIdentifier(), SvarrapportExtensions.SYSTEM_PATIENT_ID_BY_SERV_PROVIDER));
        out.leaf("IdByRequester", identifier(p.getIdentifier(), SvarrapportExtensions.SYSTEM_PATIENT_ID_BY_REQUESTER));
        Identifier official = officialId(p);
        out.leaf("OffId", official != null ? official.getValue() : "");
        Coding type = official != null ? HcpParties.typeOf(official, false) : null;
        KithCodes.writeCs(out, ns, "TypeOffId", type != null ? type : new Coding(null, "XXX", "Annet"));
        KithCodes.writeCs(out, ns, "Relation", (Coding) Extensions.value(p, SvarrapportExtensions.RELATION));
        Extension responsible = party(report.getExtensionsByUrl(SvarrapportExtensions.PARTY), "responsibleHcp");
        if (responsible != null) {
            LabParties.write(out, ns, "ResponsibleHcp", responsible, List.of("Role", "Relation"), ctx);
        } else if (p.hasGeneralPractitioner()) {
            LabParties.writeFromReference(out, ns, "ResponsibleHcp", p.getGeneralPractitionerFirstRep(), ctx);
        }
        // generalPractitioner[0] is the ResponsibleHcp just written (the reader puts it there)
        for (int i = 1; i < p.getGeneralPractitioner().size(); i++) {
            ctx.loss(out.pathOf("ResponsibleHcp"), p, "generalPractitioner[" + i + "]", "the patient has one ResponsibleHcp");
        }
        writeCarried(out, p, "AdmLocation");
        for (Identifier id : p.getIdentifier()) {
            if (id == official || isOwnSystem(id)) continue;
            out.start("AdditionalId");
            out.leaf("Id", id.getValue() == null ? "" : id.getValue());
            Coding t = HcpParties.typeOf(id, false);
            KithCodes.writeCs(out, ns, "Type", t != null ? t : new Coding(null, "XXX", "Annet"));
            out.end();
        }
        LabParties.writeAddress(out, ns, p.getAddress(), p.getTelecom(), "H", "Bostedsadresse", ctx, p);
        writeCarried(out, p, "InfItem");
        for (Reference ref : report.getSpecimen()) {
            Specimen s = ctx.resolve(ref, Specimen.class);
            if (s != null) analysedSubject(s, ctx, out);
        }
        Set<Resource> topLevel = new HashSet<>();
        for (Reference ref : report.getResult()) {
            Resource r = ctx.resolve(ref);
            if (r != null) topLevel.add(r);
        }
        for (int i = 0; i < report.getResult().size(); i++) {
            Observation o = ctx.resolve(report.getResult().get(i), Observation.class);
            if (o != null) resultItem(o, report, topLevel, ctx, out);
            else ctx.loss(out.pathOf("ResultItem"), report, "result[" + i + "]", "the result is not an Observation in the Bundle");
        }
        out.end();
    }

    private static boolean isOwnSystem(Identifier id) {
        return SvarrapportExtensions.SYSTEM_PATIENT_ID_BY_SERV_PROVIDER.equals(id.getSystem())
                || SvarrapportExtensions.SYSTEM_PATIENT_ID_BY_REQUESTER.equals(id.getSystem());
    }

    /** The identifier for OffId: the official one as read, else an FNR or D-nummer, else the first other. */
    private static Identifier officialId(Patient p) {
        for (Identifier i : p.getIdentifier()) {
            if (i.getUse() == Identifier.IdentifierUse.OFFICIAL) return i;
        }
        for (Identifier i : p.getIdentifier()) {
            if (Systems.FNR.equals(i.getSystem()) || Systems.DNR.equals(i.getSystem())) return i;
        }
        for (Identifier i : p.getIdentifier()) {
            if (!isOwnSystem(i) && !i.hasExtension(Extensions.ADDITIONAL_ID)) return i;
        }
        return null;
    }

    static String nameText(HumanName n) {
        if (n.hasText()) return n.getText();
        if (n.hasFamily() && n.hasGiven()) return n.getFamily() + ", " + n.getGivenAsSingleString();
        return n.hasFamily() ? n.getFamily() : n.getGivenAsSingleString();
    }

    // ------------------------------------------------------------------ specimen

    private void analysedSubject(Specimen s, WriteContext ctx, XmlOut out) {
        out.start("AnalysedSubject");
        Specimen.SpecimenCollectionComponent c = s.getCollection();
        String collectorComment = null;
        List<String> comments = new ArrayList<>();
        for (Annotation note : s.getNote()) {
            if (note.hasExtension(SvarrapportExtensions.COLLECTOR_COMMENT) && collectorComment == null) collectorComment = note.getText();
            else comments.add(note.getText());
        }
        List<Extension> coded = s.getExtensionsByUrl(SvarrapportExtensions.COLLECTOR_COMMENT_CODED);
        String logistics = Extensions.string(s, SvarrapportExtensions.LOGISTICS);
        if (c.hasCollected() || collectorComment != null || !coded.isEmpty() || logistics != null) {
            out.start("CollectedSample");
            if (c.hasCollectedDateTimeType()) out.attributesOnly(ns, "CollectedDate", "V", KithDates.toKith(c.getCollectedDateTimeType()));
            if (c.hasCollectedPeriod()) {
                out.attributesOnly(ns, "CollectedDate", "V", KithDates.toKith(c.getCollectedPeriod().getStartElement()));
            }
            out.leaf("CollectorComment", collectorComment);
            for (Extension e : coded) KithCodes.writeCv(out, ns, "CollectorCommentCoded", (CodeableConcept) e.getValue());
            out.leaf("Logistics", logistics);
            out.end();
        } else {
            writeCarried(out, s, "CollectedStudyProduct");
        }
        KithCodes.writeCs(out, ns, "ServType", (Coding) Extensions.value(s, SvarrapportExtensions.SERV_TYPE));
        out.leaf("Type", Extensions.string(s, SvarrapportExtensions.SPECIMEN_TYPE_TEXT));
        if (s.hasType()) KithCodes.writeCv(out, ns, "TypeCoded", s.getType());
        out.leaf("IdByRequester", identifier(s.getIdentifier(), SvarrapportExtensions.SYSTEM_SPECIMEN_ID_BY_REQUESTER));
        out.leaf("PreservMaterial", Extensions.string(s, SvarrapportExtensions.PRESERV_MATERIAL));
        if (!comments.isEmpty()) out.leaf("Comment", String.join("\n", comments));
        if (c.hasBodySite()) out.leaf("AnatomicalOrigin", c.getBodySite().hasText() ? c.getBodySite().getText()
                : c.getBodySite().getCodingFirstRep().getDisplay());
        Type number = Extensions.value(s, SvarrapportExtensions.SPECIMEN_NUMBER);
        if (number instanceof IntegerType n) out.leaf("Number", n.getValueAsString());
        KithCodes.writeCs(out, ns, "SampleCollInd", (Coding) Extensions.value(s, SvarrapportExtensions.SAMPLE_COLL_IND));
        if (c.hasMethod()) KithCodes.writeCv(out, ns, "SampleCollProc", c.getMethod());
        for (Specimen.SpecimenProcessingComponent p : s.getProcessing()) {
            if (p.hasDescription()) out.leaf("SampleHandling", p.getDescription());
        }
        out.leaf("IdByServProvider", specimenId(s));
        accredited(out, s);
        writeCarried(out, s, "AnalysedSubject");
        writeCarried(out, s, "Pretreatment");
        Extension rel = party(s.getExtensionsByUrl(SvarrapportExtensions.PARTY), "relServProv");
        if (rel != null) LabParties.write(out, ns, "RelServProv", rel, List.of("Role", "Relation"), ctx);
        out.end();
    }

    private static String specimenId(Specimen s) {
        String id = identifier(s.getIdentifier(), SvarrapportExtensions.SYSTEM_SPECIMEN_ID);
        if (id == null && s.hasAccessionIdentifier()) id = s.getAccessionIdentifier().getValue();
        if (id == null && s.hasIdentifier()) id = s.getIdentifierFirstRep().getValue();
        if (id == null) id = s.getIdElement().getIdPart();
        return id == null ? "" : id;
    }

    // ------------------------------------------------------------------ results

    private void resultItem(Observation o, DiagnosticReport report, Set<Resource> topLevel, WriteContext ctx, XmlOut out) {
        out.start("ResultItem");
        value(o, ctx, out);
        KithCodes.writeCs(out, ns, "ServType", (Coding) Extensions.value(o, SvarrapportExtensions.SERV_TYPE));
        for (Observation.ObservationReferenceRangeComponent range : o.getReferenceRange()) {
            out.start("RefInterval");
            out.leaf("Descr", rangeText(range));
            out.end();
        }
        investigation(o, out);
        if (o.hasEffectiveDateTimeType()) out.attributesOnly(ns, "InvDate", "V", KithDates.toKith(o.getEffectiveDateTimeType()));
        if (o.hasNote()) {
            List<String> notes = new ArrayList<>();
            for (Annotation a : o.getNote()) notes.add(a.getText());
            out.leaf("Comment", String.join("\n", notes));
        }
        KithCodes.writeCs(out, ns, "DevResultInd", deviation(o));
        out.leaf("IdResultItem", identifier(o.getIdentifier(), SvarrapportExtensions.SYSTEM_RESULT_ITEM_ID));
        String refId = Extensions.string(o, SvarrapportExtensions.REF_ID_RESULT_ITEM);
        if (refId == null && o.hasDerivedFrom()) {
            Observation target = ctx.resolve(o.getDerivedFromFirstRep(), Observation.class);
            if (target != null) refId = identifier(target.getIdentifier(), SvarrapportExtensions.SYSTEM_RESULT_ITEM_ID);
        }
        out.leaf("RefIdResultItem", refId);
        Coding status = (Coding) Extensions.value(o.getStatusElement(), Extensions.KITH_CODE);
        if (status == null && o.hasStatus() && o.getStatus() != inherited(report)) {
            status = KithCodes.coding(ResultStatus.fromFhir(o.getStatus()));
        }
        KithCodes.writeCs(out, ns, "StatusInvestigation", status);
        dateValue(out, "StatusChangeDate", Extensions.value(o, SvarrapportExtensions.STATUS_CHANGE_DATE));
        dateValue(out, "DescrDate", Extensions.value(o, SvarrapportExtensions.DESCR_DATE));
        dateValue(out, "CounterSignDate", Extensions.value(o, SvarrapportExtensions.COUNTER_SIGN_DATE));
        dateValue(out, "MedicalValidationDate", Extensions.value(o, SvarrapportExtensions.MEDICAL_VALIDATION_DATE));
        if (o.hasSpecimen()) {
            Specimen s = ctx.resolve(o.getSpecimen(), Specimen.class);
            if (s != null) out.leaf("RefAnalysedSubject", specimenId(s));
        }
        for (Extension e : o.getExtensionsByUrl(SvarrapportExtensions.REF_ANALYSED_SUBJECT)) {
            out.leaf("RefAnalysedSubject", e.getValue().primitiveValue());
        }
        accredited(out, o);
        for (Extension rel : o.getExtensionsByUrl(SvarrapportExtensions.PARTY)) {
            LabParties.write(out, ns, "RelServProv", rel, List.of("Role", "Relation"), ctx);
        }
        writeCarried(out, o, "DiagComment");
        writeCarried(out, o, "StructuredInfo");
        if (o.hasComponent()) ctx.loss(out.path(), o, "component", "Svarrapport results have no components; send each as a result");
        if (o.hasMethod()) ctx.loss(out.path(), o, "method", "Svarrapport results have no method");
        if (o.hasBodySite()) ctx.loss(out.path(), o, "bodySite", "the body site belongs to the sample (AnalysedSubject)");
        if (o.hasDevice()) ctx.loss(out.path(), o, "device", "Svarrapport results have no device");
        for (Reference member : o.getHasMember()) {
            Observation nested = ctx.resolve(member, Observation.class);
            if (nested != null && !topLevel.contains(nested)) resultItem(nested, report, topLevel, ctx, out);
        }
        out.end();
    }

    private static Observation.ObservationStatus inherited(DiagnosticReport report) {
        return switch (report.getStatus() == null ? DiagnosticReport.DiagnosticReportStatus.NULL : report.getStatus()) {
            case FINAL -> Observation.ObservationStatus.FINAL;
            case CORRECTED -> Observation.ObservationStatus.CORRECTED;
            case AMENDED, APPENDED -> Observation.ObservationStatus.AMENDED;
            case CANCELLED -> Observation.ObservationStatus.CANCELLED;
            case PRELIMINARY, PARTIAL -> Observation.ObservationStatus.PRELIMINARY;
            case REGISTERED -> Observation.ObservationStatus.REGISTERED;
            default -> Observation.ObservationStatus.UNKNOWN;
        };
    }

    private static String rangeText(Observation.ObservationReferenceRangeComponent range) {
        if (range.hasText()) return range.getText();
        if (range.hasLow() && range.hasHigh()) return range.getLow().getValue().toPlainString() + " - " + range.getHigh().getValue().toPlainString();
        if (range.hasLow()) return "> " + range.getLow().getValue().toPlainString();
        if (range.hasHigh()) return "< " + range.getHigh().getValue().toPlainString();
        return null;
    }

    /** DevResultInd: the KITH coding of the first interpretation, or one derived from a v3 H/L/A code. */
    private static Coding deviation(Observation o) {
        for (CodeableConcept interpretation : o.getInterpretation()) {
            for (Coding c : interpretation.getCoding()) {
                if (Systems.ofOid(DeviationIndicator.OID).equals(c.getSystem())) return c;
            }
        }
        for (CodeableConcept interpretation : o.getInterpretation()) {
            if (isSusceptibility(interpretation)) continue;
            for (Coding c : interpretation.getCoding()) {
                if (DeviationIndicator.V3_INTERPRETATION.equals(c.getSystem()) && c.getCode() != null) {
                    String v3 = c.getCode().startsWith("H") ? "H" : c.getCode().startsWith("L") ? "L" : c.getCode();
                    var d = DeviationIndicator.fromV3(v3);
                    if (d.isPresent()) return KithCodes.coding(d.get());
                }
            }
        }
        return null;
    }

    private static boolean isSusceptibility(CodeableConcept cc) {
        for (Coding c : cc.getCoding()) {
            if (Systems.ofOid(SvarrapportCodeSystems.SUSCEPTIBILITY).equals(c.getSystem())) return true;
        }
        return false;
    }

    private void value(Observation o, WriteContext ctx, XmlOut out) {
        Type v = o.hasValue() ? o.getValue() : null;
        List<CodeableConcept> susceptibility = new ArrayList<>();
        for (CodeableConcept cc : o.getInterpretation()) if (isSusceptibility(cc)) susceptibility.add(cc);
        Coding heading = (Coding) Extensions.value(o, SvarrapportExtensions.RESULT_HEADING);
        List<Extension> textCodes = o.getExtensionsByUrl(SvarrapportExtensions.TEXT_CODE);
        String unit = Extensions.string(o, SvarrapportExtensions.TEXT_UNIT);
        if (v instanceof Quantity q) {
            out.start("NumResult");
            Coding comp = (Coding) Extensions.value(q, SvarrapportExtensions.ARITHMETIC_COMP);
            if (comp == null && q.hasComparator()) comp = new Coding(null, q.getComparator().toCode(), q.getComparator().toCode());
            KithCodes.writeCs(out, ns, "ArithmeticComp", comp);
            out.attributesOnly(ns, "NumResultValue", "V", q.hasValue() ? q.getValueElement().getValueAsString() : null,
                    "U", q.hasUnit() ? q.getUnit() : q.getCode());
            if (!q.hasValue() && !q.hasUnit() && !q.hasCode()) out.attributesOnly(ns, "NumResultValue", "V", "0");
            out.end();
        } else if (v instanceof Range r) {
            out.start("Interval");
            if (r.hasLow()) out.attributesOnly(ns, "Low", "V", r.getLow().getValueElement().getValueAsString(), "U", r.getLow().getUnit());
            if (r.hasHigh()) out.attributesOnly(ns, "High", "V", r.getHigh().getValueElement().getValueAsString(), "U", r.getHigh().getUnit());
            out.end();
        } else if (v instanceof DateTimeType d) {
            out.start("DateResult");
            out.attributesOnly(ns, "DateResultValue", "V", KithDates.toKith(d));
            out.end();
        } else if (v instanceof StringType || v instanceof CodeableConcept || heading != null || !susceptibility.isEmpty()
                || !textCodes.isEmpty() || unit != null) {
            out.start("TextResult");
            KithCodes.writeCs(out, ns, "Heading", heading);
            if (v instanceof StringType text) {
                String markup = Extensions.string(text, Extensions.MARKUP);
                out.start("TextResultValue");
                if (markup != null) out.markup(markup);
                else out.text(text.getValue() == null ? "" : text.getValue());
                out.end();
            }
            if (v instanceof CodeableConcept cc) KithCodes.writeCv(out, ns, "TextCode", cc);
            for (Extension e : textCodes) KithCodes.writeCv(out, ns, "TextCode", (CodeableConcept) e.getValue());
            for (CodeableConcept cc : susceptibility) {
                for (Coding c : cc.getCoding()) {
                    if (Systems.ofOid(SvarrapportCodeSystems.SUSCEPTIBILITY).equals(c.getSystem())) KithCodes.writeCv(out, ns, "TextCode", c);
                }
            }
            out.leaf("Unit", unit);
            out.end();
        } else if (v != null) {
            ctx.loss(out.pathOf("TextResult"), o, "value", "a " + v.fhirType() + " value has no Svarrapport result type");
        }
    }

    private void investigation(Observation o, XmlOut out) {
        CodeableConcept code = o.getCode();
        if (!code.hasExtension(SvarrapportExtensions.NO_INVESTIGATION)) {
            out.start("Investigation");
            List<Coding> codings = code.getCoding();
            if (codings.isEmpty()) {
                out.attributesOnly(ns, "Id", "S", "2.16.578.1.12.4.1.1.8212", "OT", code.hasText() ? code.getText() : "Ukjent");
            }
            for (int i = 0; i < codings.size(); i++) {
                Coding c = codings.get(i);
                String ot = i == 0 ? code.getText() : Extensions.string(c, SvarrapportExtensions.ORIGINAL_TEXT);
                out.attributesOnly(ns, "Id", "V", c.getCode(), "S", Systems.oidOf(c.getSystem()), "DN", c.getDisplay(), "OT", ot);
            }
            for (Extension spec : o.getExtensionsByUrl(SvarrapportExtensions.INVESTIGATION_SPEC)) {
                KithCodes.writeCv(out, ns, "Spec", (CodeableConcept) spec.getValue());
            }
            out.leaf("Comment", Extensions.string(o, SvarrapportExtensions.INVESTIGATION_COMMENT));
            out.end();
        }
        writeCarried(out, o, "Investigation");
    }

    // ------------------------------------------------------------------ helpers

    private void accredited(XmlOut out, DomainResource on) {
        Type v = Extensions.value(on, SvarrapportExtensions.ACCREDITED);
        if (v instanceof BooleanType b) {
            out.start("Accredited");
            if (b.hasValue()) out.attr("V", b.getValueAsString());
            out.end();
        }
    }

    private void dateValue(XmlOut out, String name, Type value) {
        if (value instanceof BaseDateTimeType d) out.attributesOnly(ns, name, "V", KithDates.toKith(d));
    }

    private static Coding orDefault(Coding c, String code, String display) {
        return c != null ? c : new Coding(null, code, display);
    }

    private static String identifier(List<Identifier> identifiers, String system) {
        for (Identifier i : identifiers) if (system.equals(i.getSystem())) return i.getValue();
        return null;
    }

    /** Writes the elements of this name that were carried as XML, in their original order. */
    private static void writeCarried(XmlOut out, DomainResource on, String element) {
        for (Extension e : on.getExtensionsByUrl(SvarrapportExtensions.KITH_XML)) {
            if (element.equals(Extensions.subString(e, "element"))) {
                out.markup(Extensions.subString(e, "xml"));
            }
        }
    }

    /** The standard this writer produces. */
    public KithStandard standard() {
        return standard;
    }
}
