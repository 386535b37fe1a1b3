package no.samnav.mappers.epikrise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.core.DocumentReader;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.xml.XmlElement;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UrlType;

/**
 * Reading of Epikrise (discharge summary, HIS 80226), shared by versions 1.1 and 1.2, bare or
 * inside a MsgHead. The document becomes a Composition (LOINC 18842-5) whose sections hold the
 * free texts (Comment, by heading) and the clinical items (InfItem, by type); each Event becomes an
 * Encounter; diagnoses become Conditions, the medication list MedicationStatements, other
 * clinical information Observations; the referral answered a ServiceRequest; the follow-up plan
 * a CarePlan whose activity is performed by the primary receiver (who has the follow-up duty).
 * Parts not mapped (PlannedEvent, EventLocation, AssRequest, ResultItem, PatientPrecaution,
 * PatientRelParty, RefDoc) are carried as unmapped content and reported when written.
 */
public abstract class EpikriseReading implements DocumentReader {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private final KithStandard standard;
    private final boolean v11;
    private final EpikriseParties parties;

    protected EpikriseReading(KithStandard standard) {
        this.standard = standard;
        this.v11 = standard == KithStandard.EPIKRISE_1_1;
        this.parties = new EpikriseParties(standard.namespace(), v11);
    }

    @Override
    public Coding messageType(XmlElement message) {
        Coding type = KithCodes.cs(message.child("Type"), Systems.oidOf(Systems.MESSAGE_TYPE));
        if (type != null && type.hasCode()) return type;
        return new Coding(Systems.MESSAGE_TYPE, "EPIKRISE", "Epikrise");
    }

