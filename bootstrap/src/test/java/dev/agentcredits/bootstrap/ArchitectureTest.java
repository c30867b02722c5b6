package dev.agentcredits.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The module graph as rules (STYLE.md, convention 11). Runs here because only bootstrap sees every
 * module; {@code archRule.failOnEmptyShould=true} makes a rule over an empty package fail.
 */
@AnalyzeClasses(
    packages = "dev.agentcredits",
    importOptions = {
      ImportOption.DoNotIncludeTests.class,
      ArchitectureTest.DoNotIncludeTestJars.class
    })
class ArchitectureTest {

  /**
   * The modules' test fixtures (test-jars on bootstrap's test classpath) are not production code.
   */
  static final class DoNotIncludeTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }

  private static final String DOMAIN = "dev.agentcredits.domain..";
  private static final String APPLICATION = "dev.agentcredits.application..";
  private static final String PORT_IN = "dev.agentcredits.application.port.in..";
  private static final String PORT_OUT = "dev.agentcredits.application.port.out..";
  private static final String SERVICE = "dev.agentcredits.application.service..";
  private static final String REST = "dev.agentcredits.adapter.rest..";
  private static final String PERSISTENCE = "dev.agentcredits.adapter.persistence..";
  private static final String POSTGRES_STORES = "dev.agentcredits.adapter.persistence.postgres..";
  private static final String EMBEDDED_SERVER = "dev.agentcredits.adapter.persistence.embedded..";
  private static final String MEMORY = "dev.agentcredits.adapter.memory..";
  private static final String MESSAGING = "dev.agentcredits.adapter.messaging..";
  private static final String PAYMENTS = "dev.agentcredits.adapter.payments..";
  private static final String SECURITY = "dev.agentcredits.adapter.security..";
  private static final String WIRE = "dev.agentcredits.adapter.wire..";
  private static final String WEB = "dev.agentcredits.adapter.web..";
  private static final String WEBHOOKS = "dev.agentcredits.adapter.webhooks..";
  private static final String BOOTSTRAP = "dev.agentcredits.bootstrap..";

  private static final String[] ADAPTER_LAYERS_AND_BOOTSTRAP = {
    "RestAdapter",
    "PersistenceAdapter",
    "MessagingAdapter",
    "PaymentsAdapter",
    "SecurityAdapter",
    "WebhooksAdapter",
    "WireFormat",
    "Bootstrap"
  };

  private static final String[] FRAMEWORKS = {
    "org.springframework..",
    "org.jdbi..",
    "com.zaxxer..",
    "jakarta..",
    "lombok..",
    "com.fasterxml..",
    "io.javalin..",
    "com.rabbitmq.."
  };

  private static final DescribedPredicate<JavaClass> FLOATING_POINT =
      DescribedPredicate.describe(
          "float, double, Float or Double (or arrays of them)",
          type -> {
            JavaClass base = type.getBaseComponentType();
            return base.isEquivalentTo(float.class)
                || base.isEquivalentTo(double.class)
                || base.isEquivalentTo(Float.class)
                || base.isEquivalentTo(Double.class);
          });

  @ArchTest
  static final ArchRule layers_depend_only_inwards =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Domain")
          .definedBy(DOMAIN)
          .layer("Application")
          .definedBy(APPLICATION)
          .layer("RestAdapter")
          .definedBy(REST)
          .layer("PersistenceAdapter")
          .definedBy(PERSISTENCE)
          .layer("MessagingAdapter")
          .definedBy(MESSAGING)
          .layer("PaymentsAdapter")
          .definedBy(PAYMENTS)
          .layer("SecurityAdapter")
          .definedBy(SECURITY)
          .layer("WebhooksAdapter")
          .definedBy(WEBHOOKS)
          .layer("WireFormat")
          .definedBy(WIRE)
          .layer("Bootstrap")
          .definedBy(BOOTSTRAP)
          .whereLayer("Bootstrap")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("RestAdapter")
          .mayOnlyBeAccessedByLayers("Bootstrap")
          .whereLayer("PersistenceAdapter")
          .mayOnlyBeAccessedByLayers("Bootstrap")
          .whereLayer("MessagingAdapter")
          .mayOnlyBeAccessedByLayers("Bootstrap")
          .whereLayer("PaymentsAdapter")
          .mayOnlyBeAccessedByLayers("Bootstrap")
          .whereLayer("SecurityAdapter")
          .mayOnlyBeAccessedByLayers("Bootstrap")
          .whereLayer("WebhooksAdapter")
          .mayOnlyBeAccessedByLayers("Bootstrap")
          .whereLayer("WireFormat")
          .mayOnlyBeAccessedByLayers("RestAdapter", "MessagingAdapter", "Bootstrap")
          .whereLayer("Application")
          .mayOnlyBeAccessedByLayers(ADAPTER_LAYERS_AND_BOOTSTRAP)
          .whereLayer("Domain")
          .mayOnlyBeAccessedByLayers(
              Stream.concat(Stream.of("Application"), Arrays.stream(ADAPTER_LAYERS_AND_BOOTSTRAP))
                  .toArray(String[]::new));

  /** Each adapter module is a package of its own under {@code dev.agentcredits.adapter}. */
  @ArchTest
  static final ArchRule every_adapter_module_is_checked =
      classes()
          .that()
          .resideInAPackage("dev.agentcredits.adapter..")
          .should()
          .resideInAnyPackage(
              REST, PERSISTENCE, MEMORY, MESSAGING, PAYMENTS, SECURITY, WIRE, WEB, WEBHOOKS);

  @ArchTest
  static final ArchRule domain_depends_only_on_the_jdk =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(DOMAIN, "java..");

  @ArchTest
  static final ArchRule application_depends_only_on_domain_and_the_jdk =
      classes()
          .that()
          .resideInAPackage(APPLICATION)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(APPLICATION, DOMAIN, "java..");

  @ArchTest
  static final ArchRule adapters_are_independent_of_each_other =
      slices()
          .matching("dev.agentcredits.adapter.(*)..")
          .should()
          .notDependOnEachOther()
          .ignoreDependency(
              JavaClass.Predicates.resideInAnyPackage(REST, MESSAGING),
              JavaClass.Predicates.resideInAPackage(WIRE));

  /** The wire format is shared by the adapters that speak it and depends on none of them. */
  @ArchTest
  static final ArchRule the_wire_format_depends_on_no_adapter =
      noClasses()
          .that()
          .resideInAPackage(WIRE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              REST, PERSISTENCE, MESSAGING, PAYMENTS, SECURITY, WEBHOOKS, BOOTSTRAP);

  @ArchTest
  static final ArchRule inbound_ports_do_not_depend_on_outbound_ports =
      noClasses()
          .that()
          .resideInAPackage(PORT_IN)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PORT_OUT);

  @ArchTest
  static final ArchRule outbound_ports_do_not_depend_on_inbound_ports =
      noClasses()
          .that()
          .resideInAPackage(PORT_OUT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PORT_IN);

  @ArchTest
  static final ArchRule core_is_free_of_frameworks =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, APPLICATION)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FRAMEWORKS);

  @ArchTest
  static final ArchRule spring_only_in_bootstrap =
      noClasses()
          .that()
          .resideOutsideOfPackage(BOOTSTRAP)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework..");

  @ArchTest
  static final ArchRule core_keeps_no_floating_point_state =
      noFields()
          .that()
          .areDeclaredInClassesThat()
          .resideInAnyPackage(DOMAIN, APPLICATION)
          .should()
          .haveRawType(FLOATING_POINT);

  private static final DescribedPredicate<JavaClass> DAO_OR_ROW =
      DescribedPredicate.describe(
          "a *Dao or *Row",
          type -> type.getSimpleName().endsWith("Dao") || type.getSimpleName().endsWith("Row"));

  @ArchTest
  static final ArchRule persistence_daos_and_rows_are_not_public =
      classes()
          .that()
          .resideInAPackage(PERSISTENCE)
          .and(DAO_OR_ROW)
          .should()
          .notHaveModifier(JavaModifier.PUBLIC);

  /** The embedded server is process plumbing: it knows nothing of the stores, nor they of it. */
  @ArchTest
  static final ArchRule embedded_server_is_apart_from_the_stores =
      noClasses()
          .that()
          .resideInAPackage(EMBEDDED_SERVER)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(POSTGRES_STORES, APPLICATION, DOMAIN);

  @ArchTest
  static final ArchRule stores_do_not_depend_on_the_embedded_server =
      noClasses()
          .that()
          .resideInAPackage(POSTGRES_STORES)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(EMBEDDED_SERVER);

  @ArchTest
  static final ArchRule adapters_do_not_depend_on_application_services =
      noClasses()
          .that()
          .resideInAPackage("dev.agentcredits.adapter..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(SERVICE);

  @ArchTest
  static final ArchRule domain_packages_are_free_of_cycles =
      slices().matching("dev.agentcredits.domain.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule application_packages_are_free_of_cycles =
      slices().matching("dev.agentcredits.application.(**)").should().beFreeOfCycles();

  private static final ArchCondition<JavaClass> BE_AN_INTERFACE_RECORD_ENUM_OR_SEALED =
      new ArchCondition<>("be an interface, a record, an enum or a sealed type") {
        @Override
        public void check(JavaClass type, ConditionEvents events) {
          Class<?> reflected = type.reflect();
          boolean allowed =
              reflected.isInterface()
                  || reflected.isRecord()
                  || reflected.isEnum()
                  || reflected.isSealed();
          if (!allowed) {
            events.add(
                SimpleConditionEvent.violated(
                    type, type.getName() + " is a class that is neither a record, nor sealed"));
          }
        }
      };

  /** Today Emails, RequestKeys and ResponseBodies, helper classes, live in port.in. */
  @ArchTest
  static final ArchRule inbound_ports_hold_only_interfaces_records_enums_and_sealed_types =
      classes()
          .that()
          .resideInAPackage(PORT_IN)
          .and()
          .areNotAnonymousClasses()
          .and()
          .areNotLocalClasses()
          .should(BE_AN_INTERFACE_RECORD_ENUM_OR_SEALED);

  private static final int MAX_COLLABORATORS = 6;

  private static final ArchCondition<JavaClass> TAKE_AT_MOST_SIX_COLLABORATORS =
      new ArchCondition<>("take at most " + MAX_COLLABORATORS + " collaborators") {
        @Override
        public void check(JavaClass type, ConditionEvents events) {
          for (JavaConstructor constructor : type.getConstructors()) {
            int count = constructor.getRawParameterTypes().size();
            if (count > MAX_COLLABORATORS) {
              events.add(
                  SimpleConditionEvent.violated(
                      type,
                      constructor.getFullName()
                          + " takes "
                          + count
                          + " parameters, more than "
                          + MAX_COLLABORATORS));
            }
          }
        }
      };

  /**
   * A service with more collaborators does too much, or builds what bootstrap should give it
   * (records and nested value types are data, not services).
   */
  @ArchTest
  static final ArchRule services_take_at_most_six_collaborators =
      classes()
          .that()
          .resideInAPackage(SERVICE)
          .and()
          .areTopLevelClasses()
          .and()
          .areNotRecords()
          .and()
          .areNotEnums()
          .and()
          .areNotInterfaces()
          .should(TAKE_AT_MOST_SIX_COLLABORATORS);

  /** Each use case is given the stores it uses; the bundle is for the composition root only. */
  @ArchTest
  static final ArchRule use_cases_never_take_the_bundle_of_stores =
      noClasses()
          .that()
          .resideInAPackage(SERVICE)
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.agentcredits.application.port.out.Stores");
}
