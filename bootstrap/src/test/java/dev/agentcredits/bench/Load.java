package dev.agentcredits.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: {@code clients} threads each run one step after another, with no pause, until
 * the time is up or the workload has run its number of steps (each step numbered once, so a bound
 * is never overshot). Every HTTP call a step makes is timed and counted by status; a call that
 * fails without an answer (timeout, broken connection) counts as an error, its outcome unknown.
 */
final class Load {
  private Load() {}

  /** One iteration of a workload; {@code n} numbers the iterations from 0 across all clients. */
  @FunctionalInterface
  interface Step {
    void run(long n, Calls calls) throws IOException, InterruptedException;
  }

  /** The HTTP calls of one client, timed. */
  static final class Calls {
    private final Http http;
    final Latencies latencies = new Latencies();
    final Map<Integer, Long> statuses = new TreeMap<>();
    long errors;
    long sent;

    Calls(Http http) {
      this.http = http;
    }

    /** The answer, or null when the call failed without one (counted as an error). */
    Http.Answer post(String path, String key, String json) throws InterruptedException {
      return post(path, key, json, null);
    }

    Http.Answer post(String path, String key, String json, String idempotencyKey)
        throws InterruptedException {
      sent++;
      long start = System.nanoTime();
      try {
        Http.Answer answer = http.post(path, key, json, idempotencyKey);
        latencies.add(System.nanoTime() - start);
        statuses.merge(answer.status(), 1L, Long::sum);
        return answer;
      } catch (IOException e) {
        errors++;
        return null;
      }
    }
  }

  /**
   * What a workload did: calls by status, errors, latencies, and how long it ran; {@code events}
   * counts the items answered 200 when one call carries many (usage batches), else it is -1.
   */
  record Result(
      String name,
      int clients,
      long requests,
      Map<Integer, Long> statuses,
      long errors,
      Latencies latencies,
      long elapsedNanos,
      CpuMeter.Usage cpu,
      long events) {

    Result withCpu(CpuMeter.Usage usage) {
      return new Result(
          name, clients, requests, statuses, errors, latencies, elapsedNanos, usage, events);
    }

    Result withEvents(long count) {
      return new Result(
          name, clients, requests, statuses, errors, latencies, elapsedNanos, cpu, count);
    }

    boolean countsEvents() {
      return events >= 0;
    }

    /** The workload's rate: events answered 200 per second when it counts them, else 2xx calls. */
    double rate() {
      return countsEvents() ? perSecond(events) : okPerSecond();
    }

    private double perSecond(long count) {
      return elapsedNanos == 0 ? 0 : count / (elapsedNanos / 1e9);
    }

    /** The service's CPU time per accepted request, in milliseconds. */
    double serviceCpuMillisPerOk() {
      return ok() == 0 ? 0 : cpu.service() * 1000 / ok();
    }

    /** Database commits per request answered 2xx (each of the meter's own reads is one too). */
    double commitsPerOk() {
      return ok() == 0 ? 0 : (double) cpu.commits() / ok();
    }

    static Result empty(String name) {
      return new Result(name, 0, 0, Map.of(), 0, new Latencies(), 0, CpuMeter.Usage.NONE, -1);
    }

    long ok() {
      return statuses.entrySet().stream()
          .filter(e -> e.getKey() >= 200 && e.getKey() < 300)
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    long withStatus(int status) {
      return statuses.getOrDefault(status, 0L);
    }

    double okPerSecond() {
      return perSecond(ok());
    }
  }

  static Result run(
      String name, Http http, int clients, Duration duration, long maxSteps, Step step)
      throws InterruptedException {
    AtomicLong iterations = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    List<Calls> perClient = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < clients; i++) {
      Calls calls = new Calls(http);
      perClient.add(calls);
      Thread thread =
          Thread.ofPlatform()
              .name("bench-" + name + "-" + i)
              .start(() -> {
                try {
                  while (System.nanoTime() < deadline) {
                    long n = iterations.getAndIncrement();
                    if (n >= maxSteps) {
                      break;
                    }
                    step.run(n, calls);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (Throwable t) {
                  failures.add(t);
                }
              });
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long elapsed = System.nanoTime() - start;
    if (!failures.isEmpty()) {
      IllegalStateException e = new IllegalStateException("workload " + name + " failed");
      failures.forEach(e::addSuppressed);
      throw e;
    }
    Latencies latencies = new Latencies();
    Map<Integer, Long> statuses = new TreeMap<>();
    long errors = 0;
    long requests = 0;
    for (Calls calls : perClient) {
      latencies.addAll(calls.latencies);
      calls.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
      errors += calls.errors;
      requests += calls.sent;
    }
    return new Result(
        name, clients, requests, statuses, errors, latencies, elapsed, CpuMeter.Usage.NONE, -1);
  }
}
