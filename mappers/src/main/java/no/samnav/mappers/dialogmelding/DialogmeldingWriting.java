package no.samnav.mappers.dialogmelding;

import java.util.List;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.common.Parties;
import no.samnav.mappers.core.DocumentWriter;
import no.samnav.mappers.core.WriteContext;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Person;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Writing of Dialogmelding, shared by versions 1.0 and 1.1. What 1.0 lacks (EmneSporsmal,
 * KodetOpplysning, TilknyttetEnhet, more than one TypeJournalinfo, markup in Sporsmal, a role
 * without a person) is reported as lost when writing 1.0.
 */
public abstract class DialogmeldingWriting implements DocumentWriter {

    public static final String FELLESKOMPONENT1 = "http://www.kith.no/xmlstds/felleskomponent1";

    private final KithStandard standard;
    private final String ns;
    private final boolean v11;
    private final Parties.Style partyStyle;
    private final Parties.Style organisationStyle;

    protected DialogmeldingWriting(KithStandard standard) {
        this.standard = standard;
        this.ns = standard.namespace();
        this.v11 = standard == KithStandard.DIALOGMELDING_1_1;
        this.partyStyle = new Parties.Style(ns, FELLESKOMPONENT1);
        this.organisationStyle = new Parties.Style(FELLESKOMPONENT1, FELLESKOMPONENT1);
    }

    @Override
    public boolean canWrite(List<Resource> focus) {
        if (focus.isEmpty()) return false;
        for (Resource r : focus) {
            if (!(r instanceof Communication) && !(r instanceof CommunicationRequest)) return false;
        }
        return true;
    }

    @Override
    public Coding messageType(List<Resource> focus, Coding original, WriteContext ctx) {
        String code = original == null ? null : original.getCode();
        if (code != null && (v11 || !code.equals("DIALOG_HELSEFAGLIG"))) return original;
        Coding derived;
        if (focus.get(0) instanceof CommunicationRequest) {
            derived = new Coding(Systems.MESSAGE_TYPE, "DIALOG_FORESPORSEL", "Forespørsel");
        } else if (((Communication) focus.get(0)).hasBasedOn()) {
            derived = new Coding(Systems.MESSAGE_TYPE, "DIALOG_SVAR", "Svar på forespørsel");
        } else {
            derived = v11 ? new Coding(Systems.MESSAGE_TYPE, "DIALOG_HELSEFAGLIG", "Helsefaglig dialog")
                    : new Coding(Systems.MESSAGE_TYPE, "DIALOG_NOTAT", "Notat");
        }
        if (code != null) {
            ctx.loss("/MsgHead/MsgInfo/Type", "MessageHeader.eventCoding",
                    code + " is defined for Dialogmelding 1.1 only; sent as " + derived.getCode());
        }
        return derived;
    }

    @Override
    public void write(List<Resource> focus, WriteContext ctx, XmlOut out) {
        out.start(ns, "Dialogmelding");
        out.declare("fk1", FELLESKOMPONENT1);
        DomainResource first = (DomainResource) focus.get(0);
        KithCodes.writeCv(out, ns, "SakstypeKodet", (CodeableConcept) Extensions.value(first, DialogmeldingExtensions.SAKSTYPE_KODET));
        out.leaf("Sakstype", Extensions.string(first, DialogmeldingExtensions.SAKSTYPE));
        boolean notes = focus.get(0) instanceof Communication;
        for (Resource r : focus) {
            if (notes && r instanceof Communication c) {
                notat(out, c, ctx);
            } else if (!notes && r instanceof CommunicationRequest cr) {
                foresporsel(out, cr, ctx);
            } else {
                ctx.loss(out.pathOf(r instanceof Communication ? "Notat" : "Foresporsel"), r, "",
                        "a Dialogmelding holds either notes or questions, not both; this "
                                + r.fhirType() + " needs a message of its own");
            }
        }
        out.end();
    }

