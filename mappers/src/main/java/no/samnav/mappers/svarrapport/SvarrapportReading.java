package no.samnav.mappers.svarrapport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.common.HcpParties;
import no.samnav.mappers.core.DocumentReader;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.error.InvalidValueException;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.identifiers.NorwegianIds;
import no.samnav.mappers.kodeverk.AppRecErrorCode;
import no.samnav.mappers.kodeverk.DeviationIndicator;
import no.samnav.mappers.kodeverk.KithCodeSystems;
import no.samnav.mappers.kodeverk.ReportStatus;
import no.samnav.mappers.kodeverk.ResultStatus;
import no.samnav.mappers.kodeverk.Sex;
import no.samnav.mappers.xml.XmlElement;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;

/**
 * Reading of Svarrapport (lab / radiology result, HIS 80822): ServReport becomes a DiagnosticReport
 * (the focus), each ServReq a ServiceRequest it is {@code basedOn}, each AnalysedSubject a Specimen
 * and each ResultItem an Observation (nested ResultItems as {@code hasMember}; a result that refers to
 * another by RefIdResultItem, e.g. a susceptibility to its isolate, is {@code derivedFrom} it).
 * Works for a bare Message and for one inside a MsgHead.
 */
public abstract class SvarrapportReading implements DocumentReader {

    private final KithStandard standard;

    protected SvarrapportReading(KithStandard standard) {
        this.standard = standard;
    }

    /** What is shared while one report is read. */
    private static final class State {
        final ReadContext ctx;
        Reference patient;
        Reference performer;
        DiagnosticReport.DiagnosticReportStatus reportStatus;
        final Map<String, Reference> specimens = new HashMap<>();
        final List<Observation> pendingRefs = new ArrayList<>();

        State(ReadContext ctx) {
            this.ctx = ctx;
        }
    }

    @Override
    public List<Reference> read(XmlElement message, ReadContext ctx) {
        State st = new State(ctx);
        DiagnosticReport report = new DiagnosticReport();
        Reference reportRef = ctx.add(report);
        readMessage(message, report, ctx);
        XmlElement servReport = message.child("ServReport");
        if (servReport == null) {
            // A Message without ServReport is allowed by the schema; it says no more than its envelope.
            report.setStatus(DiagnosticReport.DiagnosticReportStatus.UNKNOWN);
            report.setCode(new CodeableConcept().setText("Svarrapport"));
            return List.of(reportRef);
        }
        readServReport(servReport, report, st);
        return List.of(reportRef);
    }

    @Override
    public Coding messageType(XmlElement message) {
        XmlElement type = message.child("Type");
        if (type != null) return KithCodes.cs(type, KithCodeSystems.MESSAGE_TYPE);
        return new Coding(Systems.MESSAGE_TYPE, "SVAR_LAB", "Svarrapport-Laboratoriemedisin");
    }

    /** Type, MsgVersion, MIGversion, GenDate, MsgId, Status: on the report, and on the Bundle when bare. */
    private void readMessage(XmlElement message, DiagnosticReport report, ReadContext ctx) {
        Extension m = new Extension(SvarrapportExtensions.MESSAGE);
        Coding type = KithCodes.cs(message.required("Type"), KithCodeSystems.MESSAGE_TYPE);
        Extensions.addSub(m, "type", type);
        Extensions.addSubString(m, "msgVersion", message.textOf("MsgVersion"));
        Extensions.addSubString(m, "migVersion", message.requiredText("MIGversion"));
        XmlElement genDate = message.required("GenDate");
        Extensions.addSub(m, "genDate", KithDates.dateTime(genDate.attr("V"), genDate));
        String msgId = message.requiredText("MsgId").trim();
        Extensions.addSubString(m, "msgId", msgId);
        Extensions.addSub(m, "status", KithCodes.cs(message.child("Status"), SvarrapportCodeSystems.MESSAGE_STATUS));
        report.addExtension(m);
        boolean bare = message.parent() == null;
        if (bare) {
            ctx.bundle().setIdentifier(new Identifier().setSystem(Systems.KITH_MESSAGE_ID).setValue(msgId));
            if (genDate.attr("V") != null && genDate.attr("V").length() > 10) {
                ctx.bundle().setTimestampElement(KithDates.instant(genDate.attr("V"), genDate));
            }
            ctx.header().setEvent(type);
        }
    }