    @Override
    public List<Reference> read(XmlElement message, ReadContext ctx) {
        Composition c = new Composition();
        Reference compositionRef = ctx.add(c);
        c.setType(EpikriseCodes.dischargeSummary());
        c.addCategory(new CodeableConcept(new Coding("http://loinc.org", "11490-0", "Physician Discharge summary")));
        Extensions.add(c, EpikriseExtensions.MESSAGE_TYPE, KithCodes.cs(message.child("Type"), EpikriseCodes.MESSAGE_TYPE));
        Extensions.addString(c, EpikriseExtensions.MSG_VERSION, message.textOf("MsgVersion"));
        Extensions.addString(c, EpikriseExtensions.MIG_VERSION, message.requiredText("MIGversion").trim());
        XmlElement genDate = message.required("GenDate");
        DateTimeType generated = KithDates.dateTime(genDate.attr("V"), genDate);
        Extensions.add(c, EpikriseExtensions.GEN_DATE, generated);
        String msgId = message.requiredText("MsgId").trim();
        Extensions.addString(c, EpikriseExtensions.MSG_ID, msgId);
        if (!ctx.bundle().hasIdentifier()) {
            ctx.bundle().setIdentifier(new Identifier().setSystem(Systems.KITH_MESSAGE_ID).setValue(msgId));
        }
        if (!ctx.bundle().hasTimestamp() && generated != null && generated.getPrecision().ordinal() >= 4) {
            ctx.bundle().setTimestampElement(KithDates.instant(genDate.attr("V"), genDate));
        }
        Extensions.add(c, EpikriseExtensions.MSG_STATUS, KithCodes.cs(message.child("Status"), EpikriseCodes.MESSAGE_STATUS));

        XmlElement report = message.required("ServRprt");
        XmlElement patientElement = report.required("Patient");
        Patient patient = parties.readPatient(patientElement);
        Reference patientRef = ctx.add(patient);
        ctx.setPatient(patientRef);
        c.setSubject(patientRef.copy());
        for (XmlElement rel : patientElement.children("PatRelHCP")) {
            Extension e = patient.addExtension().setUrl(EpikriseExtensions.PAT_REL_HCP);
            Extensions.addSub(e, "relation", KithCodes.cs(rel.required("Relation"), EpikriseCodes.RELATION));
            Extensions.addSub(e, "start", EpikriseParties.dateTimeOrNull(rel.child("StartDateTime")));
            Extensions.addSub(e, "end", EpikriseParties.dateTimeOrNull(rel.child("EndDateTime")));
            Extensions.addSub(e, "role", KithCodes.cs(rel.child("Role"), EpikriseCodes.PARTY_ROLE));
            Reference party = parties.readHcp(rel.required("HCP"), ctx);
            Extensions.addSub(e, "party", party);
            if (EpikriseCodes.RELATION_GP.equals(KithCodes.token(rel.child("Relation").attr("V")))) {
                patient.addGeneralPractitioner(party.copy());
            }
        }

        Extensions.add(c, EpikriseExtensions.SERV_TYPE, KithCodes.cs(report.required("ServType"), EpikriseCodes.SERV_TYPE));
        XmlElement issueDate = report.required("IssueDate");
        DateTimeType issued = KithDates.dateTime(issueDate.attr("V"), issueDate);
        c.setDateElement(issued != null ? issued : generated != null ? generated.copy() : DateTimeType.now());
        if (issued == null) c.getDateElement().addExtension(EpikriseExtensions.DATE_ABSENT, new BooleanType(true));
        DateTimeType approved = EpikriseParties.dateTimeOrNull(report.child("ApprDate"));
        Composition.CompositionAttesterComponent attester = null;
        if (approved != null) {
            attester = c.addAttester().setMode(Composition.CompositionAttestationMode.LEGAL);
            attester.setTimeElement(approved);
        }
        Coding status = KithCodes.cs(report.required("Status"), EpikriseCodes.REPORT_STATUS);
        Extensions.add(c, EpikriseExtensions.REPORT_STATUS, status);
        c.setStatus("F".equals(status.getCode()) ? Composition.CompositionStatus.FINAL
                : Composition.CompositionStatus.PRELIMINARY);
        Extensions.add(c, EpikriseExtensions.PRIORITY, KithCodes.cs(report.child("Priority"), EpikriseCodes.REPORT_PRIORITY));
        Extensions.add(c, EpikriseExtensions.ACK, KithCodes.cs(report.child("Ack"), EpikriseCodes.ACK));
        c.setTitle(report.requiredText("MsgDescr"));
        String servProvId = report.textOf("ServProvId");
        if (servProvId != null) c.setIdentifier(new Identifier().setSystem(Systems.KITH_DOCUMENT_ID).setValue(servProvId.trim()));

        for (XmlElement servReq : report.children("ServReq")) {
            c.addExtension(EpikriseExtensions.SERV_REQ, ctx.add(serviceRequest(servReq, patientRef)));
        }

        MessageHeader header = ctx.header();
        XmlElement servProvider = report.required("ServProvider");
        Reference sender = partyExtension(c, EpikriseExtensions.SERV_PROVIDER, servProvider, ctx);
        c.addAuthor(sender.copy());
        Reference custodian = organisationOf(sender, ctx);
        if (custodian != null) c.setCustodian(custodian);
        if (!header.hasSender()) header.setSender(sender.copy());
        for (XmlElement copy : report.children("CopyDest")) {
            Extension e = c.addExtension().setUrl(EpikriseExtensions.COPY_DEST);
            Extensions.addSub(e, "role", KithCodes.cs(copy.child("Role"), EpikriseCodes.PARTY_ROLE));
            for (XmlElement role : copy.children("CopyDestRole")) {
                Extension r = e.addExtension().setUrl("copyDestRole");
                Extensions.addSub(r, "msgType", KithCodes.cs(role.required("MsgType"), EpikriseCodes.MESSAGE_TYPE));
                Extensions.addSub(r, "reqComMethod", KithCodes.cs(role.child("ReqComMethod"), EpikriseCodes.COM_METHOD));
                Extensions.addSub(r, "actComMethod", KithCodes.cs(role.child("ActComMethod"), EpikriseCodes.COM_METHOD));
            }
            Extensions.addSub(e, "party", parties.readHcp(copy.required("HCP"), ctx));
        }
        Reference requester = partyExtension(c, EpikriseExtensions.REQUESTER, report.required("Requester"), ctx);
        if (!header.hasDestination()) {
            // a bare Epikrise is addressed by its parties: route on the Requester's HER-id
            MessageHeader.MessageDestinationComponent d = header.addDestination();
            d.setReceiver(requester.copy());
            d.setEndpointElement(herEndpoint(requester, ctx));
        }
        if (!header.getSource().hasEndpointElement()) header.getSource().setEndpointElement(herEndpoint(sender, ctx));
        for (XmlElement rel : report.children("RelServProvider")) {
            Reference party = relServProvider(c, rel, ctx);
            if (attester != null && !attester.hasParty()
                    && EpikriseCodes.RELATION_RESPONSIBLE.equals(KithCodes.token(rel.child("Relation").attr("V")))) {
                attester.setParty(party.copy());
            }
        }
        for (XmlElement event : report.children("Event")) {
            readEvent(event, null, c, patientRef, sender, requester, ctx);
        }
        return List.of(compositionRef);
    }

