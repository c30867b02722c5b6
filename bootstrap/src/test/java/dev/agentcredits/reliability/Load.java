package dev.agentcredits.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/** Concurrency for the tests: many calls released at once, or workers looping until told. */
final class Load {
  private Load() {}

  /**
   * Runs every call on a virtual thread, at most {@code inFlight} at a time, all released together;
   * answers their results in the order given.
   */
  static <T> List<T> all(int inFlight, List<Callable<T>> calls) {
    Semaphore permits = new Semaphore(inFlight);
    CountDownLatch go = new CountDownLatch(1);
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> call : calls) {
        futures.add(
            executor.submit(() -> {
              go.await();
              permits.acquire();
              try {
                return call.call();
              } finally {
                permits.release();
              }
            }));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(5, TimeUnit.MINUTES));
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("a concurrent call failed", e);
    }
  }

  /** Workers that each run their loop body again and again until {@link #stop()}. */
  static final class Workers implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> futures = new ArrayList<>();

    Workers(int count, IntConsumer body) {
      for (int i = 0; i < count; i++) {
        int worker = i;
        futures.add(
            executor.submit(() -> {
              while (running.get()) {
                body.accept(worker);
              }
              return null;
            }));
      }
    }

    boolean running() {
      return running.get();
    }

    /** Stops the loops and waits for the bodies in progress; rethrows what a worker threw. */
    void stop() {
      running.set(false);
      try {
        for (Future<?> future : futures) {
          future.get(2, TimeUnit.MINUTES);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("a load worker failed", e);
      }
    }

    @Override
    public void close() {
      running.set(false);
      executor.shutdownNow();
    }
  }

  static void pause(Duration duration) {
    JarService.sleep(duration.toMillis());
  }
}