    private void readServReport(XmlElement sr, DiagnosticReport report, State st) {
        ReadContext ctx = st.ctx;
        Extensions.add(report, SvarrapportExtensions.SERV_TYPE,
                KithCodes.cs(sr.required("ServType"), SvarrapportCodeSystems.SERVICE_TYPE));
        XmlElement issue = sr.required("IssueDate");
        String issued = issue.attr("V");
        if (issued != null && issued.trim().length() > 10) {
            report.setIssuedElement(KithDates.instant(issued, issue));
        } else {
            // issued is an instant; a date (or no value) is kept as written
            Extensions.add(report, SvarrapportExtensions.ISSUE_DATE, KithDates.dateTime(issued, issue));
        }
        XmlElement appr = sr.child("ApprDate");
        if (appr != null) Extensions.add(report, SvarrapportExtensions.APPROVAL_DATE, KithDates.dateTime(appr.attr("V"), appr));
        Coding status = KithCodes.cs(sr.required("Status"), ReportStatus.OID);
        report.setStatus(ReportStatus.fromCode(status.getCode()).map(ReportStatus::fhirStatus)
                .orElse(DiagnosticReport.DiagnosticReportStatus.UNKNOWN));
        Extensions.add(report.getStatusElement(), Extensions.KITH_CODE, status);
        st.reportStatus = report.getStatus();
        Extensions.add(report, SvarrapportExtensions.CANCELLATION_CODE, KithCodes.cv(sr.child("CancellationCode")));
        Extensions.add(report, SvarrapportExtensions.ACK, KithCodes.cs(sr.child("Ack"), SvarrapportCodeSystems.ACK));
        Coding msgDescr = KithCodes.cs(sr.required("MsgDescr"), SvarrapportCodeSystems.LAB_MESSAGE_TYPE);
        report.addCategory(new CodeableConcept(msgDescr));
        Coding type = KithCodes.cs(sr.parent().child("Type"), KithCodeSystems.MESSAGE_TYPE);
        report.setCode(new CodeableConcept(type).setText(msgDescr.getDisplay() != null ? msgDescr.getDisplay() : "Svarrapport"));
        report.addIdentifier(new Identifier().setSystem(SvarrapportExtensions.SYSTEM_SERV_PROV_ID)
                .setValue(sr.requiredText("ServProvId").trim()));
        report.setConclusion(sr.textOf("Comment"));
        for (XmlElement coded : sr.children("CodedComment")) report.addConclusionCode(KithCodes.cv(coded));
        for (XmlElement refDoc : sr.children("RefDoc")) carry(refDoc, report);

        // Parties first, so that requisitions and results can point to them.
        LabParties.Party provider = LabParties.read(sr.required("ServProvider"), "servProvider", ctx);
        report.addExtension(provider.extension());
        st.performer = provider.organization() != null ? provider.organization() : provider.main();
        report.addPerformer(st.performer.copy());
        LabParties.Party requester = LabParties.read(sr.required("Requester"), "requester", ctx);
        report.addExtension(requester.extension());
        XmlElement payment = sr.child("PaymentResponsible");
        if (payment != null) report.addExtension(LabParties.read(payment, "paymentResponsible", ctx).extension());
        for (XmlElement copy : sr.children("CopyDest")) report.addExtension(LabParties.read(copy, "copyDest", ctx).extension());
        XmlElement rel = sr.child("RelServProv");
        if (rel != null) {
            LabParties.Party p = LabParties.read(rel, "relServProv", ctx);
            report.addExtension(p.extension());
            report.addResultsInterpreter(p.main().copy());
        }

        XmlElement patient = sr.child("Patient");
        if (patient != null) {
            st.patient = ctx.add(patient(patient, report, st));
            if (ctx.patient() == null) ctx.setPatient(st.patient);
            report.setSubject(st.patient.copy());
        }
        for (XmlElement servReq : sr.children("ServReq")) {
            report.addBasedOn(ctx.add(serviceRequest(servReq, requester, st)));
        }
        if (patient != null) readSubjectContent(patient, report, st);
        resolveReferences(st);
    }

    // ------------------------------------------------------------------ requisition

