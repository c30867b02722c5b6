package dev.agentcredits.application.service.shared;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.RequestKey;

/**
 * A client's key as runs and purchases store it under their unique constraint: {@link
 * RequestKey#scopedTo}, for keys that may be absent.
 */
public final class RequestKeys {
  private RequestKeys() {}

  public static String scoped(Caller caller, String key) {
    return key == null ? null : new RequestKey(key).scopedTo(caller);
  }
}
