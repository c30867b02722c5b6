package dev.agentcredits.application.port.in;

/** Revokes a team API key; it stops working at once. Answers the key id. */
public interface RevokeApiKeyUseCase {
  Outcome<String> revoke(RevokeApiKeyCommand command);
}