    private Reference partyExtension(Composition c, String url, XmlElement party, ReadContext ctx) {
        Extension e = c.addExtension().setUrl(url);
        Extensions.addSub(e, "role", KithCodes.cs(party.child("Role"), EpikriseCodes.PARTY_ROLE));
        Extensions.addSub(e, "comMethod", KithCodes.cs(party.child("ComMethod"), EpikriseCodes.COM_METHOD));
        Reference ref = parties.readHcp(party.required("HCP"), ctx);
        Extensions.addSub(e, "party", ref);
        return ref;
    }

    private Reference relServProvider(org.hl7.fhir.r4.model.DomainResource on, XmlElement rel, ReadContext ctx) {
        Extension e = on.addExtension().setUrl(EpikriseExtensions.REL_SERV_PROVIDER);
        Extensions.addSub(e, "relation", KithCodes.cs(rel.required("Relation"), EpikriseCodes.RELATION));
        Extensions.addSub(e, "role", KithCodes.cs(rel.child("Role"), EpikriseCodes.PARTY_ROLE));
        Reference party = parties.readHcp(rel.required("HCP"), ctx);
        Extensions.addSub(e, "party", party);
        return party;
    }

    /** {@code urn:samnav:her:<HER-id>} of a party's most specific HER-id (person, department, institution), else absent. */
    private static UrlType herEndpoint(Reference party, ReadContext ctx) {
        Resource r = ctx.resolve(party);
        List<Identifier> candidates = new java.util.ArrayList<>();
        if (r instanceof PractitionerRole role) {
            Resource p = ctx.resolve(role.getPractitioner());
            if (p instanceof org.hl7.fhir.r4.model.Practitioner practitioner) candidates.addAll(practitioner.getIdentifier());
            r = ctx.resolve(role.getOrganization());
        }
        while (r instanceof Organization o) {
            candidates.addAll(o.getIdentifier());
            r = o.hasPartOf() ? ctx.resolve(o.getPartOf()) : null;
        }
        for (Identifier i : candidates) {
            if (Systems.HER.equals(i.getSystem()) && i.hasValue()) {
                return new UrlType(no.samnav.mappers.msghead.v1_2.MsgHeadV1_2.HER_ENDPOINT_PREFIX + i.getValue());
            }
        }
        UrlType absent = new UrlType();
        absent.addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason", new CodeType("unknown"));
        return absent;
    }

    private static Reference organisationOf(Reference party, ReadContext ctx) {
        Resource r = ctx.resolve(party);
        if (r instanceof Organization) return party.copy();
        if (r instanceof PractitionerRole role && role.hasOrganization()) return role.getOrganization().copy();
        return null;
    }

