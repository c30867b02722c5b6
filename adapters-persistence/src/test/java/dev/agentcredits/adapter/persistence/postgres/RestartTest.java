package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.adapter.persistence.embedded.EmbeddedDatabase;
import dev.agentcredits.application.testing.TestEventEncoder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Nothing lives only in a connection pool or in a server process: it is all in the database. */
class RestartTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Test
  void aNewConnectionPoolReadsBackEverythingTheLastOneWrote() {
    StoredState state;
    try (PostgresPersistence before = DB.open()) {
      state = StoredState.write(before.stores(), before.transactions());
    }

    try (PostgresPersistence after = DB.open()) {
      state.assertReadBackFrom(after.stores(), after.transactions());
    }
  }

  @Test
  void anEmbeddedServerStartedAgainOnItsDataDirectoryHasEverything(@TempDir Path dir) {
    Path data = dir.resolve("data");
    StoredState state;
    try (EmbeddedDatabase server = EmbeddedDatabase.start(data);
        PostgresPersistence before = connect(server)) {
      state = StoredState.write(before.stores(), before.transactions());
    }

    try (EmbeddedDatabase server = EmbeddedDatabase.start(data);
        PostgresPersistence after = connect(server)) {
      state.assertReadBackFrom(after.stores(), after.transactions());
    }
  }

  private static PostgresPersistence connect(EmbeddedDatabase server) {
    return PostgresPersistence.connect(
        server.jdbcUrl(), server.user(), server.password(), new TestEventEncoder());
  }
}