    private void notat(XmlOut out, Communication c, WriteContext ctx) {
        out.start("Notat");
        KithCodes.writeCv(out, ns, "TemaKodet", c.hasTopic() ? c.getTopic() : new CodeableConcept(
                new Coding(Systems.volven("7322"), "6", "Henvendelse om pasient")));
        out.leaf("Tema", Extensions.string(c, DialogmeldingExtensions.TEMA));
        if (c.hasPayload()) {
            Type content = c.getPayloadFirstRep().getContent();
            if (content instanceof StringType text) {
                freeText(out, "TekstNotatInnhold", text, true, ctx, c);
            } else {
                ctx.loss(out.pathOf("TekstNotatInnhold"), c, "payload[0]", "only text payloads fit TekstNotatInnhold");
            }
            for (int i = 1; i < c.getPayload().size(); i++) {
                ctx.loss(out.pathOf("TekstNotatInnhold"), c, "payload[" + i + "]", "a Notat holds one text");
            }
        }
        out.leaf("Merknad", c.hasNote() ? c.getNoteFirstRep().getText() : null);
        beyondFirst(ctx, out.pathOf("Merknad"), c, "note", c.getNote().size(), "a Notat holds one Merknad");
        out.leaf("DokIdNotat", documentId(c.getIdentifier()));
        otherIdentifiers(ctx, out.pathOf("DokIdNotat"), c, c.getIdentifier());
        if (c.hasSent()) {
            out.leaf("DatoNotat", KithDates.toKithDate(c.getSentElement()));
            if (c.getSentElement().getPrecision().ordinal() > ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY.ordinal()) {
                ctx.loss(out.pathOf("DatoNotat"), c, "sent", "DatoNotat is a date; the time of day is not written");
            }
        }
        if (c.hasBasedOn()) {
            CommunicationRequest question = ctx.resolve(c.getBasedOnFirstRep(), CommunicationRequest.class);
            if (question != null) {
                foresporsel(out, question, ctx);
            } else {
                ctx.loss(out.pathOf("Foresporsel"), c, "basedOn[0]", "the question answered is not a CommunicationRequest in the Bundle");
            }
            beyondFirst(ctx, out.pathOf("Foresporsel"), c, "basedOn", c.getBasedOn().size(), "an answer repeats one Foresporsel");
        }
        roles(out, c, ctx);
        out.end();
    }

