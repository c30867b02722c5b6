package dev.agentcredits.application.port.in;

import java.util.List;

/**
 * DOMAIN.md rule 18 for adapters: claim a request key before doing the work, store the answer
 * after. {@code scope} separates callers and operations; {@code fingerprint} identifies the
 * request.
 */
public interface IdempotencyUseCase {
  Claim claim(String scope, String key, String fingerprint);

  void complete(String scope, String key, int status, String body);

  void release(String scope, String key);

  /**
   * Claims several distinct keys of one scope in one transaction, for adapters that take requests
   * in batches; one claim per request, in order.
   */
  List<Claim> claimAll(String scope, List<Request> requests);

  /** Stores several answers in one transaction. */
  void completeAll(String scope, List<Completion> completions);

  /** Gives several keys up in one transaction. */
  void releaseAll(String scope, List<String> keys);

  /** A key to claim and the fingerprint of its request. */
  record Request(String key, String fingerprint) {}

  /** The answer to store under a key. */
  record Completion(String key, int status, String body) {}

  sealed interface Claim {
    /** The key is new: do the work, then complete or release it. */
    record Proceed() implements Claim {}

    /** The same request was answered before: answer it again. */
    record Replay(int status, String body) implements Claim {}

    /** The key was used for a different request. */
    record Conflict(String detail) implements Claim {}

    /**
     * The same request is still being worked on (by this or a crashed instance): a caller may
     * answer conflict, or wait and claim again.
     */
    record InFlight(String detail) implements Claim {}
  }
}
