package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.Problem;
import dev.agentcredits.adapter.wire.ProblemType;
import dev.agentcredits.application.port.in.AuthenticateUseCase;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.RequestKey;
import dev.agentcredits.application.port.in.Text;
import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One request as the handlers see it: who calls, its path ids and body, and how to answer. Every
 * value it hands out has been checked; anything invalid stops the request with a problem.
 */
final class Exchange {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Context ctx;
  private final Trace trace;
  private final AuthenticateUseCase authentication;
  private final int maxBodyBytes;
  private Caller caller;

  Exchange(Context ctx, Trace trace, AuthenticateUseCase authentication, int maxBodyBytes) {
    this.ctx = ctx;
    this.trace = trace;
    this.authentication = authentication;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The caller the bearer key names; a missing, malformed, unknown or revoked key is refused. */
  Caller caller() {
    if (caller == null) {
      caller = authenticate();
    }
    return caller;
  }

  /** The key of a well-formed {@code Authorization: Bearer <key>} header; null if there is none. */
  String bearerKey() {
    String authorization = ctx.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String key = authorization.substring(7).trim();
      if (!key.isEmpty() && key.chars().noneMatch(Character::isWhitespace)) {
        return key;
      }
    }
    return null;
  }

  private Caller authenticate() {
    String key = bearerKey();
    if (key != null) {
      var found = authentication.authenticate(key);
      if (found.isPresent()) {
        return found.get();
      }
    }
    ctx.header("WWW-Authenticate", "Bearer");
    throw ProblemException.of(
        ProblemType.AUTHENTICATION_REQUIRED,
        "send a valid, unrevoked API key as Authorization: Bearer <key>");
  }

  <T> T body(Class<T> type) {
    return body(type, maxBodyBytes);
  }

  /** The body, for an endpoint whose bodies may be larger than others' (a batch, say). */
  <T> T body(Class<T> type, int maxBytes) {
    try {
      return BodyReader.read(
          ctx.contentType(),
          ctx.req().getContentLengthLong(),
          ctx.req().getInputStream(),
          Math.max(maxBytes, maxBodyBytes),
          type);
    } catch (IOException e) {
      throw ProblemException.invalid("the request body could not be read");
    }
  }

  /**
   * The body exactly as sent (a signed webhook is verified over these bytes); a body over {@code
   * maxBytes} is {@code 413}, refused before more than that is read.
   */
  String rawBody(int maxBytes) {
    ProblemException tooLarge =
        ProblemException.of(
            ProblemType.REQUEST_TOO_LARGE,
            "the request body is larger than %,d bytes".formatted(maxBytes));
    if (ctx.req().getContentLengthLong() > maxBytes) {
      throw tooLarge;
    }
    byte[] bytes;
    try {
      bytes = ctx.req().getInputStream().readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw ProblemException.invalid("the request body could not be read");
    }
    if (bytes.length > maxBytes) {
      throw tooLarge;
    }
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  String header(String name) {
    return ctx.header(name);
  }

  /** A path parameter as sent; the use case checks it. */
  String pathParam(String name) {
    return ctx.pathParam(name);
  }

  PurchaseId purchaseId() {
    return valid(() -> new PurchaseId(ctx.pathParam("purchase_id")));
  }

  /** Builds a command or value; what its constructor rejects is the client's mistake. */
  static <T> T valid(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ProblemException.invalid(
          e.getMessage() == null ? "a parameter is invalid" : e.getMessage());
    }
  }

  TeamId team() {
    return valid(() -> new TeamId(ctx.pathParam("team_id")));
  }

  RunId task() {
    return valid(() -> new RunId(ctx.pathParam("task_id")));
  }

  ApiKeyId keyId() {
    return valid(() -> new ApiKeyId(ctx.pathParam("key_id")));
  }

  /** The member named in the path, by id. */
  MemberId member() {
    return valid(() -> new MemberId(ctx.pathParam("member_id")));
  }

  /** The member named in the path; null for {@code me}, the caller's own pool. */
  MemberId memberOrMe() {
    String member = ctx.pathParam("member_id");
    return member.equals("me") ? null : valid(() -> new MemberId(member));
  }

  String query(String name) {
    String value = ctx.queryParam(name);
    return valid(() -> Text.requirePlain(value, name));
  }

  /** The {@code limit} query parameter, from 1 to {@code max}; {@code fallback} when absent. */
  int limit(int fallback, int max) {
    String value = ctx.queryParam("limit");
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("limit must be a whole number from 1 to " + max);
    }
  }

  /** A date query parameter, {@code YYYY-MM-DD}; null when absent. */
  LocalDate date(String name) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(name + " must be a date, YYYY-MM-DD (a UTC day)");
    }
  }

  /** The {@code Idempotency-Key} header, checked; null when the client sent none. */
  String idempotencyKey() {
    String key = ctx.header(IDEMPOTENCY_KEY);
    if (key == null) {
      return null;
    }
    valid(() -> {
      RequestKey.requireValid(key);
      return key;
    });
    return key;
  }

  /** The value as {@code status} with the body made from it (204: none), or the refusal. */
  <T> Reply reply(Outcome<T> outcome, int status, Function<T, Object> body) {
    Reply reply =
        switch (outcome) {
          case Outcome.Ok<T> ok ->
              status == 204 ? Reply.noContent() : Reply.json(status, body.apply(ok.value()));
          case Outcome.Refused<T> refused ->
              Problems.of(Problem.of(refused.refusal()), path(), trace.traceId());
        };
    return reply.replayedIf(outcome.replayed());
  }

  static Credits credits(long value, String field) {
    if (value < 0) {
      throw ProblemException.invalid(field + " must not be negative");
    }
    return Credits.of(value);
  }

  static Money cents(long value, String field) {
    if (value < 0) {
      throw ProblemException.invalid(field + " must not be negative");
    }
    return Money.cents(value);
  }

  String path() {
    return ctx.path();
  }

  Trace trace() {
    return trace;
  }
}