    private ServiceRequest serviceRequest(XmlElement servReq, Reference patient) {
        ServiceRequest r = new ServiceRequest();
        r.setStatus(ServiceRequest.ServiceRequestStatus.COMPLETED);
        r.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        r.setSubject(patient.copy());
        Extensions.add(r, EpikriseExtensions.SERV_TYPE, KithCodes.cs(servReq.required("ServType"), EpikriseCodes.SERV_TYPE));
        XmlElement issue = servReq.required("IssueDate");
        DateTimeType authored = KithDates.dateTime(issue.attr("V"), issue);
        if (authored != null) r.setAuthoredOnElement(authored);
        Extensions.add(r, EpikriseExtensions.RECEIPT_DATE, EpikriseParties.dateTimeOrNull(servReq.child("ReceiptDate")));
        String comment = servReq.textOf("ReqComment");
        if (comment != null) r.addNote().setText(comment);
        XmlElement descr = servReq.required("MsgDescr");
        if (v11) {
            r.addCategory().setText(descr.text());
        } else {
            r.addCategory(new CodeableConcept(KithCodes.cs(descr, null)));
        }
        r.addIdentifier().setSystem(Systems.KITH_DOCUMENT_ID).setValue(servReq.requiredText("Id").trim());
        for (XmlElement reason : servReq.children("ReasonAsText")) {
            Extension e = r.addExtension().setUrl(EpikriseExtensions.REASON_AS_TEXT);
            Extensions.addSub(e, "heading", KithCodes.cs(reason.child("Heading"), EpikriseCodes.TEXT_HEADING));
            XmlElement text = reason.child("TextResultValue");
            if (text != null) e.addExtension("text", freeText(text));
            for (XmlElement code : reason.children("TextCode")) Extensions.addSub(e, "textCode", KithCodes.cv(code));
        }
        for (XmlElement diagnosis : servReq.children("Diagnosis")) r.addReasonCode(concept(diagnosis));
        return r;
    }

