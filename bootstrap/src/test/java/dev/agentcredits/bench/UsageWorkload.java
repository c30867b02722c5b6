package dev.agentcredits.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.StringJoiner;

/**
 * Usage reports (operator key, 1 credit each, every usage id new) against runs submitted on an
 * ENTERPRISE team's pool before anything is measured, round robin over the runs: {@code
 * usage-single} sends one per call ({@code POST /agent/tasks/{id}/usage}), {@code usage-batch}
 * sends {@value #BATCH} per call ({@code POST /usage-events}) and is rated in events per second.
 * Only the usage calls are timed. After the measurement a few events answered 200 are sent again:
 * they must be answered 200 again and change nothing.
 */
final class UsageWorkload implements Workload {
  static final String EVENTS = "/api/v1/usage-events";
  static final int BATCH = 100;
  static final long CREDITS = 1;

  private final String name;
  private final int perCall;
  private final String prefix;
  private final UsageTally tally = new UsageTally();
  private Provisioning.HotTeam team;
  private List<String> tasks = List.of();
  private Load.Result warmup;
  private Load.Result measured;
  private long replayed;
  private long replayedOk;

  private UsageWorkload(String name, int perCall, String prefix) {
    this.name = name;
    this.perCall = perCall;
    this.prefix = prefix;
    this.warmup = Load.Result.empty("warmup-" + name);
    this.measured = Load.Result.empty(name);
  }

  static UsageWorkload single() {
    return new UsageWorkload("usage-single", 1, "us-");
  }

  static UsageWorkload batch() {
    return new UsageWorkload("usage-batch", BATCH, "ub-");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void provision(Provisioning provisioning, BenchOptions options) throws Exception {
    team = provisioning.enterprise("bench-" + name);
    tasks = provisioning.runs(team, options.usageRuns());
  }

  @Override
  public Load.Result run(Http http, BenchOptions options, CpuMeter meter) throws Exception {
    Load.Step step = (n, calls) -> send(calls, tally.take(perCall));
    warmup = Workload.warmUp(name, http, options, step);
    long before = tally.ok();
    measured = Workload.measure(name, http, options, meter, options.maxRequests(), step);
    if (perCall > 1) {
      measured = measured.withEvents(tally.ok() - before);
    }
    replay(http);
    return measured;
  }

  private void send(Load.Calls calls, long first) throws InterruptedException {
    if (perCall == 1) {
      Http.Answer answer =
          calls.post(
              Bench.SUBMIT + "/" + task(first) + "/usage", Service.OPERATOR_KEY, usage(first));
      tally(first, answer == null ? -1 : answer.status());
      return;
    }
    long[] events = new long[perCall];
    for (int i = 0; i < perCall; i++) {
      events[i] = first + i;
    }
    Http.Answer answer = calls.post(EVENTS, Service.OPERATOR_KEY, batch(events));
    JsonNode results = answer == null || answer.status() != 200 ? null : results(answer, perCall);
    for (int i = 0; i < perCall; i++) {
      int status;
      if (answer == null || answer.status() == 200 && results == null) {
        status = -1; // no answer, or not one result per event: nothing known
      } else if (results == null) {
        status = answer.status();
      } else {
        JsonNode r = results.get(i);
        boolean same = r.path("usage_id").asText().equals(prefix + events[i]);
        status = same ? r.path("status").asInt(-1) : -1;
      }
      tally(events[i], status);
    }
  }

  /** The results array when it has one result per event, else null (then nothing is known). */
  private static JsonNode results(Http.Answer answer, int events) {
    JsonNode results = answer.json().path("results");
    return results.isArray() && results.size() == events ? results : null;
  }

  /** 200 charged; a 4xx refused; a 5xx or no answer at all may or may not have been charged. */
  private void tally(long event, int status) {
    if (status == 200) {
      tally.answered(event);
    } else if (status >= 400 && status < 500) {
      tally.refused(1);
    } else {
      tally.unknown(1);
    }
  }

  /** Sends again, untimed, a few events already answered 200 (one batch, or 20 single calls). */
  private void replay(Http http) throws IOException, InterruptedException {
    int count = perCall == 1 ? 20 : perCall;
    long[] events = tally.answeredEvents().stream().limit(count).asLongStream().toArray();
    replayed = events.length;
    if (perCall == 1) {
      for (long event : events) {
        String path = Bench.SUBMIT + "/" + task(event) + "/usage";
        replayedOk += http.post(path, Service.OPERATOR_KEY, usage(event)).status() == 200 ? 1 : 0;
      }
    } else if (events.length > 0) {
      Http.Answer answer = http.post(EVENTS, Service.OPERATOR_KEY, batch(events));
      JsonNode results = answer.status() == 200 ? results(answer, events.length) : null;
      for (int i = 0; results != null && i < events.length; i++) {
        replayedOk += results.get(i).path("status").asInt() == 200 ? 1 : 0;
      }
    }
  }

  private String task(long event) {
    return tasks.get((int) (event % tasks.size()));
  }

  private String usage(long event) {
    return "{\"usage_id\": \"%s%d\", \"credits\": %d}".formatted(prefix, event, CREDITS);
  }

  private String batch(long[] events) {
    StringJoiner json = new StringJoiner(", ", "{\"events\": [", "]}");
    for (long event : events) {
      json.add(
          "{\"task_id\": \"%s\", \"usage_id\": \"%s%d\", \"credits\": %d}"
              .formatted(task(event), prefix, event, CREDITS));
    }
    return json.toString();
  }

  @Override
  public void check(Invariants inv) throws Exception {
    new UsageChecks(inv, name, prefix, tasks, CREDITS)
        .check(team.poolId(), tally, warmup, measured, replayed, replayedOk);
  }
}
