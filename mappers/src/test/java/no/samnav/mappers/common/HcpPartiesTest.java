package no.samnav.mappers.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.xml.XmlElement;
import no.samnav.mappers.xml.XmlOut;
import no.samnav.mappers.xml.XmlParser;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;

/** The shared HCP structure, read and written on its own (the standards' round trips cover it in context). */
class HcpPartiesTest {

    private static final String NS = "urn:test:hcp";
    private static final String HCP = """
            <HCP xmlns="urn:test:hcp">
              <Inst>
                <Name>Testsykehuset</Name>
                <Id>12345</Id>
                <TypeId V="HER" DN="HER-id"/>
                <Dept><Type V="1" DN="Avdeling"/><Name>Laboratoriet</Name><Id>678</Id><TypeId V="HER" DN="HER-id"/></Dept>
                <HCPerson><Name>Kari Nordmann Lege</Name><Id>9144900</Id><TypeId V="HPR" DN="HPR-nummer"/></HCPerson>
                <AdditionalId><Id>974589095</Id><Type V="ENH" DN="Organisasjonsnummeret i Enhetsregisteret"/></AdditionalId>
              </Inst>
              <Address>
                <Type V="WP" DN="Arbeidsadresse"/><StreetAdr>Gata 1 &amp; 2</StreetAdr><PostalCode>0001</PostalCode>
                <City>Oslo</City><TeleAddress V="tel:12345678"/>
              </Address>
            </HCP>
            """;

