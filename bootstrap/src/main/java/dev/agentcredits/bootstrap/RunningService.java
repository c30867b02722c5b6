package dev.agentcredits.bootstrap;

import dev.agentcredits.adapter.rest.RestApi;
import java.time.Clock;
import org.springframework.context.ConfigurableApplicationContext;

/** A started service: where it listens, its operator key, and how to stop it. */
public final class RunningService implements AutoCloseable {
  private final ConfigurableApplicationContext context;

  RunningService(ConfigurableApplicationContext context) {
    this.context = context;
  }

  public int port() {
    return context.getBean(RestApi.class).port();
  }

  public OperatorKey operatorKey() {
    return context.getBean(OperatorKey.class);
  }

  public Settings settings() {
    return context.getBean(Settings.class);
  }

  /** The one implementation of a use case's input port, e.g. {@code ProvisionTeamUseCase}. */
  <T> T useCase(Class<T> port) {
    return context.getBean(port);
  }

  StartupGate startupGate() {
    return context.getBean(StartupGate.class);
  }

  Clock clock() {
    return context.getBean(Clock.class);
  }

  /** Closes the service when the JVM is asked to stop (SIGTERM, Ctrl-C). */
  public void closeOnShutdown() {
    context.registerShutdownHook();
  }

  /** HTTP stops accepting and lets requests in flight finish; then relay, jobs and pools close. */
  @Override
  public void close() {
    context.close();
  }
}
