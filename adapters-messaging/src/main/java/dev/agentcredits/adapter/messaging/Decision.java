package dev.agentcredits.adapter.messaging;

import dev.agentcredits.adapter.wire.ProblemType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What to do with a command message once it has been handled. */
sealed interface Decision {
  /**
   * Reply with {@code body} (the REST body) and {@code status}, then acknowledge. {@code error} is
   * null for a success; {@code replayed} says the answer was stored by an earlier delivery.
   */
  record Answer(int status, Map<String, Object> body, ProblemType error, boolean replayed)
      implements Decision {
    public Answer {
      body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /** The reply message: the REST body plus {@code http_status}. */
    Map<String, Object> reply() {
      Map<String, Object> reply = new LinkedHashMap<>(body);
      reply.put("http_status", status);
      return reply;
    }
  }

  /**
   * Move the message to the dead-letter queue with {@code reason}; a sender waiting on a reply gets
   * {@code answer}.
   */
  record DeadLetter(String reason, Answer answer) implements Decision {}

  /**
   * Put the message back on the queue after a pause: its command_id is still being handled (by an
   * earlier delivery, or an instance that crashed), and answering {@code conflict} would be wrong.
   */
  record Requeue(String reason) implements Decision {}
}