    private ServiceRequest serviceRequest(XmlElement req, LabParties.Party requester, State st) {
        ServiceRequest s = new ServiceRequest();
        s.setStatus(ServiceRequest.ServiceRequestStatus.COMPLETED);
        s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        s.setSubject(subject(st));
        s.setRequester(requester.main().copy());
        s.addPerformer(st.performer.copy());
        Extensions.add(s, SvarrapportExtensions.SERV_TYPE, KithCodes.cs(req.child("ServType"), SvarrapportCodeSystems.SERVICE_TYPE));
        XmlElement issue = req.child("IssueDate");
        if (issue != null) s.setAuthoredOnElement(KithDates.dateTime(issue.attr("V"), issue));
        Extensions.add(s, SvarrapportExtensions.PAYMENT_CATEGORY, KithCodes.cs(req.child("PaymentCat"), SvarrapportCodeSystems.PAYMENT_CATEGORY));
        String reqComment = req.textOf("ReqComment");
        if (reqComment != null) s.addNote().setText(reqComment);
        Extensions.add(s, SvarrapportExtensions.ACK, KithCodes.cs(req.child("Ack"), SvarrapportCodeSystems.ACK));
        Coding msgDescr = KithCodes.cs(req.child("MsgDescr"), SvarrapportCodeSystems.LAB_MESSAGE_TYPE);
        if (msgDescr != null) s.addCategory(new CodeableConcept(msgDescr));
        String id = req.requiredText("Id").trim();
        Identifier requisition = new Identifier().setSystem(SvarrapportExtensions.SYSTEM_REQUISITION_ID).setValue(id);
        s.addIdentifier(requisition);
        s.setRequisition(requisition.copy());
        Extensions.add(s, SvarrapportExtensions.REQUESTED_PRIO_REPORT,
                KithCodes.cs(req.child("RequestedPrioReport"), SvarrapportCodeSystems.REPORT_PRIORITY));
        XmlElement receipt = req.child("ReceiptDate");
        if (receipt != null) Extensions.add(s, SvarrapportExtensions.RECEIPT_DATE, KithDates.dateTime(receipt.attr("V"), receipt));
        String byProvider = req.textOf("IdByServProvider");
        if (byProvider != null) {
            s.addIdentifier().setSystem(SvarrapportExtensions.SYSTEM_REQUISITION_ID_BY_SERV_PROVIDER).setValue(byProvider.trim());
        }
        for (XmlElement reservation : req.children("Reservation")) {
            Extensions.add(s, SvarrapportExtensions.RESERVATION, KithCodes.cv(reservation));
        }
        for (XmlElement reason : req.children("ReasonAsText")) carry(reason, s);
        for (XmlElement comment : req.children("Comment")) {
            Annotation note = s.addNote();
            note.addExtension(SvarrapportExtensions.REQUISITION_COMMENT, new BooleanType(true));
            String text = comment.textOf("TextResultValue");
            note.setText(text != null ? text : "");
            if (text == null) note.getTextElement().addExtension(
                    "http://hl7.org/fhir/StructureDefinition/data-absent-reason", new CodeType("unknown"));
            Extensions.add(note, SvarrapportExtensions.COMMENT_HEADING,
                    KithCodes.cs(comment.child("Heading"), SvarrapportCodeSystems.COMMENT_HEADING));
            Extensions.add(note, SvarrapportExtensions.COMMENT_TEXT_CODE, KithCodes.cv(comment.child("TextCode")));
        }
        return s;
    }

    // ------------------------------------------------------------------ patient

