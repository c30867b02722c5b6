package dev.agentcredits.adapter.messaging;

import com.rabbitmq.client.AMQP;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a consumer's deliveries, in order, to one worker thread, which takes them in batches: the
 * first message waiting and, when it is a valid report_usage, the valid report_usage commands right
 * behind it, up to {@link #MAX_BATCH}. It never waits for more: while one batch commits, the
 * deliveries the prefetch lets through pile up here, so batches grow with the load while a lone
 * report is handled at once. A batch ends at any other message, so commands keep their order (a
 * completion is never committed before the usage sent ahead of it), and at a command_id already in
 * it: the repeat is claimed after the first one's answer is stored and replays it, as it would
 * alone.
 */
final class CommandInbox {
  static final int MAX_BATCH = 100;
  private static final Logger log = LoggerFactory.getLogger(CommandInbox.class);

  /** A delivery, parsed. */
  record Message(long tag, AMQP.BasicProperties properties, byte[] body, ParsedCommand command) {
    /** The command_id of a valid report_usage command, else null. */
    String usageCommandId() {
      return command instanceof ParsedCommand.Valid v && v.call() instanceof CommandKind.UsageReport
          ? v.commandId()
          : null;
    }
  }

  private final BlockingQueue<Message> waiting = new LinkedBlockingQueue<>();
  private final Thread worker;

  /** Starts the worker, which passes each batch to {@code handler}. */
  CommandInbox(String name, Consumer<List<Message>> handler) {
    this.worker = Thread.ofPlatform().name(name).daemon().start(() -> work(handler));
  }

  void add(Message message) {
    waiting.add(message);
  }

  /**
   * Stops the worker; messages still waiting are dropped, which loses none: they are not
   * acknowledged, and the broker delivers them again once their channel is gone.
   */
  void stop() {
    worker.interrupt();
  }

  /** {@code first} and the messages that join it, taken off {@code waiting}. */
  static List<Message> nextBatch(Message first, Queue<Message> waiting) {
    List<Message> batch = new ArrayList<>(List.of(first));
    String id = first.usageCommandId();
    if (id == null) {
      return batch;
    }
    Set<String> ids = new HashSet<>(Set.of(id));
    while (batch.size() < MAX_BATCH) {
      Message next = waiting.peek();
      String nextId = next == null ? null : next.usageCommandId();
      if (nextId == null || !ids.add(nextId)) {
        break;
      }
      batch.add(waiting.poll());
    }
    return batch;
  }

  private void work(Consumer<List<Message>> handler) {
    while (!Thread.currentThread().isInterrupted()) {
      List<Message> batch;
      try {
        batch = nextBatch(waiting.take(), waiting);
      } catch (InterruptedException e) {
        return;
      }
      try {
        handler.accept(batch);
      } catch (RuntimeException e) {
        log.error("unexpected failure handling {} commands", batch.size(), e);
      }
    }
  }
}
