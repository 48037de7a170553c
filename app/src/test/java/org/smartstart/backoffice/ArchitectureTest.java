package org.smartstart.backoffice;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.smartstart.backoffice.ui.shell.DesktopLauncher;
import org.smartstart.backoffice.ui.shell.DesktopWiring;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The directions of ARCHITECTURE.md: ui → domain only; domain → nothing else.
 *
 * <p>One exception, on purpose: {@link DesktopLauncher} and {@link DesktopWiring} are the desktop's composition root. The CLI hands
 * the launcher the {@code DatabaseSettings} (persistence); {@link DesktopWiring} alone builds the local and the
 * remote adapters of the ports, then gives the screens only the port interfaces. No other ui class may see
 * persistence or remote.
 */
@AnalyzeClasses(packages = "org.smartstart.backoffice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "org.smartstart.backoffice";

    @ArchTest
    static final ArchRule domain_depends_on_nothing_but_itself_and_plain_java = noClasses()
            .that().resideInAPackage(ROOT + ".domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    ROOT + ".persistence..", ROOT + ".remote..", ROOT + ".ui..", ROOT + ".cli..",
                    "javafx..", "org.hibernate..", "jakarta.persistence..", "okhttp3..",
                    "org.flywaydb..", "com.zaxxer.hikari..", "java.sql..")
            .because("domain rules live once, in pure Java, and every adapter calls them")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule screens_see_ports_not_adapters = noClasses()
            .that().resideInAPackage(ROOT + ".ui..")
            .and(not(belongToAnyOf(DesktopLauncher.class, DesktopWiring.class)))
            .should().dependOnClassesThat().resideInAnyPackage(
                    ROOT + ".persistence..", ROOT + ".remote..", ROOT + ".cli..",
                    "org.hibernate..", "jakarta.persistence..", "okhttp3..", "java.sql..")
            .because("screens call ports (domain interfaces); only the composition root wires the adapters")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule only_the_wiring_knows_the_remote_client = noClasses()
            .that().belongToAnyOf(DesktopLauncher.class)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".remote..", ROOT + ".cli..", "okhttp3..")
            .because("the launcher reads the command line's database settings; DesktopWiring alone builds the connectors")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule the_wiring_does_not_reach_into_the_command_line = noClasses()
            .that().belongToAnyOf(DesktopWiring.class)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule adapters_do_not_reach_up_into_screens_or_the_command_line = noClasses()
            .that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".persistence..", ROOT + ".remote..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".ui..", ROOT + ".cli..")
            .allowEmptyShould(true);
}