    private Patient patient(XmlElement e, DiagnosticReport report, State st) {
        Patient p = new Patient();
        Extensions.add(p, SvarrapportExtensions.BASIS_FOR_HEALTH_SERVICES,
                KithCodes.cs(e.child("BasisForHealthServices"), SvarrapportCodeSystems.BASIS_FOR_HEALTH_SERVICES));
        XmlElement sexElement = e.child("Sex");
        if (sexElement != null) {
            Coding sex = KithCodes.cs(sexElement, KithCodeSystems.SEX);
            p.setGender(Sex.fromCode(sex.getCode()).map(Sex::gender).orElse(AdministrativeGender.UNKNOWN));
            Extensions.add(p.getGenderElement(), Extensions.KITH_CODE, sex);
        }
        XmlElement birth = e.child("DateOfBirth");
        if (birth != null && birth.attr("V") != null) {
            String v = birth.attr("V").trim();
            p.setBirthDateElement(KithDates.date(v.length() > 10 ? v.substring(0, 10) : v, birth));
        }
        XmlElement death = e.child("DateOfDeath");
        if (death != null) p.setDeceased(KithDates.dateTime(death.attr("V"), death));
        String name = e.textOf("Name");
        if (name != null) p.addName(personName(name));
        String byProvider = e.textOf("IdByServProvider");
        if (byProvider != null) {
            p.addIdentifier().setSystem(SvarrapportExtensions.SYSTEM_PATIENT_ID_BY_SERV_PROVIDER).setValue(byProvider.trim());
        }
        String byRequester = e.textOf("IdByRequester");
        if (byRequester != null) {
            p.addIdentifier().setSystem(SvarrapportExtensions.SYSTEM_PATIENT_ID_BY_REQUESTER).setValue(byRequester.trim());
        }
        XmlElement offId = e.required("OffId");
        XmlElement typeOffId = e.required("TypeOffId");
        Identifier official = HcpParties.identifier(offId.text(), typeOffId, false);
        official.getType().getCodingFirstRep().setSystem(Systems.ofOid(SvarrapportCodeSystems.OFFICIAL_ID_TYPE));
        if ((Systems.FNR.equals(official.getSystem()) || Systems.DNR.equals(official.getSystem()))
                && !NorwegianIds.isValidPersonNumber(official.getValue())) {
            throw new InvalidValueException(AppRecErrorCode.E31, offId.location(),
                    "The patient's " + (Systems.FNR.equals(official.getSystem()) ? "fødselsnummer" : "D-nummer")
                            + " is not 11 digits with valid modulus-11 check digits");
        }
        official.setUse(Identifier.IdentifierUse.OFFICIAL);
        p.addIdentifier(official);
        Extensions.add(p, SvarrapportExtensions.RELATION, KithCodes.cs(e.child("Relation"), SvarrapportCodeSystems.SUBJECT_RELATION));
        XmlElement responsible = e.child("ResponsibleHcp");
        if (responsible != null) {
            LabParties.Party party = LabParties.read(responsible, "responsibleHcp", st.ctx);
            report.addExtension(party.extension());
            p.addGeneralPractitioner(party.main().copy());
        }
        XmlElement adm = e.child("AdmLocation");
        if (adm != null) carry(adm, p);
        for (XmlElement additional : e.children("AdditionalId")) {
            Identifier id = HcpParties.identifier(additional.requiredText("Id"), additional.required("Type"), false);
            id.addExtension(Extensions.ADDITIONAL_ID, new BooleanType(true));
            p.addIdentifier(id);
        }
        LabParties.address(e.child("Address"), p);
        for (XmlElement inf : e.children("InfItem")) carry(inf, p);
        return p;
    }

    /** "Family, Given" (the usual KITH order) or free text: the text as written, split where it is clear. */
    static HumanName personName(String name) {
        HumanName n = new HumanName().setText(name);
        int comma = name.indexOf(',');
        if (comma > 0 && name.indexOf(',', comma + 1) < 0) {
            String family = name.substring(0, comma).trim();
            String given = name.substring(comma + 1).trim();
            if (!family.isEmpty()) n.setFamily(family);
            if (!given.isEmpty()) n.addGiven(given);
        }
        return n;
    }

    /** The AnalysedSubjects and ResultItems of the patient (Animal and Material are not mapped). */
    private void readSubjectContent(XmlElement subject, DiagnosticReport report, State st) {
        for (XmlElement as : subject.children("AnalysedSubject")) {
            report.addSpecimen(specimen(as, st));
        }
        for (XmlElement item : subject.children("ResultItem")) {
            report.addResult(st.ctx.add(observation(item, st)));
        }
    }

    // ------------------------------------------------------------------ specimen

