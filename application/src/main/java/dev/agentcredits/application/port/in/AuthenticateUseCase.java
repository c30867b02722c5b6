package dev.agentcredits.application.port.in;

import java.util.Optional;

/** Turns a bearer key into a caller; unknown, revoked and malformed keys alike give nothing. */
public interface AuthenticateUseCase {
  Optional<Caller> authenticate(String bearerKey);
}
