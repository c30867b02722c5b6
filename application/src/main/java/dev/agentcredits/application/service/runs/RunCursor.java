package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.out.RunListing;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.RunId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** The opaque {@code next_cursor} of a run list: the last run's position, base64url-encoded. */
final class RunCursor {
  private RunCursor() {}

  static String of(Run last) {
    String position = last.createdAt() + "|" + last.id().value();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  /** Null for the first page; anything that is not a cursor this class made is refused. */
  static RunListing.Position parse(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = position.indexOf('|');
      return new RunListing.Position(
          Instant.parse(position.substring(0, bar)), new RunId(position.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw Guard.refuse(Refusal.invalid("cursor must be a next_cursor from an earlier page"));
    }
  }
}