    private Reference specimen(XmlElement as, State st) {
        Specimen s = new Specimen();
        s.setSubject(subject(st));
        XmlElement collected = as.child("CollectedSample");
        if (collected != null) {
            XmlElement date = collected.child("CollectedDate");
            if (date != null) s.getCollection().setCollected(KithDates.dateTime(date.attr("V"), date));
            String comment = collected.textOf("CollectorComment");
            if (comment != null) {
                Annotation note = s.addNote().setText(comment);
                note.addExtension(SvarrapportExtensions.COLLECTOR_COMMENT, new BooleanType(true));
            }
            for (XmlElement coded : collected.children("CollectorCommentCoded")) {
                Extensions.add(s, SvarrapportExtensions.COLLECTOR_COMMENT_CODED, KithCodes.cv(coded));
            }
            Extensions.addString(s, SvarrapportExtensions.LOGISTICS, collected.textOf("Logistics"));
        }
        XmlElement studyProduct = as.child("CollectedStudyProduct");
        if (studyProduct != null) carry(studyProduct, s);
        Extensions.add(s, SvarrapportExtensions.SERV_TYPE, KithCodes.cs(as.child("ServType"), SvarrapportCodeSystems.RESULT_SERVICE_TYPE));
        Extensions.addString(s, SvarrapportExtensions.SPECIMEN_TYPE_TEXT, as.textOf("Type"));
        CodeableConcept type = KithCodes.cv(as.child("TypeCoded"));
        if (type != null) s.setType(type);
        String byRequester = as.textOf("IdByRequester");
        Extensions.addString(s, SvarrapportExtensions.PRESERV_MATERIAL, as.textOf("PreservMaterial"));
        String comment = as.textOf("Comment");
        if (comment != null) s.addNote().setText(comment);
        String origin = as.textOf("AnatomicalOrigin");
        if (origin != null) s.getCollection().getBodySite().setText(origin);
        String number = as.textOf("Number");
        if (number != null) Extensions.add(s, SvarrapportExtensions.SPECIMEN_NUMBER, integer(number, as.child("Number")));
        Extensions.add(s, SvarrapportExtensions.SAMPLE_COLL_IND, KithCodes.cs(as.child("SampleCollInd"), SvarrapportCodeSystems.YES_NO));
        CodeableConcept method = KithCodes.cv(as.child("SampleCollProc"));
        if (method != null) s.getCollection().setMethod(method);
        for (XmlElement handling : as.children("SampleHandling")) s.addProcessing().setDescription(handling.text());
        String id = as.requiredText("IdByServProvider").trim();
        s.addIdentifier().setSystem(SvarrapportExtensions.SYSTEM_SPECIMEN_ID).setValue(id);
        s.setAccessionIdentifier(new Identifier().setSystem(SvarrapportExtensions.SYSTEM_SPECIMEN_ID).setValue(id));
        if (byRequester != null) {
            s.addIdentifier().setSystem(SvarrapportExtensions.SYSTEM_SPECIMEN_ID_BY_REQUESTER).setValue(byRequester.trim());
        }
        accredited(as, s);
        XmlElement nested = as.child("AnalysedSubject");
        if (nested != null) carry(nested, s);
        XmlElement pretreatment = as.child("Pretreatment");
        if (pretreatment != null) carry(pretreatment, s);
        XmlElement rel = as.child("RelServProv");
        if (rel != null) s.addExtension(LabParties.read(rel, "relServProv", st.ctx).extension());
        Reference ref = st.ctx.add(s);
        st.specimens.putIfAbsent(id, ref);
        return ref;
    }

    // ------------------------------------------------------------------ results

