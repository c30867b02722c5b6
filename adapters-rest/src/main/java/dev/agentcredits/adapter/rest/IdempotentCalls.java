package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.ProblemType;
import dev.agentcredits.application.port.in.IdempotencyUseCase;
import dev.agentcredits.application.port.in.IdempotencyUseCase.Claim;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DOMAIN.md rule 18 over HTTP: a request with a key is claimed before it runs; its answer is kept
 * and given again, marked {@code Idempotent-Replayed: true}, to the same request under the same
 * key; another request under that key, or one while the first is running, is a conflict.
 *
 * <p>Answers that record something are kept: successes, a run refused for credits (the run exists,
 * FAILED) and a declined payment (the purchase exists, DECLINED). Other refusals changed nothing,
 * so the key is given up and a corrected retry may use it again; so it is when the work throws.
 */
final class IdempotentCalls {
  static final String REPLAYED = "Idempotent-Replayed";
  private static final Logger LOG = LoggerFactory.getLogger(IdempotentCalls.class);
  private static final Set<ProblemType> KEPT_REFUSALS =
      Set.of(ProblemType.INSUFFICIENT_CREDITS, ProblemType.PAYMENT_FAILED);

  private final IdempotencyUseCase idempotency;

  IdempotentCalls(IdempotencyUseCase idempotency) {
    this.idempotency = idempotency;
  }

  /** Runs {@code work} once per key; {@code key} null runs it unprotected. */
  Reply run(Exchange exchange, String key, Object request, Route.Action work) throws Exception {
    if (key == null) {
      return work.handle(exchange);
    }
    String scope = exchange.idempotencyScope();
    String fingerprint = fingerprint(request);
    return switch (idempotency.claim(scope, key, fingerprint)) {
      case Claim.Replay replay -> Reply.replay(replay.status(), replay.body());
      case Claim.Conflict conflict ->
          throw ProblemException.of(ProblemType.CONFLICT, conflict.detail());
      case Claim.InFlight inFlight ->
          throw ProblemException.of(ProblemType.CONFLICT, inFlight.detail());
      case Claim.Proceed proceed -> proceed(exchange, scope, key, work);
    };
  }

  private Reply proceed(Exchange exchange, String scope, String key, Route.Action work)
      throws Exception {
    Reply reply;
    try {
      reply = work.handle(exchange);
    } catch (Exception | Error e) {
      if (Problems.unavailable(e) != null) {
        // The store just failed: giving the key up now would wait for it a second time before
        // the client hears 503. Give it up in the background; if the store is still down, the
        // claim lapses as an abandoned one.
        Thread.ofVirtual().name("idempotency-release").start(() -> release(scope, key));
      } else {
        release(scope, key);
      }
      throw e;
    }
    if (!kept(reply)) {
      release(scope, key);
      return reply;
    }
    try {
      idempotency.complete(scope, key, reply.status(), reply.body() == null ? "" : reply.body());
    } catch (RuntimeException e) {
      // The work is done; a retry after the claim lapses finds the run or purchase by its key.
      LOG.warn(
          "trace_id={} could not store the answer under an idempotency key: {}",
          exchange.trace().traceId(),
          e.toString());
    }
    return reply;
  }

  private void release(String scope, String key) {
    try {
      idempotency.release(scope, key);
    } catch (RuntimeException e) {
      LOG.warn("could not release an idempotency key: {}", e.toString());
    }
  }

  private static boolean kept(Reply reply) {
    return reply.error() == null || KEPT_REFUSALS.contains(reply.error());
  }

  /** SHA-256 of the request as parsed, written back in its one canonical form. */
  static String fingerprint(Object request) {
    String canonical = Json.write(request);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
