package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.Credits;
import java.util.Objects;

public record PurchaseAddOnCommand(
    Caller caller, PoolRef pool, Credits denomination, String requestKey) {
  public PurchaseAddOnCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(denomination, "denomination_credits is required");
    RequestKey.requireValid(requestKey);
  }
}
