package dev.agentcredits.bootstrap;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The runnable service: settings from the environment and flags, an explicitly wired Spring context
 * (no component scan), closed on SIGTERM. Bad settings exit with status 2, a failed start with
 * status 1.
 */
public final class AgentCreditsApplication {
  private static final Logger LOG = LoggerFactory.getLogger(AgentCreditsApplication.class);

  private AgentCreditsApplication() {}

  public static void main(String[] args) {
    if (List.of(args).contains("--help")) {
      System.out.print(Settings.usage());
      return;
    }
    Settings settings;
    try {
      settings = Settings.parse(System.getenv(), List.of(args));
    } catch (SettingsException e) {
      System.err.println("agent-credits: " + e.getMessage());
      System.err.print(Settings.usage());
      System.exit(2);
      return;
    }
    RunningService service;
    try {
      service = start(settings);
    } catch (RuntimeException e) {
      LOG.error("agent-credits could not start", e);
      System.err.println("agent-credits: could not start: " + rootMessage(e));
      System.exit(1);
      return;
    }
    service.closeOnShutdown();
    banner(service, System.out);
    if (settings.demo()) {
      boolean simulated = settings.payments().gateway() == PaymentSettings.Gateway.SIMULATED;
      var demo = DemoSeed.provision(service, service.clock(), simulated);
      DemoSeed.print(demo, service.port(), service.operatorKey(), System.out);
      service.startupGate().open();
    }
  }

  /** Builds and starts the service; throws if any part cannot start (nothing is left running). */
  public static RunningService start(Settings settings) {
    var context = new AnnotationConfigApplicationContext();
    context.registerBean(Settings.class, () -> settings);
    context.registerBean(StartupGate.class, StartupGate::new);
    context.addApplicationListener((ContextClosedEvent closed) ->
        LOG.info(
            "stopping: HTTP stops accepting, requests in flight finish, then jobs and pools close"));
    context.register(
        PersistenceConfig.class,
        PaymentsConfig.class,
        SecurityConfig.class,
        StorePortsConfig.class,
        CoreConfig.class,
        RunsConfig.class,
        BillingConfig.class,
        MemberLimitsConfig.class,
        ProvisioningConfig.class,
        MessagingConfig.class,
        AlertsConfig.class,
        RouteGroupsConfig.class,
        WebhooksConfig.class,
        WebConfig.class);
    context.refresh();
    var service = new RunningService(context);
    if (!settings.demo()) {
      // with --demo, ready once the demo teams are there (main opens it)
      service.startupGate().open();
    }
    return service;
  }

  private static void banner(RunningService service, PrintStream out) {
    Settings s = service.settings();
    String base = "http://localhost:" + service.port();
    out.printf(
        "%nAgent Credits is listening on %s (store %s, broker %s, clock %s)%n",
        base,
        s.store().name().toLowerCase(Locale.ROOT),
        s.broker().name().toLowerCase(Locale.ROOT),
        s.clock().name().toLowerCase(Locale.ROOT));
    OperatorKey key = service.operatorKey();
    if (key.generated()) {
      out.printf(
          "Operator key: %s%n  (generated for this run; set AGENT_CREDITS_OPERATOR_KEY to keep one)%n",
          key.value());
    } else {
      out.println("Operator key: the one in AGENT_CREDITS_OPERATOR_KEY");
    }
    out.printf("Billing page: %s/billing%n", base);
    out.printf("API docs: %s/docs  OpenAPI: %s/api/v1/openapi.json%n", base, base);
    out.printf("Health: %s/health/ready  Metrics: %s/metrics%n", base, base);
  }

  /** The causes' own messages, without Spring's wrapping and without repeats. */
  static String rootMessage(Throwable e) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      boolean wrapper = t.getClass().getName().startsWith("org.springframework.");
      if (message != null && !wrapper && messages.stream().noneMatch(m -> m.contains(message))) {
        messages.add(message);
      }
    }
    return messages.isEmpty() ? e.toString() : String.join(": ", messages);
  }
}
