package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.application.port.out.contract.TestData.T0;
import static dev.agentcredits.application.port.out.contract.WriteBatchBuilder.aBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.out.contract.TestData;
import dev.agentcredits.application.port.out.contract.World;
import dev.agentcredits.domain.pool.Pool;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The schema refuses what the domain forbids, whoever writes: the last line of defence. */
class SchemaGuardsTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  private final PostgresPersistence first = DB.persistence();

  @Test
  void theLedgerRefusesUpdatesDeletesAndTruncation() throws SQLException {
    World world = World.create(first.stores(), first.transactions());
    aBatch()
        .pool(world.ownerPool(), null)
        .postings(List.of(TestData.credited(world.ownerPool().id(), "p", 5, T0)))
        .writeTo(first.stores().batches());

    for (String change :
        List.of(
            "UPDATE ledger_postings SET credits = 6",
            "DELETE FROM ledger_postings",
            "TRUNCATE ledger_postings")) {
      assertThatThrownBy(() -> execute(change))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
    assertThat(first.stores().ledger().ofPool(world.ownerPool().id())).hasSize(1);
  }

  @Test
  void theSchemaRefusesASourceHoldingMoreThanItHasAndNegativeArrears() throws SQLException {
    World world = World.create(first.stores(), first.transactions());
    Pool credited = world.ownerPool().credit(TestData.plan("plan-1", 100, 0), "refresh", T0).pool();
    aBatch().pool(credited, null).writeTo(first.stores().batches());

    assertThatThrownBy(() -> execute("UPDATE credit_sources SET reserved = remaining + 1"))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
    assertThatThrownBy(() -> execute("UPDATE pools SET arrears = -1"))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DB.jdbc();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
