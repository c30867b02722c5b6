package dev.agentcredits.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One client request that changes something, kept with every answer it got, so that it can be sent
 * again exactly (same key, same body) and its effect looked up in the ledger afterwards.
 */
final class Call {
  enum Kind {
    SUBMIT,
    USAGE,
    COMPLETE,
    PURCHASE
  }

  final Kind kind;
  final String method;
  final String path;
  final String key;
  final String body;

  /** The Idempotency-Key (or the usage id, which is the key of a usage report); null for none. */
  final String idempotencyKey;

  private final List<Answer> answers = new ArrayList<>();

  Call(Kind kind, String method, String path, String key, String body, String idempotencyKey) {
    this.kind = kind;
    this.method = method;
    this.path = path;
    this.key = key;
    this.body = body;
    this.idempotencyKey = idempotencyKey;
  }

  /** A submit under an Idempotency-Key of its own. */
  static Call submit(String key, String prompt) {
    return new Call(
        Kind.SUBMIT,
        "POST",
        "/api/v1/agent/tasks",
        key,
        "{\"prompt\": \"%s\"}".formatted(prompt),
        "sub-" + UUID.randomUUID());
  }

  /** A usage report with a usage id of its own. */
  static Call usage(String task, String reporterKey, long credits) {
    String usage = "use-" + UUID.randomUUID();
    return new Call(
        Kind.USAGE,
        "POST",
        "/api/v1/agent/tasks/" + task + "/usage",
        reporterKey,
        "{\"usage_id\": \"%s\", \"credits\": %d}".formatted(usage, credits),
        usage);
  }

  static Call complete(String task, String key) {
    return new Call(
        Kind.COMPLETE, "POST", "/api/v1/agent/tasks/" + task + "/complete", key, null, null);
  }

  /** Sends the call (again) and keeps the answer. */
  Answer send(Http http) {
    Map<String, String> headers =
        idempotencyKey == null || kind == Kind.USAGE
            ? Map.of()
            : Map.of("Idempotency-Key", idempotencyKey);
    Answer answer = http.send(method, path, key, headers, body);
    synchronized (this) {
      answers.add(answer);
    }
    return answer;
  }

  synchronized List<Answer> answers() {
    return List.copyOf(answers);
  }

  synchronized Answer last() {
    return answers.getLast();
  }

  /** The first success, if any. */
  synchronized Answer success() {
    return answers.stream().filter(Answer::ok).findFirst().orElse(null);
  }

  /**
   * No answer yet tells what happened: none came, the first try is still "in flight", or a
   * dependency was down; a client sends such a call again under the same key.
   */
  synchronized boolean unresolved() {
    Answer last = answers.getLast();
    return !last.answered()
        || last.code().equals("conflict")
        || last.code().equals("resource_unavailable");
  }

  @Override
  public String toString() {
    return kind + " " + method + " " + path + " key=" + idempotencyKey + " " + answers;
  }
}
