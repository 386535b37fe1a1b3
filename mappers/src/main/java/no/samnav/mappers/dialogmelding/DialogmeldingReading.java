package no.samnav.mappers.dialogmelding;

import java.util.ArrayList;
import java.util.List;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.common.Parties;
import no.samnav.mappers.core.DocumentReader;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.error.MissingElementException;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.kodeverk.KithCodeSystems;
import no.samnav.mappers.xml.XmlElement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.StringType;

/**
 * Reading of Dialogmelding, shared by versions 1.0 and 1.1 (their structures differ only in
 * elements 1.1 added). Notat becomes a Communication, Foresporsel a CommunicationRequest; the
 * question an answer repeats becomes the request the answer is {@code basedOn}.
 */
public abstract class DialogmeldingReading implements DocumentReader {

    private final KithStandard standard;

    protected DialogmeldingReading(KithStandard standard) {
        this.standard = standard;
    }

    @Override
    public List<Reference> read(XmlElement dialogmelding, ReadContext ctx) {
        List<Reference> focus = new ArrayList<>();
        List<DomainResource> resources = new ArrayList<>();
        for (XmlElement notat : dialogmelding.children("Notat")) {
            Communication c = notat(notat, ctx);
            resources.add(c);
            focus.add(ctx.add(c));
        }
        for (XmlElement foresporsel : dialogmelding.children("Foresporsel")) {
            CommunicationRequest r = foresporsel(foresporsel, ctx, false);
            resources.add(r);
            focus.add(ctx.add(r));
        }
        if (focus.isEmpty()) {
            throw new MissingElementException(dialogmelding.location(),
                    "A Dialogmelding must contain at least one Notat or Foresporsel");
        }
        DomainResource first = resources.get(0);
        Extensions.add(first, DialogmeldingExtensions.SAKSTYPE_KODET, KithCodes.cv(dialogmelding.child("SakstypeKodet")));
        Extensions.addString(first, DialogmeldingExtensions.SAKSTYPE, dialogmelding.textOf("Sakstype"));
        return focus;
    }

    @Override
    public Coding messageType(XmlElement dialogmelding) {
        if (dialogmelding.has("Foresporsel")) return new Coding(Systems.MESSAGE_TYPE, "DIALOG_FORESPORSEL", "Forespørsel");
        XmlElement notat = dialogmelding.elements().stream().filter(e -> e.name().equals("Notat")).findFirst().orElse(null);
        if (notat != null && notat.has("Foresporsel")) {
            return new Coding(Systems.MESSAGE_TYPE, "DIALOG_SVAR", "Svar på forespørsel");
        }
        return standard == KithStandard.DIALOGMELDING_1_1
                ? new Coding(Systems.MESSAGE_TYPE, "DIALOG_HELSEFAGLIG", "Helsefaglig dialog")
                : new Coding(Systems.MESSAGE_TYPE, "DIALOG_NOTAT", "Notat");
    }

    private Communication notat(XmlElement notat, ReadContext ctx) {
        Communication c = new Communication();
        c.setStatus(Communication.CommunicationStatus.COMPLETED);
        if (ctx.patient() != null) c.setSubject(ctx.patient());
        linkParties(c, ctx.header());
        c.setTopic(KithCodes.cv(notat.required("TemaKodet")));
        Extensions.addString(c, DialogmeldingExtensions.TEMA, notat.textOf("Tema"));
        XmlElement innhold = notat.child("TekstNotatInnhold");
        if (innhold != null) c.addPayload().setContent(freeText(innhold));
        String merknad = notat.textOf("Merknad");
        if (merknad != null) c.addNote().setText(merknad);
        String dokId = notat.textOf("DokIdNotat");
        if (dokId != null) c.addIdentifier(new Identifier().setSystem(Systems.KITH_DOCUMENT_ID).setValue(dokId));
        XmlElement dato = notat.child("DatoNotat");
        if (dato != null) c.setSentElement(new DateTimeType(KithDates.date(dato.text(), dato).getValueAsString()));
        XmlElement question = notat.child("Foresporsel");
        if (question != null) {
            CommunicationRequest request = foresporsel(question, ctx, true);
            c.addBasedOn(ctx.add(request));
        }
        for (XmlElement rolle : notat.children("RollerRelatertNotat")) c.addExtension(rolle(rolle, ctx));
        return c;
    }

