package no.samnav.conformance.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import no.samnav.mappers.KithStandard;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validation against the official XSDs, loaded from a directory at run time (never bundled). All
 * schemas form one set, so a MsgHead's strictly validated RefDoc/Content is checked in the same pass.
 */
public final class KithSchemas {

    private static final String[] PRIVACY_SCHEMAS = {"reservasjon-v2.0.xsd", "samtykke-v1.0.xsd",
            "tilgangsbegrensning-v1.0.xsd", "Rekvisisjon-v1.6.xsd"};

    private final Schema schema;

    /** Loads every schema of {@link KithStandard} (and the Personvern schemas) from {@code xsdDir}. */
    public KithSchemas(Path xsdDir) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            List<Source> sources = new ArrayList<>();
            for (KithStandard s : KithStandard.values()) {
                sources.add(new StreamSource(xsdDir.resolve(s.schemaFile()).toFile()));
            }
            for (String name : PRIVACY_SCHEMAS) {
                Path p = xsdDir.resolve(name);
                if (Files.isRegularFile(p)) sources.add(new StreamSource(p.toFile()));
            }
            this.schema = factory.newSchema(sources.toArray(new Source[0]));
        } catch (SAXException e) {
            throw new IllegalStateException("The XSDs in " + xsdDir + " could not be loaded: " + e.getMessage(), e);
        }
    }

    /** Validates a document; returns the problems as {@code line:column message}, empty when valid. */
    public List<String> validate(byte[] xml) {
        List<String> problems = new ArrayList<>();
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not make a document invalid
                }

                @Override
                public void error(SAXParseException e) {
                    problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            if (problems.isEmpty()) problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
        } catch (SAXException | IOException e) {
            problems.add("0:0 " + e.getMessage());
        }
        return problems;
    }
}