    private void readEvent(XmlElement event, Reference parent, Composition c, Reference patient, Reference sender,
                           Reference requester, ReadContext ctx) {
        Encounter enc = new Encounter();
        enc.setSubject(patient.copy());
        if (parent != null) enc.setPartOf(parent.copy());
        Reference encRef = ctx.add(enc);
        if (!event.hasElements()) {
            enc.setStatus(Encounter.EncounterStatus.UNKNOWN);
            enc.setClass_(absentClass());
            enc.addExtension(EpikriseExtensions.EMPTY_EVENT, new BooleanType(true));
            return;
        }
        XmlElement reported = event.child("ReportedEvent");
        if (reported != null) {
            Period p = new Period();
            XmlElement start = reported.required("StartDateTime");
            DateTimeType s = KithDates.dateTime(start.attr("V"), start);
            if (s != null) p.setStartElement(s);
            DateTimeType e = EpikriseParties.dateTimeOrNull(reported.child("EndDateTime"));
            if (e != null) p.setEndElement(e);
            enc.setPeriod(p);
            enc.setStatus(e != null ? Encounter.EncounterStatus.FINISHED : Encounter.EncounterStatus.INPROGRESS);
        } else {
            enc.setStatus(Encounter.EncounterStatus.PLANNED);
        }
        Extensions.add(enc, EpikriseExtensions.SERV_TYPE, KithCodes.cs(event.required("ServType"), EpikriseCodes.SERV_TYPE));
        Extensions.add(enc, EpikriseExtensions.RECIPIENT, KithCodes.cs(event.child("Recipient"), EpikriseCodes.RECIPIENT));
        Extensions.add(enc, EpikriseExtensions.PRIORITY, KithCodes.cs(event.child("Priority"), EpikriseCodes.EVENT_PRIORITY));
        Coding outcome = KithCodes.cs(event.child("AdmOutcome"), EpikriseCodes.ADM_OUTCOME);
        if (outcome != null) enc.getHospitalization().setDischargeDisposition(new CodeableConcept(outcome));
        Extensions.add(enc, EpikriseExtensions.EXP_DURATION, quantity(event.child("ExpDuration")));
        Extensions.addString(enc, EpikriseExtensions.EVENT_ID, event.textOf("Id"));
        for (XmlElement sub : event.children("Event")) readEvent(sub, encRef, c, patient, sender, requester, ctx);
        XmlElement service = event.required("Service");
        CodeableConcept servId = KithCodes.cv(service.child("ServId"));
        if (servId != null) enc.addType(servId);
        CodeableConcept specialty = KithCodes.cv(service.child("MedSpecialty"));
        if (specialty != null) enc.setServiceType(specialty);
        Coding admCat = KithCodes.cs(service.child("AdmCat"), EpikriseCodes.ADM_CAT);
        enc.setClass_(admCat != null ? admCat : absentClass());
        for (XmlElement rel : event.children("RelServProvider")) relServProvider(enc, rel, ctx);

        Map<String, Composition.SectionComponent> byType = new LinkedHashMap<>();
        for (XmlElement item : event.children("InfItem")) {
            // ResultItem (structured results) has no mapping: left unread, the whole item is carried as unmapped
            if (!item.has("Medication") && !item.has("Observation")) continue;
            XmlElement typeElement = item.required("Type");
            Coding type = KithCodes.cs(typeElement, EpikriseCodes.INF_ITEM_TYPE);
            Resource resource = infItem(item, type, patient, encRef, ctx);
            if (resource == null) continue;
            Reference ref = ctx.add(resource);
            Composition.SectionComponent section = byType.computeIfAbsent(type.getCode() + "|" + type.getDisplay(), k -> {
                Composition.SectionComponent s = c.addSection();
                s.setTitle(type.hasDisplay() ? type.getDisplay() : type.hasCode() ? type.getCode() : "Klinisk opplysning");
                s.setCode(new CodeableConcept(type.copy()));
                s.addExtension(EpikriseExtensions.EVENT, encRef.copy());
                return s;
            });
            section.addEntry(ref);
        }
        for (Composition.SectionComponent s : byType.values()) {
            s.setText(narrative(s.getEntry().size() + " " + s.getTitle().toLowerCase(java.util.Locale.ROOT)
                    + " (strukturert, se oppføringene)", null));
        }
        for (XmlElement comment : event.children("Comment")) {
            Composition.SectionComponent s = c.addSection();
            s.addExtension(EpikriseExtensions.EVENT, encRef.copy());
            Coding heading = KithCodes.cs(comment.child("Heading"), EpikriseCodes.TEXT_HEADING);
            if (heading != null) {
                s.setCode(new CodeableConcept(heading));
                if (heading.hasDisplay()) s.setTitle(heading.getDisplay());
            }
            XmlElement text = comment.child("TextResultValue");
            StringType value = text == null ? null : freeText(text);
            if (value != null) {
                s.addExtension(EpikriseExtensions.TEXT_VALUE, value);
                s.setText(narrative(value.getValue(), Extensions.string(value, Extensions.MARKUP)));
            } else {
                s.setText(new Narrative().setStatus(Narrative.NarrativeStatus.EMPTY));
                s.getText().setDivAsString("<div xmlns=\"" + XHTML + "\">(ingen tekst)</div>");
            }
            for (XmlElement code : comment.children("TextCode")) Extensions.add(s, EpikriseExtensions.TEXT_CODE, KithCodes.cv(code));
            if (heading != null && EpikriseCodes.HEADING_FOLLOW_UP.equals(heading.getCode()) && value != null) {
                s.addEntry(ctx.add(followUp(value.getValue(), patient, sender, requester, encRef)));
            }
        }
        for (XmlElement coded : event.children("CodedComment")) {
            enc.addExtension(EpikriseExtensions.CODED_COMMENT, concept(coded));
        }
    }

