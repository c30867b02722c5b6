package dev.agentcredits.application.usecase;

import dev.agentcredits.application.port.out.TransactionRunner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The store's transactions, with a way to run something else between two of a use case's
 * transactions: what another request could do there, made deterministic.
 */
final class InterleavedTransactions implements TransactionRunner {
  private final TransactionRunner delegate;
  private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
  private final AtomicReference<Runnable> hook = new AtomicReference<>();
  private final AtomicInteger untilHook = new AtomicInteger();

  InterleavedTransactions(TransactionRunner delegate) {
    this.delegate = delegate;
  }

  /** Runs {@code between} once, outside any transaction, before the {@code n}th one from now. */
  void before(int n, Runnable between) {
    untilHook.set(n);
    hook.set(between);
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (depth.get() == 0 && hook.get() != null && untilHook.decrementAndGet() == 0) {
      hook.getAndSet(null).run();
    }
    depth.set(depth.get() + 1);
    try {
      return delegate.inTransaction(work);
    } finally {
      depth.set(depth.get() - 1);
    }
  }
}
