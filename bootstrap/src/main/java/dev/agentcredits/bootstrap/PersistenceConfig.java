package dev.agentcredits.bootstrap;

import dev.agentcredits.adapter.memory.InMemoryPersistence;
import dev.agentcredits.adapter.persistence.embedded.EmbeddedDatabase;
import dev.agentcredits.adapter.persistence.postgres.PostgresPersistence;
import dev.agentcredits.adapter.wire.CloudEventEncoder;
import dev.agentcredits.application.port.out.EventEncoder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The store: embedded PostgreSQL, an external PostgreSQL, or memory. Its outbox keeps each event as
 * the CloudEvent it is published as.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfig {

  @Bean
  EventEncoder eventEncoder() {
    return new CloudEventEncoder();
  }

  @Bean(destroyMethod = "close")
  StoreBackend storeBackend(Settings settings, EventEncoder events) {
    return switch (settings.store()) {
      case MEMORY -> {
        var memory = new InMemoryPersistence(events);
        yield new StoreBackend(
            "memory", memory.stores(), memory.transactions(), () -> true, () -> {});
      }
      case POSTGRES -> {
        var postgres =
            connect(settings.dbUrl(), settings.dbUser(), settings.dbPassword(), settings, events);
        yield new StoreBackend(
            "postgres",
            postgres.stores(),
            postgres.transactions(),
            postgres::isHealthy,
            postgres::close);
      }
      case EMBEDDED -> {
        var database = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"));
        PostgresPersistence postgres;
        try {
          postgres =
              connect(database.jdbcUrl(), database.user(), database.password(), settings, events);
        } catch (RuntimeException e) {
          database.close();
          throw e;
        }
        yield new StoreBackend(
            "embedded",
            postgres.stores(),
            postgres.transactions(),
            postgres::isHealthy,
            () -> {
              postgres.close();
              database.close();
            });
      }
    };
  }

  private static PostgresPersistence connect(
      String url, String user, String password, Settings settings, EventEncoder events) {
    return settings.dbSchema().isPresent()
        ? PostgresPersistence.connect(url, user, password, settings.dbSchema().get(), events)
        : PostgresPersistence.connect(url, user, password, events);
  }
}