    private Observation observation(XmlElement item, State st) {
        Observation o = new Observation();
        o.setSubject(subject(st));
        value(item, o);
        Extensions.add(o, SvarrapportExtensions.SERV_TYPE, KithCodes.cs(item.child("ServType"), SvarrapportCodeSystems.RESULT_SERVICE_TYPE));
        for (XmlElement ref : item.children("RefInterval")) {
            String descr = ref.textOf("Descr");
            if (descr != null) {
                Observation.ObservationReferenceRangeComponent range = o.addReferenceRange().setText(descr);
                limits(descr, o.getValue() instanceof Quantity q ? q.getUnit() : null, range);
            } else {
                o.addReferenceRange().setTextElement(absentString());
            }
        }
        code(item.children("Investigation"), o);
        XmlElement invDate = item.child("InvDate");
        if (invDate != null) o.setEffective(KithDates.dateTime(invDate.attr("V"), invDate));
        String comment = item.textOf("Comment");
        if (comment != null) o.addNote().setText(comment);
        XmlElement dev = item.child("DevResultInd");
        if (dev != null) {
            Coding kith = KithCodes.cs(dev, DeviationIndicator.OID);
            CodeableConcept interpretation = new CodeableConcept(kith);
            DeviationIndicator.fromCode(kith.getCode()).ifPresent(d ->
                    interpretation.addCoding(new Coding(DeviationIndicator.V3_INTERPRETATION, d.v3Code(), d.v3Display())));
            o.getInterpretation().add(0, interpretation);
        }
        String id = item.textOf("IdResultItem");
        if (id != null) o.addIdentifier().setSystem(SvarrapportExtensions.SYSTEM_RESULT_ITEM_ID).setValue(id.trim());
        Extensions.addString(o, SvarrapportExtensions.REF_ID_RESULT_ITEM, item.textOf("RefIdResultItem"));
        XmlElement status = item.child("StatusInvestigation");
        if (status != null) {
            Coding kith = KithCodes.cs(status, ResultStatus.OID);
            o.setStatus(ResultStatus.fromCode(kith.getCode()).map(ResultStatus::fhirStatus).orElse(Observation.ObservationStatus.UNKNOWN));
            Extensions.add(o.getStatusElement(), Extensions.KITH_CODE, kith);
        } else {
            o.setStatus(inheritedStatus(st.reportStatus));
        }
        date(item, "StatusChangeDate", o, SvarrapportExtensions.STATUS_CHANGE_DATE);
        date(item, "DescrDate", o, SvarrapportExtensions.DESCR_DATE);
        date(item, "CounterSignDate", o, SvarrapportExtensions.COUNTER_SIGN_DATE);
        date(item, "MedicalValidationDate", o, SvarrapportExtensions.MEDICAL_VALIDATION_DATE);
        for (XmlElement ref : item.children("RefAnalysedSubject")) {
            String sample = ref.text().trim();
            Reference specimen = st.specimens.get(sample);
            if (specimen != null && !o.hasSpecimen()) o.setSpecimen(specimen.copy());
            else Extensions.addString(o, SvarrapportExtensions.REF_ANALYSED_SUBJECT, sample);
        }
        accredited(item, o);
        for (XmlElement rel : item.children("RelServProv")) {
            LabParties.Party p = LabParties.read(rel, "relServProv", st.ctx);
            o.addExtension(p.extension());
            o.addPerformer(p.main().copy());
        }
        XmlElement diag = item.child("DiagComment");
        if (diag != null) carry(diag, o);
        for (XmlElement info : item.children("StructuredInfo")) carry(info, o);
        for (XmlElement nested : item.children("ResultItem")) {
            o.addHasMember(st.ctx.add(observation(nested, st)));
        }
        if (o.hasExtension(SvarrapportExtensions.REF_ID_RESULT_ITEM)) st.pendingRefs.add(o);
        return o;
    }

    /** The Observation status when the result has no StatusInvestigation: that of the report. */
    private static Observation.ObservationStatus inheritedStatus(DiagnosticReport.DiagnosticReportStatus report) {
        if (report == null) return Observation.ObservationStatus.UNKNOWN;
        return switch (report) {
            case FINAL -> Observation.ObservationStatus.FINAL;
            case CORRECTED -> Observation.ObservationStatus.CORRECTED;
            case AMENDED, APPENDED -> Observation.ObservationStatus.AMENDED;
            case CANCELLED -> Observation.ObservationStatus.CANCELLED;
            case PRELIMINARY, PARTIAL -> Observation.ObservationStatus.PRELIMINARY;
            case REGISTERED -> Observation.ObservationStatus.REGISTERED;
            default -> Observation.ObservationStatus.UNKNOWN;
        };
    }

    /** The result value: NumResult, TextResult, Interval or DateResult. */
    private void value(XmlElement item, Observation o) {
        XmlElement num = item.child("NumResult");
        if (num != null) {
            Quantity q = quantity(num.required("NumResultValue"));
            XmlElement comp = num.child("ArithmeticComp");
            if (comp != null) {
                Coding c = KithCodes.cs(comp, SvarrapportCodeSystems.ARITHMETIC_COMPARATOR);
                Extensions.add(q, SvarrapportExtensions.ARITHMETIC_COMP, c);
                Quantity.QuantityComparator fhir = comparator(c.getCode(), c.getDisplay());
                if (fhir != null) q.setComparator(fhir);
            }
            o.setValue(q);
            return;
        }
        XmlElement text = item.child("TextResult");
        if (text != null) {
            Extensions.add(o, SvarrapportExtensions.RESULT_HEADING, KithCodes.cs(text.child("Heading"), SvarrapportCodeSystems.RESULT_HEADING));
            XmlElement valueElement = text.child("TextResultValue");
            if (valueElement != null) o.setValue(freeText(valueElement));
            for (XmlElement code : text.children("TextCode")) {
                CodeableConcept cc = KithCodes.cv(code);
                Coding c = cc.getCodingFirstRep();
                if (Systems.ofOid(SvarrapportCodeSystems.SUSCEPTIBILITY).equals(c.getSystem())) {
                    // S, I, R: the susceptibility interpretation, also as the FHIR interpretation code
                    CodeableConcept interpretation = cc.copy();
                    if (c.getCode() != null && c.getCode().matches("[SIR]")) {
                        interpretation.addCoding(new Coding(DeviationIndicator.V3_INTERPRETATION, c.getCode(),
                                switch (c.getCode()) {
                                    case "S" -> "Susceptible";
                                    case "I" -> "Intermediate";
                                    default -> "Resistant";
                                }));
                    }
                    o.addInterpretation(interpretation);
                } else if (!o.hasValue()) {
                    o.setValue(cc);
                } else {
                    Extensions.add(o, SvarrapportExtensions.TEXT_CODE, cc);
                }
            }
            Extensions.addString(o, SvarrapportExtensions.TEXT_UNIT, text.textOf("Unit"));
            if (!o.hasValue() && !o.hasInterpretation()) o.setDataAbsentReason(new CodeableConcept(
                    new Coding("http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown", "Unknown")));
            return;
        }
        XmlElement interval = item.child("Interval");
        if (interval != null) {
            Range r = new Range();
            XmlElement low = interval.child("Low");
            XmlElement high = interval.child("High");
            if (low != null) r.setLow(quantity(low));
            if (high != null) r.setHigh(quantity(high));
            o.setValue(r);
            return;
        }
        XmlElement date = item.child("DateResult");
        if (date != null) {
            XmlElement v = date.required("DateResultValue");
            o.setValue(KithDates.dateTime(v.attr("V"), v));
        }
    }

