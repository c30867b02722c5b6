package dev.agentcredits.reliability;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two instances of the real service on one PostgreSQL schema, each with its own connection pool,
 * workers and HTTP port, as two replicas behind a load balancer would run: whatever keeps credits
 * safe must hold across processes, not only inside one.
 */
final class TwoInstances implements BeforeAllCallback, AfterAllCallback {
  private final String prefix;
  private String schema;
  private InProcessService a;
  private InProcessService b;
  private Bank bank;

  TwoInstances(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    TestPostgres db = TestPostgres.get();
    schema = TestPostgres.uniqueName(prefix);
    a = InProcessService.on(db.urlFor("reliability-a"), schema).start();
    b = InProcessService.on(db.urlFor("reliability-b"), schema).start();
    bank = new Bank(db, db.urlFor("reliability-bank"), schema);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    for (AutoCloseable closeable : new AutoCloseable[] {bank, b, a}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        System.err.println("could not close " + closeable + ": " + e);
      }
    }
    if (schema != null) {
      TestPostgres.get().dropSchema(schema);
    }
  }

  Http a() {
    return a.http();
  }

  Http b() {
    return b.http();
  }

  List<Http> both() {
    return List.of(a.http(), b.http());
  }

  /** One of the two, at random: a load balancer's pick. */
  Http any() {
    return ThreadLocalRandom.current().nextBoolean() ? a.http() : b.http();
  }

  Tenants tenants() {
    return new Tenants(a.http(), InProcessService.OPERATOR_KEY);
  }

  Bank bank() {
    return bank;
  }

  String schema() {
    return schema;
  }

  /** Server errors and answers outside the OpenAPI document, from both instances. */
  List<String> violations() {
    return java.util.stream.Stream.concat(
            a.http().violations().stream(), b.http().violations().stream())
        .toList();
  }
}
