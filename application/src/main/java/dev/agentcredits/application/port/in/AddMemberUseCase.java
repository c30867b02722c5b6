package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.IssuedMemberView;

public interface AddMemberUseCase {
  Outcome<IssuedMemberView> add(AddMemberCommand command);
}