    private static final Pattern BETWEEN =
            Pattern.compile("\\s*(\\d+(?:[.,]\\d+)?)\\s*-\\s*(\\d+(?:[.,]\\d+)?)\\s*");
    private static final Pattern BELOW = Pattern.compile("\\s*<=?\\s*(\\d+(?:[.,]\\d+)?)\\s*");
    private static final Pattern ABOVE = Pattern.compile("\\s*>=?\\s*(\\d+(?:[.,]\\d+)?)\\s*");

    /**
     * The numeric limits of a reference range text as labs write it ("3,5 - 11,0", "< 0,5", "> 60"),
     * for FHIR consumers; the text stays the source of truth and is what the writer writes.
     */
    static void limits(String descr, String unit, Observation.ObservationReferenceRangeComponent range) {
        Matcher m = BETWEEN.matcher(descr);
        if (m.matches()) {
            range.setLow(limit(m.group(1), unit));
            range.setHigh(limit(m.group(2), unit));
            return;
        }
        m = BELOW.matcher(descr);
        if (m.matches()) {
            range.setHigh(limit(m.group(1), unit));
            return;
        }
        m = ABOVE.matcher(descr);
        if (m.matches()) range.setLow(limit(m.group(1), unit));
    }

    private static SimpleQuantity limit(String number, String unit) {
        SimpleQuantity q = new SimpleQuantity();
        q.setValueElement(new DecimalType(number.replace(',', '.')));
        if (unit != null) q.setUnit(unit);
        return q;
    }

    /** A KITH PQ (V double, U unit) as a Quantity; the unit is the lab's, not necessarily UCUM. */
    private static Quantity quantity(XmlElement pq) {
        Quantity q = new Quantity();
        String v = pq.attr("V");
        if (v != null) {
            try {
                q.setValueElement(new DecimalType(v.trim()));
            } catch (RuntimeException e) {
                throw new InvalidValueException(AppRecErrorCode.T02, pq.location(), pq.name() + " V is not a number: '" + v + "'", e);
            }
        }
        String u = pq.attr("U");
        if (u != null) q.setUnit(KithCodes.token(u));
        return q;
    }

    private static Quantity.QuantityComparator comparator(String code, String display) {
        for (String s : new String[] {code, display}) {
            if (s == null) continue;
            switch (s.trim()) {
                case "<": return Quantity.QuantityComparator.LESS_THAN;
                case "<=": return Quantity.QuantityComparator.LESS_OR_EQUAL;
                case ">": return Quantity.QuantityComparator.GREATER_THAN;
                case ">=": return Quantity.QuantityComparator.GREATER_OR_EQUAL;
                default: break;
            }
        }
        return null;
    }