    private void foresporsel(XmlOut out, CommunicationRequest r, WriteContext ctx) {
        out.start("Foresporsel");
        KithCodes.writeCv(out, ns, "TypeForesp", r.hasCategory() ? r.getCategoryFirstRep()
                : new CodeableConcept(new Coding(Systems.volven("9152"), "99", "Annen henvendelse")));
        String emne = Extensions.string(r, DialogmeldingExtensions.EMNE_SPORSMAL);
        if (v11) {
            out.leaf("EmneSporsmal", emne);
        } else if (emne != null) {
            ctx.loss(out.pathOf("EmneSporsmal"), r, "extension('" + DialogmeldingExtensions.EMNE_SPORSMAL + "')",
                    "Dialogmelding 1.0 has no EmneSporsmal");
        }
        if (r.hasPayload() && r.getPayloadFirstRep().getContent() instanceof StringType text) {
            freeText(out, "Sporsmal", text, v11, ctx, r);
        } else if (r.hasPayload()) {
            ctx.loss(out.pathOf("Sporsmal"), r, "payload[0]", "only text payloads fit Sporsmal");
        }
        beyondFirst(ctx, out.pathOf("Sporsmal"), r, "payload", r.getPayload().size(), "a Foresporsel holds one Sporsmal");
        beyondFirst(ctx, out.pathOf("TypeForesp"), r, "category", r.getCategory().size(), "a Foresporsel has one TypeForesp");
        if (r.hasReasonCode()) KithCodes.writeCv(out, ns, "Formål", r.getReasonCodeFirstRep());
        beyondFirst(ctx, out.pathOf("Formål"), r, "reasonCode", r.getReasonCode().size(), "a Foresporsel has one Formål");
        out.leaf("Begrunnelse", Extensions.string(r, DialogmeldingExtensions.BEGRUNNELSE));
        KithCodes.writeCs(out, ns, "Hastegrad", (Coding) Extensions.value(r, DialogmeldingExtensions.HASTEGRAD));
        if (r.hasOccurrencePeriod()) {
            Period p = r.getOccurrencePeriod();
            out.leaf("FraDato", KithDates.toKithDate(p.getStartElement()));
            out.leaf("TilDato", KithDates.toKithDate(p.getEndElement()));
        }
        List<Extension> journalinfo = r.getExtensionsByUrl(DialogmeldingExtensions.TYPE_JOURNALINFO);
        for (int i = 0; i < journalinfo.size(); i++) {
            if (i == 0 || v11) {
                KithCodes.writeCv(out, ns, "TypeJournalinfo", (CodeableConcept) journalinfo.get(i).getValue());
            } else {
                ctx.loss(out.pathOf("TypeJournalinfo"), r, "extension('" + DialogmeldingExtensions.TYPE_JOURNALINFO + "')[" + i + "]",
                        "Dialogmelding 1.0 holds one TypeJournalinfo");
            }
        }
        CodeableConcept kodet = (CodeableConcept) Extensions.value(r, DialogmeldingExtensions.KODET_OPPLYSNING);
        if (v11) {
            KithCodes.writeCv(out, ns, "KodetOpplysning", kodet);
        } else if (kodet != null) {
            ctx.loss(out.pathOf("KodetOpplysning"), r, "extension('" + DialogmeldingExtensions.KODET_OPPLYSNING + "')",
                    "Dialogmelding 1.0 has no KodetOpplysning");
        }
        out.leaf("DokIdForesp", documentId(r.getIdentifier()));
        otherIdentifiers(ctx, out.pathOf("DokIdForesp"), r, r.getIdentifier());
        roles(out, r, ctx);
        out.end();
    }

    private void freeText(XmlOut out, String name, StringType text, boolean markupAllowed, WriteContext ctx, Resource owner) {
        String markup = Extensions.string(text, Extensions.MARKUP);
        out.start(name);
        if (markup != null && markupAllowed && !isWellFormedFragment(markup)) {
            // The markup is written raw: a Bundle from a FHIR client must not be able to break out
            // of the free-text element or make the message malformed. Keep the plain text instead.
            ctx.loss(out.path(), owner, "payload[0].content.extension('" + Extensions.MARKUP + "')",
                    "the markup is not well-formed XML; the plain text is written instead");
            markup = null;
        }
        if (markup != null && markupAllowed) {
            out.markup(markup);
        } else {
            out.text(text.getValue() == null ? "" : text.getValue());
            if (markup != null) {
                ctx.loss(out.path(), owner, "payload[0].content.extension('" + Extensions.MARKUP + "')",
                        "Dialogmelding 1.0 " + name + " is plain text; formatting (XHTML) dropped, text kept");
            }
        }
        out.end();
    }

    private static final no.samnav.mappers.xml.XmlParser FRAGMENT_PARSER = new no.samnav.mappers.xml.XmlParser();

