package dev.agentcredits.application.service.shared;

import dev.agentcredits.application.port.in.Caller;

/**
 * A client's idempotency key belongs to that client: two members may both send "abc". Stores keep
 * keys unique per team, so the key they see is prefixed with who sent it.
 */
public final class RequestKeys {
  private RequestKeys() {}

  public static String scoped(Caller caller, String key) {
    if (key == null) {
      return null;
    }
    String owner =
        switch (caller) {
          case Caller.Operator o -> "operator";
          case Caller.Integration i -> "integration";
          case Caller.MemberKey m -> "member:" + m.member().value();
          case Caller.TeamKey k -> "key:" + k.key().value();
        };
    return owner + "|" + key;
  }
}
