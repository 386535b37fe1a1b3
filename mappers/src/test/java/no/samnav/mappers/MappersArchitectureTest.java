package no.samnav.mappers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The mappers are a pure library: no framework, messaging, network or file-system code, and no
 * dependency on the gateway that uses them (docs: ARCHITECTURE.md, "Modules").
 */
class MappersArchitectureTest {

    private static final JavaClasses MAPPERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("no.samnav.mappers");

    @Test
    void mappersDependOnNoFrameworkMessagingNetworkOrFileSystem() {
        ArchRule rule = noClasses().that().resideInAPackage("no.samnav.mappers..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.camel..", "jakarta.jms..", "javax.jms..",
                        "java.net..", "java.nio.file..", "no.samnav.gateway..")
                .because("the mappers are a pure library: streams in, streams out");
        rule.check(MAPPERS);
    }
}