    /** True when the text is a well-formed XML fragment (elements balanced, no declarations). */
    static boolean isWellFormedFragment(String markup) {
        try {
            FRAGMENT_PARSER.parse(("<fragment>" + markup + "</fragment>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return true;
        } catch (no.samnav.mappers.error.MappingException malformed) {
            return false;
        }
    }

    private void roles(XmlOut out, DomainResource r, WriteContext ctx) {
        for (Extension rolle : r.getExtensionsByUrl(DialogmeldingExtensions.ROLLER_RELATERT_NOTAT)) {
            Reference personRef = (Reference) Extensions.sub(rolle, "person");
            Resource person = ctx.resolve(personRef);
            Reference enhetRef = (Reference) Extensions.sub(rolle, "tilknyttetEnhet");
            if (!v11 && person == null) {
                ctx.loss(out.pathOf("RollerRelatertNotat"), r, "extension('" + DialogmeldingExtensions.ROLLER_RELATERT_NOTAT + "')",
                        "Dialogmelding 1.0 requires a HealthcareProfessional or Person in RollerRelatertNotat");
                continue;
            }
            out.start("RollerRelatertNotat");
            KithCodes.writeCv(out, ns, "RolleNotat", (CodeableConcept) Extensions.sub(rolle, "rolleNotat"));
            KithCodes.writeCv(out, ns, "RoleToPatient", (CodeableConcept) Extensions.sub(rolle, "roleToPatient"));
            if (enhetRef != null) {
                if (v11) {
                    tilknyttetEnhet(out, rolle, enhetRef, ctx);
                } else {
                    ctx.loss(out.pathOf("TilknyttetEnhet"), r, "extension('" + DialogmeldingExtensions.ROLLER_RELATERT_NOTAT
                            + "').extension('tilknyttetEnhet')", "Dialogmelding 1.0 has no TilknyttetEnhet");
                }
            }
            person(out, person, ctx);
            out.end();
        }
    }

    private void tilknyttetEnhet(XmlOut out, Extension rolle, Reference enhetRef, WriteContext ctx) {
        out.start("TilknyttetEnhet");
        writeFk1Organisation(out, "Kontaktenhet", enhetRef, ctx);
        out.leaf("Merknad", Extensions.subString(rolle, "tilknyttetEnhetMerknad"));
        person(out, ctx.resolve((Reference) Extensions.sub(rolle, "tilknyttetEnhetPerson")), ctx);
        out.end();
    }

    /** A felleskomponent1 Organisation (type first, nested sub-units) for the organisation a reference points to. */
    private void writeFk1Organisation(XmlOut out, String elementName, Reference ref, WriteContext ctx) {
        java.util.List<Organization> chain = new java.util.ArrayList<>();
        Organization org = ctx.resolve(ref, Organization.class);
        while (org != null) {
            chain.add(0, org);
            org = org.hasPartOf() ? ctx.resolve(org.getPartOf(), Organization.class) : null;
        }
        for (int i = 0; i < chain.size(); i++) {
            out.start(i == 0 ? ns : FELLESKOMPONENT1, i == 0 ? elementName : "Organisation");
            Parties.writeOrganisationFields(out, organisationStyle, chain.get(i), true, ctx);
        }
        for (int i = 0; i < chain.size(); i++) out.end();
    }

    private void person(XmlOut out, Resource person, WriteContext ctx) {
        if (person instanceof PractitionerRole role) {
            Parties.writeHealthcareProfessional(out, partyStyle, "HealthcareProfessional", role, ctx);
        } else if (person instanceof RelatedPerson || person instanceof Person) {
            out.start("Person");
            Parties.writePersonFields(out, partyStyle, (DomainResource) person, true, ctx);
            out.end();
        }
    }

    /** Reports the repetitions of a FHIR element after the first, which the KITH element cannot hold. */
    private static void beyondFirst(WriteContext ctx, String path, Resource r, String element, int count, String reason) {
        for (int i = 1; i < count; i++) ctx.loss(path, r, element + "[" + i + "]", reason);
    }

    /** Identifiers other than the first KITH document id have no element (DokIdNotat / DokIdForesp hold one). */
    private static void otherIdentifiers(WriteContext ctx, String path, Resource r, List<Identifier> identifiers) {
        boolean written = false;
        for (int i = 0; i < identifiers.size(); i++) {
            if (!written && Systems.KITH_DOCUMENT_ID.equals(identifiers.get(i).getSystem())) {
                written = true;
            } else {
                ctx.loss(path, r, "identifier[" + i + "]", "only one KITH document id has an element");
            }
        }
    }

    private static String documentId(List<Identifier> identifiers) {
        for (Identifier i : identifiers) {
            if (Systems.KITH_DOCUMENT_ID.equals(i.getSystem())) return i.getValue();
        }
        return null;
    }

    /** The standard this writer produces. */
    public KithStandard standard() {
        return standard;
    }
}
