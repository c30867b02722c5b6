package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.TransactionRunner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The in-memory store's transactions: one lock serialises them (simple, and exactly correct for a
 * single process), and an undo log rolls a failed one back, so a refusal thrown mid-use-case leaves
 * nothing behind, as it does on PostgreSQL.
 */
final class MemoryDatabase implements TransactionRunner {
  private final ReentrantLock lock = new ReentrantLock(true);
  private final ThreadLocal<Deque<Runnable>> undoLog = new ThreadLocal<>();

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (undoLog.get() != null) {
      return work.get();
    }
    lock.lock();
    Deque<Runnable> undo = new ArrayDeque<>();
    undoLog.set(undo);
    try {
      T result = work.get();
      undo.clear();
      return result;
    } catch (RuntimeException | Error e) {
      while (!undo.isEmpty()) {
        undo.pop().run();
      }
      throw e;
    } finally {
      undoLog.remove();
      lock.unlock();
    }
  }

  /** Runs a store call inside the current transaction, or in one of its own. */
  <T> T call(Supplier<T> work) {
    return inTransaction(work);
  }

  void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }

  /** Registers how to take back a change just made; only valid inside a transaction. */
  void onRollback(Runnable undo) {
    Deque<Runnable> log = undoLog.get();
    if (log == null) {
      throw new IllegalStateException("in-memory store changed outside a transaction");
    }
    log.push(undo);
  }
}