    /** A question; one repeated inside an answer was asked by the answer's receiver. */
    private CommunicationRequest foresporsel(XmlElement f, ReadContext ctx, boolean answered) {
        CommunicationRequest r = new CommunicationRequest();
        r.setStatus(answered ? CommunicationRequest.CommunicationRequestStatus.COMPLETED
                : CommunicationRequest.CommunicationRequestStatus.ACTIVE);
        if (ctx.patient() != null) r.setSubject(ctx.patient());
        MessageHeader header = ctx.header();
        Reference sender = header.hasSender() ? header.getSender() : null;
        Reference receiver = header.hasDestination() && header.getDestinationFirstRep().hasReceiver()
                ? header.getDestinationFirstRep().getReceiver() : null;
        Reference asker = answered ? receiver : sender;
        Reference asked = answered ? sender : receiver;
        if (asker != null) r.setRequester(asker.copy());
        if (asked != null) r.addRecipient(asked.copy());
        r.addCategory(KithCodes.cv(f.required("TypeForesp")));
        Extensions.addString(r, DialogmeldingExtensions.EMNE_SPORSMAL, f.textOf("EmneSporsmal"));
        XmlElement sporsmal = f.child("Sporsmal");
        if (sporsmal != null) r.addPayload().setContent(freeText(sporsmal));
        CodeableConcept formal = KithCodes.cv(f.child("Formål"));
        if (formal != null) r.addReasonCode(formal);
        Extensions.addString(r, DialogmeldingExtensions.BEGRUNNELSE, f.textOf("Begrunnelse"));
        Extensions.add(r, DialogmeldingExtensions.HASTEGRAD, KithCodes.cs(f.child("Hastegrad"), KithCodeSystems.DIALOG_URGENCY));
        XmlElement fra = f.child("FraDato");
        XmlElement til = f.child("TilDato");
        if (fra != null || til != null) {
            Period p = new Period();
            if (fra != null) p.setStartElement(new DateTimeType(KithDates.date(fra.text(), fra).getValueAsString()));
            if (til != null) p.setEndElement(new DateTimeType(KithDates.date(til.text(), til).getValueAsString()));
            r.setOccurrence(p);
        }
        for (XmlElement t : f.children("TypeJournalinfo")) {
            Extensions.add(r, DialogmeldingExtensions.TYPE_JOURNALINFO, KithCodes.cv(t));
        }
        Extensions.add(r, DialogmeldingExtensions.KODET_OPPLYSNING, KithCodes.cv(f.child("KodetOpplysning")));
        String dokId = f.textOf("DokIdForesp");
        if (dokId != null) r.addIdentifier(new Identifier().setSystem(Systems.KITH_DOCUMENT_ID).setValue(dokId));
        for (XmlElement rolle : f.children("RollerRelatertNotat")) r.addExtension(rolle(rolle, ctx));
        return r;
    }

    private static void linkParties(Communication c, MessageHeader header) {
        if (header.hasSender()) c.setSender(header.getSender().copy());
        for (MessageHeader.MessageDestinationComponent d : header.getDestination()) {
            if (d.hasReceiver()) c.addRecipient(d.getReceiver().copy());
        }
    }

    /**
     * A KITH anyType free text: the plain text, plus the original markup in an extension when the
     * element holds XHTML or other elements.
     */
    static StringType freeText(XmlElement e) {
        if (!e.hasElements()) return new StringType(e.text());
        String markup = e.innerXml();
        StringType text = new StringType(plainText(e));
        text.addExtension(no.samnav.mappers.fhir.Extensions.MARKUP, new StringType(markup));
        return text;
    }

    private static String plainText(XmlElement e) {
        StringBuilder sb = new StringBuilder();
        appendText(e, sb);
        return sb.toString().trim();
    }

    private static void appendText(XmlElement e, StringBuilder sb) {
        sb.append(e.text());
        for (XmlElement c : e.elements()) {
            appendText(c, sb);
        }
    }

    private Extension rolle(XmlElement rolle, ReadContext ctx) {
        Extension ext = new Extension(DialogmeldingExtensions.ROLLER_RELATERT_NOTAT);
        Extensions.addSub(ext, "rolleNotat", KithCodes.cv(rolle.child("RolleNotat")));
        Extensions.addSub(ext, "roleToPatient", KithCodes.cv(rolle.child("RoleToPatient")));
        XmlElement enhet = rolle.child("TilknyttetEnhet");
        if (enhet != null) {
            Parties.PartyRefs org = Parties.organisationTree(enhet.required("Kontaktenhet"), ctx);
            Extensions.addSub(ext, "tilknyttetEnhet", org.primary());
            Extensions.addSubString(ext, "tilknyttetEnhetMerknad", enhet.textOf("Merknad"));
            Reference person = person(enhet, ctx);
            if (person != null) Extensions.addSub(ext, "tilknyttetEnhetPerson", person);
        }
        Reference person = person(rolle, ctx);
        if (person != null) Extensions.addSub(ext, "person", person);
        return ext;
    }

    /** The HealthcareProfessional (PractitionerRole) or Person (RelatedPerson, or Person without a patient) of a role. */
    private Reference person(XmlElement parent, ReadContext ctx) {
        XmlElement hp = parent.child("HealthcareProfessional");
        if (hp != null) return Parties.healthcareProfessional(hp, ctx, null);
        XmlElement p = parent.child("Person");
        if (p == null) return null;
        if (ctx.patient() != null) {
            RelatedPerson related = new RelatedPerson();
            related.setPatient(ctx.patient());
            Parties.personFields(p, related, false);
            return ctx.add(related);
        }
        org.hl7.fhir.r4.model.Person person = new org.hl7.fhir.r4.model.Person();
        Parties.personFields(p, person, false);
        return ctx.add(person);
    }
}
