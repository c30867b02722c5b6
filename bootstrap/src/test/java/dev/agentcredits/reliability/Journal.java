package dev.agentcredits.reliability;

import dev.agentcredits.reliability.Call.Kind;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Every call a load made, with its answers, and the two checks made against the database: each call
 * answered 2xx is in the ledger, and no key made more than one effect.
 */
final class Journal {
  private final TestPostgres db;
  private final String url;
  private final String schema;
  private final List<Call> calls;

  Journal(TestPostgres db, String url, String schema) {
    this(db, url, schema, new CopyOnWriteArrayList<>());
  }

  private Journal(TestPostgres db, String url, String schema, List<Call> calls) {
    this.db = db;
    this.url = url;
    this.schema = schema;
    this.calls = calls;
  }

  /** The same calls, checked on another server (an embedded store's port changes at each start). */
  Journal on(TestPostgres otherDb, String otherUrl) {
    return new Journal(otherDb, otherUrl, schema, calls);
  }

  void add(Call call) {
    calls.add(call);
  }

  /**
   * Records the call, then sends it; an accepted submit's task joins {@code accepted}, for the
   * usage reports and completions of the load.
   */
  Answer send(Call call, Http http, Queue<String> accepted) {
    add(call);
    Answer answer = call.send(http);
    if (call.kind == Kind.SUBMIT && answer.status() == 201) {
      accepted.add(answer.text("task_id"));
    }
    return answer;
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  int size() {
    return calls.size();
  }

  List<Call> since(int index) {
    // A sub-list of a CopyOnWriteArrayList fails when a call is journalled while it is copied:
    // take one snapshot, then cut it.
    List<Call> all = List.copyOf(calls);
    return all.subList(Math.min(index, all.size()), all.size());
  }

  List<Call> matching(Predicate<Call> filter) {
    return calls.stream().filter(filter).toList();
  }

  /** Calls answered 2xx whose effect the database does not hold. */
  List<String> missingFromLedger() {
    List<String> missing = new ArrayList<>();
    try (Connection c = db.connect(url)) {
      for (Call call : calls) {
        Answer ok = call.success();
        if (ok != null && !inLedger(c, call, ok)) {
          missing.add(call.toString());
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return missing;
  }

  private boolean inLedger(Connection c, Call call, Answer ok) throws SQLException {
    String s = schema;
    return switch (call.kind) {
      case SUBMIT ->
          count(
                  c,
                  "SELECT count(*) FROM "
                      + s
                      + ".ledger_postings WHERE kind = 'RESERVED'"
                      + " AND run_id = ?",
                  ok.text("task_id"))
              > 0;
      case USAGE ->
          count(
                  c,
                  "SELECT coalesce(sum(credits), 0) FROM "
                      + s
                      + ".ledger_postings"
                      + " WHERE run_id = ? AND reference = ?"
                      + " AND kind IN ('CHARGED_FROM_HOLD', 'CHARGED', 'ARREARS_INCURRED')",
                  call.path.split("/")[5],
                  call.idempotencyKey)
              == credits(call.body);
      case COMPLETE ->
          count(
                  c,
                  "SELECT count(*) FROM " + s + ".runs WHERE run_id = ? AND state = 'SUCCEEDED'",
                  ok.text("task_id"))
              == 1;
      case PURCHASE ->
          count(
                  c,
                  "SELECT count(*) FROM "
                      + s
                      + ".ledger_postings WHERE kind = 'CREDITED'"
                      + " AND reference = ?",
                  ok.text("purchase_id"))
              == 1;
    };
  }

  /** Keys that made more than one effect, or succeeded without one, or answered two successes. */
  List<String> effectsNotOnce() {
    List<String> wrong = new ArrayList<>();
    try (Connection c = db.connect(url)) {
      for (Call call : calls) {
        if (call.idempotencyKey == null) {
          continue;
        }
        long effects =
            switch (call.kind) {
              case SUBMIT ->
                  count(
                      c,
                      "SELECT count(*) FROM " + schema + ".runs" + " WHERE request_key LIKE ?",
                      "%|" + call.idempotencyKey);
              case PURCHASE ->
                  count(
                      c,
                      "SELECT count(*) FROM " + schema + ".purchases" + " WHERE request_key LIKE ?",
                      "%|" + call.idempotencyKey);
              case USAGE ->
                  count(
                      c,
                      "SELECT count(*) FROM " + schema + ".run_usage" + " WHERE usage_id = ?",
                      call.idempotencyKey);
              case COMPLETE -> 0;
            };
        Answer ok = call.success();
        if (effects > 1 || (ok != null && effects != 1)) {
          wrong.add(effects + " effects: " + call);
        }
        long distinct =
            call.answers().stream().filter(Answer::ok).map(Answer::body).distinct().count();
        if (distinct > 1 && call.kind != Kind.USAGE) {
          wrong.add("two different successes: " + call);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return wrong;
  }

  private static long count(Connection c, String sql, Object... params) throws SQLException {
    Object value = TestPostgres.query(c, sql, params).getFirst().values().iterator().next();
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static long credits(String body) {
    try {
      return Answer.JSON.readTree(body).path("credits").asLong();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