    /**
     * The follow-up plan as a CarePlan: the primary receiver (Requester) is the party with the
     * follow-up duty (HIS 80226 4.2), so it performs the activity the plan text describes.
     */
    private static CarePlan followUp(String text, Reference patient, Reference author, Reference responsible, Reference encounter) {
        CarePlan plan = new CarePlan();
        plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setSubject(patient.copy());
        plan.setEncounter(encounter.copy());
        plan.setAuthor(author.copy());
        plan.setTitle("Planer for videre oppfølging");
        plan.setDescription(text);
        CarePlan.CarePlanActivityDetailComponent detail = plan.addActivity().getDetail();
        detail.setStatus(CarePlan.CarePlanActivityStatus.NOTSTARTED);
        detail.setDescription(text);
        detail.addPerformer(responsible.copy());
        return plan;
    }

    private static Coding absentClass() {
        Coding absent = new Coding();
        absent.addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason", new CodeType("unknown"));
        return absent;
    }

    /** One InfItem: a diagnosis becomes a Condition, a medication a MedicationStatement, the rest an Observation. */
    private Resource infItem(XmlElement item, Coding type, Reference patient, Reference encounter, ReadContext ctx) {
        XmlElement medication = item.child("Medication");
        XmlElement observation = item.child("Observation");
        if (medication == null && observation == null) return null; // ResultItem: carried as unmapped
        DateTimeType start = EpikriseParties.dateTimeOrNull(item.child("StartDateTime"));
        DateTimeType end = EpikriseParties.dateTimeOrNull(item.child("EndDateTime"));
        DateTimeType orgDate = EpikriseParties.dateTimeOrNull(item.child("OrgDate"));
        org.hl7.fhir.r4.model.DomainResource resource;
        if (medication != null) {
            resource = medicationStatement(medication, patient, encounter, start, end, orgDate);
        } else if (isDiagnosis(observation, type)) {
            resource = condition(observation, patient, encounter, start, end, orgDate);
        } else {
            resource = observation(observation, type, patient, encounter, start, end, orgDate);
        }
        Extensions.add(resource, EpikriseExtensions.INF_ITEM_TYPE, type);
        XmlElement origin = item.child("Origin");
        if (origin != null) {
            Extension e = resource.addExtension().setUrl(EpikriseExtensions.ORIGIN);
            Extensions.addSub(e, "role", KithCodes.cs(origin.child("Role"), EpikriseCodes.PARTY_ROLE));
            Extensions.addSub(e, "party", parties.readHcp(origin.required("HCP"), ctx));
        }
        for (XmlElement rel : item.children("RelHCProvider")) {
            Extension e = resource.addExtension().setUrl(EpikriseExtensions.REL_HC_PROVIDER);
            Extensions.addSub(e, "relation", KithCodes.cs(rel.required("Relation"), EpikriseCodes.CLINICAL_RELATION));
            Extensions.addSub(e, "role", KithCodes.cs(rel.child("Role"), EpikriseCodes.PARTY_ROLE));
            Extensions.addSub(e, "party", parties.readHcp(rel.required("HCP"), ctx));
        }
        return resource;
    }

    private static boolean isDiagnosis(XmlElement observation, Coding type) {
        if (!observation.has("CodedDescr")) return false;
        if (EpikriseCodes.MAIN_DIAGNOSIS.equals(type.getCode()) || EpikriseCodes.SECONDARY_DIAGNOSIS.equals(type.getCode())) {
            return true;
        }
        XmlElement concept = observation.elements().stream().filter(e -> e.name().equals("CodedDescr")).findFirst()
                .map(e -> e.elements().stream().filter(x -> x.name().equals("Concept")).findFirst().orElse(null)).orElse(null);
        String s = concept == null ? null : KithCodes.token(concept.attr("S"));
        String system = s == null ? null : Systems.ofOid(s);
        return Systems.ICD10.equals(system) || Systems.ICPC2.equals(system);
    }