    private static XmlElement parse(String xml) {
        return new XmlParser().parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAnInstitutionWithDepartmentPersonAndAdditionalId() {
        XmlElement hcp = parse(HCP);
        ReadContext ctx = new ReadContext("seed");
        var options = new HcpParties.ReadOptions("1.2.3", "1.2.4", false, true, true, true);

        HcpParties.ReadHcp read = HcpParties.read(hcp, ctx, options);
        HcpParties.readAddressInto(hcp.child("Address"), read.addressOwner(), null, true);

        Organization inst = (Organization) ctx.resolve(read.inst());
        assertThat(inst.getName()).isEqualTo("Testsykehuset");
        assertThat(inst.getIdentifier()).hasSize(2);
        assertThat(inst.getIdentifier().get(0).getSystem()).isEqualTo(Systems.HER);
        assertThat(inst.getIdentifier().get(0).hasExtension(Extensions.ADDITIONAL_ID)).isFalse();
        assertThat(inst.getIdentifier().get(1).getValue()).isEqualTo("974589095");
        assertThat(inst.getIdentifier().get(1).hasExtension(Extensions.ADDITIONAL_ID)).isTrue();
        assertThat(inst.getAddressFirstRep().getCity()).isEqualTo("Oslo");
        assertThat(inst.getAddressFirstRep().getLine().get(0).getValue()).isEqualTo("Gata 1 & 2");
        assertThat(inst.getTelecom()).hasSize(1);

        Organization dept = (Organization) ctx.resolve(read.depts().get(0));
        assertThat(dept.getPartOf().getReference()).isEqualTo(read.inst().getReference());
        assertThat(dept.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("1");

        PractitionerRole role = (PractitionerRole) ctx.resolve(read.persons().get(0));
        assertThat(role.getOrganization().getReference()).as("persons belong to the first department")
                .isEqualTo(read.depts().get(0).getReference());
        HumanName name = ((Practitioner) ctx.resolve(role.getPractitioner())).getNameFirstRep();
        assertThat(name.getText()).isEqualTo("Kari Nordmann Lege");
        assertThat(name.getFamily()).isEqualTo("Lege");
        assertThat(name.getGivenAsSingleString()).isEqualTo("Kari Nordmann");
    }

    @Test
    void personsCanBelongToTheInstitutionAndKeepOnlyTheirNameText() {
        ReadContext ctx = new ReadContext("seed");
        var options = new HcpParties.ReadOptions(null, null, true, false, false, false);
        HcpParties.ReadHcp read = HcpParties.read(parse(HCP), ctx, options);
        PractitionerRole role = (PractitionerRole) ctx.resolve(read.persons().get(0));
        assertThat(role.getOrganization().getReference()).isEqualTo(read.inst().getReference());
        HumanName name = ((Practitioner) ctx.resolve(role.getPractitioner())).getNameFirstRep();
        assertThat(name.getText()).isEqualTo("Kari Nordmann Lege");
        assertThat(name.hasFamily()).isFalse();
    }

    @Test
    void splitsNamesWithAndWithoutComma() {
        assertThat(HcpParties.splitName("Nordmann, Kari").getFamily()).isEqualTo("Nordmann");
        assertThat(HcpParties.splitName("Nordmann, Kari").getGivenAsSingleString()).isEqualTo("Kari");
        assertThat(HcpParties.splitName("Kari Nordmann").getFamily()).isEqualTo("Nordmann");
        assertThat(HcpParties.splitName("Nordmann").getFamily()).isEqualTo("Nordmann");
    }

    @Test
    void writesWhatWasReadInTheSchemaOrderTheCallerChooses() {
        XmlElement hcp = parse(HCP);
        ReadContext ctx = new ReadContext("seed");
        HcpParties.ReadHcp read = HcpParties.read(hcp, ctx, new HcpParties.ReadOptions(null, null, false, false, false, false));
        HcpParties.readAddressInto(hcp.child("Address"), read.addressOwner(), null, true);
        Organization inst = (Organization) ctx.resolve(read.inst());
        Organization dept = (Organization) ctx.resolve(read.depts().get(0));
        PractitionerRole role = (PractitionerRole) ctx.resolve(read.persons().get(0));

        XmlOut out = new XmlOut();
        out.root(NS, "HCP");
        out.start(NS, "Inst");
        out.leaf(NS, "Name", inst.getName());
        var additional = HcpParties.writeIdAndType(out, NS, inst.getIdentifier(), true);
        String deptPath = HcpParties.writeDept(out, NS, dept);
        String personPath = HcpParties.writePerson(out, NS, (Practitioner) ctx.resolve(role.getPractitioner()));
        HcpParties.writeAdditionalIds(out, NS, additional);
        out.end();
        HcpParties.writeAddress(out, NS, inst.getAddress(), inst.getTelecom(), HcpParties.workAddressType(), false);
        out.end();

        assertThat(deptPath).isEqualTo("/HCP/Inst/Dept");
        assertThat(personPath).isEqualTo("/HCP/Inst/HCPerson");
        XmlElement written = parse(new String(out.finish(), StandardCharsets.UTF_8));
        XmlElement writtenInst = written.required("Inst");
        assertThat(writtenInst.elements()).extracting(XmlElement::name)
                .containsExactly("Name", "Id", "TypeId", "Dept", "HCPerson", "AdditionalId");
        assertThat(writtenInst.required("AdditionalId").required("Type").attr("V")).isEqualTo("ENH");
        assertThat(writtenInst.required("HCPerson").textOf("Name")).isEqualTo("Kari Nordmann Lege");
        assertThat(writtenInst.required("Dept").required("Type").attr("V")).isEqualTo("1");
        XmlElement address = written.required("Address");
        assertThat(address.elements()).extracting(XmlElement::name)
                .containsExactly("Type", "StreetAdr", "PostalCode", "City", "TeleAddress");
        assertThat(address.textOf("StreetAdr")).isEqualTo("Gata 1 & 2");
    }

    @Test
    void anAddressWithoutKithTypeGetsTheDefaultAndCanJoinStreetLines() {
        Address a = new Address().addLine("Gata 1").addLine("Oppgang B").setCity("Bergen");
        XmlOut out = new XmlOut();
        out.root(NS, "HCP");
        HcpParties.writeAddress(out, NS, List.of(a), List.of(), HcpParties.workAddressType(), true);
        out.end();
        XmlElement address = parse(new String(out.finish(), StandardCharsets.UTF_8)).required("Address");
        assertThat(address.required("Type").attr("V")).isEqualTo("WP");
        assertThat(address.textOf("StreetAdr")).isEqualTo("Gata 1, Oppgang B");
    }
}
