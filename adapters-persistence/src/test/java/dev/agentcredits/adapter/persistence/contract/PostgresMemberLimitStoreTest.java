package dev.agentcredits.adapter.persistence.contract;

import dev.agentcredits.adapter.persistence.postgres.PostgresSchema;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.port.out.contract.MemberLimitStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresMemberLimitStoreTest extends MemberLimitStoreContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected Stores stores() {
    return DB.persistence().stores();
  }

  @Override
  protected TransactionRunner tx() {
    return DB.persistence().transactions();
  }
}