    private static Condition condition(XmlElement observation, Reference patient, Reference encounter,
                                       DateTimeType start, DateTimeType end, DateTimeType orgDate) {
        Condition c = new Condition();
        c.setSubject(patient.copy());
        c.setEncounter(encounter.copy());
        c.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-category",
                "encounter-diagnosis", "Encounter Diagnosis")));
        c.setCode(concept(observation.required("CodedDescr")));
        XmlElement description = observation.child("Description");
        if (description != null) {
            StringType text = freeText(description);
            c.addNote().setTextElement(markdown(text));
        }
        Extensions.addString(c, EpikriseExtensions.OBSERVATION_COMMENT, observation.textOf("Comment"));
        if (start != null) c.setOnset(start);
        if (end != null) {
            c.setAbatement(end);
            c.setClinicalStatus(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical",
                    "resolved", "Resolved")));
        }
        if (orgDate != null) c.setRecordedDateElement(orgDate);
        return c;
    }

    private static Observation observation(XmlElement observation, Coding type, Reference patient, Reference encounter,
                                           DateTimeType start, DateTimeType end, DateTimeType orgDate) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(type.copy()));
        o.setSubject(patient.copy());
        o.setEncounter(encounter.copy());
        XmlElement description = observation.child("Description");
        XmlElement coded = observation.child("CodedDescr");
        if (coded != null) {
            o.setValue(concept(coded));
            if (description != null) o.addNote().setTextElement(markdown(freeText(description)));
        } else if (description != null) {
            o.setValue(freeText(description));
        }
        Extensions.addString(o, EpikriseExtensions.OBSERVATION_COMMENT, observation.textOf("Comment"));
        if (start != null || end != null) {
            Period p = new Period();
            if (start != null) p.setStartElement(start);
            if (end != null) p.setEndElement(end);
            o.setEffective(p);
        }
        Extensions.add(o, EpikriseExtensions.ORG_DATE, orgDate);
        return o;
    }

    private static MedicationStatement medicationStatement(XmlElement m, Reference patient, Reference encounter,
                                                           DateTimeType start, DateTimeType end, DateTimeType orgDate) {
        MedicationStatement s = new MedicationStatement();
        // 7307 says how the patient uses the drug (regularly, as needed, stopped, changed ...); the
        // code is kept as status reason, the FHIR status stays "unknown" rather than guessed.
        s.setStatus(MedicationStatement.MedicationStatementStatus.UNKNOWN);
        s.setSubject(patient.copy());
        s.setContext(encounter.copy());
        s.setMedication(KithCodes.cv(m.required("DrugId")));
        Extensions.add(s, EpikriseExtensions.DOSAGE_CODED, KithCodes.cv(m.child("DosageCoded")));
        String comment = m.textOf("Comment");
        if (comment != null) s.addNote().setText(comment);
        s.addStatusReason(new CodeableConcept(KithCodes.cs(m.required("Status"), EpikriseCodes.MEDICATION_STATUS)));
        Extensions.add(s, EpikriseExtensions.FORM, KithCodes.cv(m.child("Form")));
        CodeableConcept route = KithCodes.cv(m.child("RouteOfAdm"));
        Extensions.add(s, EpikriseExtensions.INTENDED_DURATION, quantity(m.child("IntendedDuration")));
        Extensions.add(s, EpikriseExtensions.QUANTITY_SUPPLIED, quantity(m.child("QuantitySupplied")));
        Quantity unitDose = quantity(m.child("UnitDose"));
        String dosageText = m.textOf("DosageText");
        if (route != null || unitDose != null || dosageText != null) {
            Dosage d = s.addDosage();
            d.setText(dosageText);
            if (route != null) d.setRoute(route);
            if (unitDose != null) d.addDoseAndRate().setDose(unitDose);
        }
        if (start != null || end != null) {
            Period p = new Period();
            if (start != null) p.setStartElement(start);
            if (end != null) p.setEndElement(end);
            s.setEffective(p);
        }
        if (orgDate != null) s.setDateAssertedElement(orgDate);
        return s;
    }

    /** A KITH PQ (V, U) as a Quantity, the number kept as written. */
    static Quantity quantity(XmlElement pq) {
        if (pq == null) return null;
        Quantity q = new Quantity();
        String v = pq.attr("V");
        if (v != null) q.setValueElement(new DecimalType(v.trim()));
        q.setUnit(pq.attr("U"));
        return q;
    }

    /** A Concept (CV) with its Modifiers (Name CS, Value CV+) in extensions on the CodeableConcept. */
    static CodeableConcept concept(XmlElement parent) {
        CodeableConcept cc = KithCodes.cv(parent.required("Concept"));
        for (XmlElement modifier : parent.children("Modifier")) {
            Extension e = cc.addExtension().setUrl(EpikriseExtensions.MODIFIER);
            Extensions.addSub(e, "name", KithCodes.cs(modifier.required("Name"), EpikriseCodes.MODIFIER));
            for (XmlElement value : modifier.children("Value")) {
                CodeableConcept v = KithCodes.cv(value);
                e.addExtension(new Extension("value", v));
            }
        }
        return cc;
    }

    /** A KITH anyType free text: plain text, plus the original markup in an extension when it holds elements. */
    static StringType freeText(XmlElement e) {
        if (!e.hasElements()) return new StringType(e.text());
        String markup = e.innerXml();
        StringType text = new StringType(plainText(e).trim());
        text.addExtension(Extensions.MARKUP, new StringType(markup));
        return text;
    }

    private static org.hl7.fhir.r4.model.MarkdownType markdown(StringType text) {
        org.hl7.fhir.r4.model.MarkdownType md = new org.hl7.fhir.r4.model.MarkdownType(text.getValue());
        Extensions.addString(md, Extensions.MARKUP, Extensions.string(text, Extensions.MARKUP));
        return md;
    }

    private static String plainText(XmlElement e) {
        StringBuilder sb = new StringBuilder();
        appendText(e, sb);
        return sb.toString().replaceAll("[ \\t]*\\n\\s*", "\n");
    }

    private static void appendText(XmlElement e, StringBuilder sb) {
        sb.append(e.text());
        for (XmlElement c : e.elements()) {
            if (c.name().equals("br") || c.name().equals("p") || c.name().equals("tr")) sb.append('\n');
            appendText(c, sb);
            if (c.name().equals("td")) sb.append('\t');
        }
    }

    /** A section narrative: the XHTML div as written when it is one, else the plain text in a div. */
    static Narrative narrative(String text, String markup) {
        Narrative n = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
        if (markup != null) {
            String trimmed = markup.trim();
            if (trimmed.startsWith("<div") && trimmed.endsWith("</div>") && trimmed.contains(XHTML)) {
                try {
                    n.setDivAsString(trimmed);
                    n.setStatus(Narrative.NarrativeStatus.ADDITIONAL);
                    return n;
                } catch (RuntimeException notOneDiv) {
                    // fall back to the plain text below
                }
            }
        }
        StringBuilder sb = new StringBuilder("<div xmlns=\"" + XHTML + "\">");
        String[] lines = (text == null ? "" : text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) sb.append("<br/>");
            escape(lines[i], sb);
        }
        n.setDivAsString(sb.append("</div>").toString());
        return n;
    }

    private static void escape(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                default -> sb.append(ch);
            }
        }
    }

    /** The standard this reader reads. */
    public KithStandard standard() {
        return standard;
    }
}