    /** Investigation*: the first one's Id(s) as Observation.code, further ones carried as XML. */
    private void code(List<XmlElement> investigations, Observation o) {
        if (investigations.isEmpty()) {
            CodeableConcept placeholder = new CodeableConcept().setText("Undersøkelsesresultat");
            placeholder.addExtension(SvarrapportExtensions.NO_INVESTIGATION, new BooleanType(true));
            o.setCode(placeholder);
            return;
        }
        XmlElement first = investigations.get(0);
        List<XmlElement> ids = first.children("Id");
        CodeableConcept code = KithCodes.cv(ids.get(0));
        for (int i = 1; i < ids.size(); i++) {
            CodeableConcept more = KithCodes.cv(ids.get(i));
            Coding c = more.hasCoding() ? more.getCodingFirstRep() : new Coding();
            if (more.hasText()) c.addExtension(SvarrapportExtensions.ORIGINAL_TEXT, new StringType(more.getText()));
            code.addCoding(c);
        }
        o.setCode(code);
        for (XmlElement spec : first.children("Spec")) Extensions.add(o, SvarrapportExtensions.INVESTIGATION_SPEC, KithCodes.cv(spec));
        Extensions.addString(o, SvarrapportExtensions.INVESTIGATION_COMMENT, first.textOf("Comment"));
        for (int i = 1; i < investigations.size(); i++) carry(investigations.get(i), o);
    }

    /** Links results that refer to another by RefIdResultItem ({@code derivedFrom}), once all are read. */
    private static void resolveReferences(State st) {
        Map<String, Reference> byId = new HashMap<>();
        for (var e : st.ctx.bundle().getEntry()) {
            if (e.getResource() instanceof Observation o) {
                for (Identifier i : o.getIdentifier()) {
                    if (SvarrapportExtensions.SYSTEM_RESULT_ITEM_ID.equals(i.getSystem())) {
                        byId.putIfAbsent(i.getValue(), new Reference(e.getFullUrl()));
                    }
                }
            }
        }
        for (Observation o : st.pendingRefs) {
            Reference target = byId.get(Extensions.string(o, SvarrapportExtensions.REF_ID_RESULT_ITEM).trim());
            if (target != null) o.addDerivedFrom(target.copy());
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Reference subject(State st) {
        if (st.patient != null) return st.patient.copy();
        Reference absent = new Reference();
        absent.addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason", new CodeType("unknown"));
        return absent;
    }

    private static void accredited(XmlElement e, DomainResource on) {
        XmlElement acc = e.child("Accredited");
        if (acc == null) return;
        String v = acc.attr("V");
        Extension ext = new Extension(SvarrapportExtensions.ACCREDITED);
        if (v != null) ext.setValue(new BooleanType(v.trim()));
        else ext.setValue(absentBoolean());
        on.addExtension(ext);
    }

    private static BooleanType absentBoolean() {
        BooleanType b = new BooleanType();
        b.addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason", new CodeType("unknown"));
        return b;
    }

    private static StringType absentString() {
        StringType s = new StringType();
        s.addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason", new CodeType("unknown"));
        return s;
    }

    private static void date(XmlElement item, String name, DomainResource on, String url) {
        XmlElement d = item.child(name);
        if (d != null) Extensions.add(on, url, KithDates.dateTime(d.attr("V"), d));
    }

    private static IntegerType integer(String text, XmlElement where) {
        try {
            return new IntegerType(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidValueException(AppRecErrorCode.T02, where.location(), where.name() + " is not an integer", e);
        }
    }

    /** An anyType free text: the plain text, and the markup in an extension when it has elements. */
    static StringType freeText(XmlElement e) {
        if (!e.hasElements()) return new StringType(e.text());
        String markup = e.innerXml();
        StringBuilder plain = new StringBuilder();
        appendText(e, plain);
        StringType text = new StringType(plain.toString().trim());
        text.addExtension(Extensions.MARKUP, new StringType(markup));
        return text;
    }

    private static void appendText(XmlElement e, StringBuilder sb) {
        sb.append(e.text());
        for (XmlElement c : e.elements()) appendText(c, sb);
    }

    /**
     * Keeps an element no FHIR mapping covers as its original XML on the resource it belongs to; the
     * writer puts it back at its place.
     */
    static void carry(XmlElement e, DomainResource on) {
        Extension ext = new Extension(SvarrapportExtensions.KITH_XML);
        ext.addExtension("element", new StringType(e.name()));
        ext.addExtension("xml", new StringType(e.outerXml()));
        e.markSubtreeRead();
        on.addExtension(ext);
    }

    /** The standard this reader reads. */
    public KithStandard standard() {
        return standard;
    }
}
