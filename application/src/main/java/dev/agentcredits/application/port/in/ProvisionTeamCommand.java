package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.team.Plan;
import java.util.Objects;

public record ProvisionTeamCommand(Caller caller, String name, Plan plan, String ownerEmail) {
  public ProvisionTeamCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(plan, "plan is required");
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("name must be 1-200 characters");
    }
    Text.requirePlain(name, "name");
    Email.requireValid(ownerEmail, "owner_email");
  }
}
