package dev.agentcredits.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CommandInboxTest {
  private final CommandParser parser =
      new CommandParser(new FakeRuns().handlers(new FakeIdempotency()));
  private long tags;

  private CommandInbox.Message message(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return new CommandInbox.Message(++tags, new AMQP.BasicProperties(), body, parser.parse(body));
  }

  private CommandInbox.Message usage(String commandId) {
    return message(
        """
        {"command":"report_usage","command_id":"%s","task_id":"task_1","usage_id":"u-%s","credits":1}\
        """
            .formatted(commandId, commandId));
  }

  private static List<Long> tags(List<CommandInbox.Message> batch) {
    return batch.stream().map(CommandInbox.Message::tag).toList();
  }

  @Test
  void usageReportsWaitingBehindAUsageReportJoinItsBatch() {
    CommandInbox.Message first = usage("a");
    Deque<CommandInbox.Message> waiting = new ArrayDeque<>(List.of(usage("b"), usage("c")));

    assertThat(tags(CommandInbox.nextBatch(first, waiting))).containsExactly(1L, 2L, 3L);
    assertThat(waiting).isEmpty();
  }

  @Test
  void aBatchEndsAtAnotherCommandSoThatOrderIsKept() {
    CommandInbox.Message first = usage("a");
    Deque<CommandInbox.Message> waiting =
        new ArrayDeque<>(
            List.of(
                usage("b"),
                message("{\"command\":\"complete_run\",\"command_id\":\"c\",\"task_id\":\"t\"}"),
                usage("d")));

    assertThat(tags(CommandInbox.nextBatch(first, waiting))).containsExactly(1L, 2L);
    assertThat(waiting).hasSize(2);
  }

  @Test
  void anInvalidOrUnreadableReportIsHandledAlone() {
    Deque<CommandInbox.Message> waiting =
        new ArrayDeque<>(
            List.of(
                message("{\"command\":\"report_usage\",\"command_id\":\"x\",\"credits\":1}"),
                message("not json"),
                usage("b")));

    assertThat(tags(CommandInbox.nextBatch(usage("a"), waiting))).containsExactly(4L);
    assertThat(tags(CommandInbox.nextBatch(waiting.poll(), waiting))).containsExactly(1L);
    assertThat(tags(CommandInbox.nextBatch(waiting.poll(), waiting))).containsExactly(2L);
  }

  @Test
  void aRepeatedCommandIdStartsTheNextBatch() {
    Deque<CommandInbox.Message> waiting =
        new ArrayDeque<>(List.of(usage("b"), usage("a"), usage("c")));

    assertThat(tags(CommandInbox.nextBatch(usage("a"), waiting))).containsExactly(4L, 1L);
    assertThat(tags(CommandInbox.nextBatch(waiting.poll(), waiting))).containsExactly(2L, 3L);
  }

  @Test
  void aBatchHoldsAtMostOneHundredReports() {
    Deque<CommandInbox.Message> waiting = new ArrayDeque<>();
    for (int i = 0; i < 150; i++) {
      waiting.add(usage("w-" + i));
    }

    assertThat(CommandInbox.nextBatch(usage("first"), waiting)).hasSize(CommandInbox.MAX_BATCH);
    assertThat(waiting).hasSize(51);
  }

  @Test
  void theWorkerHandsOverWhatWaitsAndALoneMessageWithoutDelay() throws Exception {
    List<List<Long>> handled = new CopyOnWriteArrayList<>();
    CountDownLatch firstTaken = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CommandInbox inbox =
        new CommandInbox(
            "test inbox",
            batch -> {
              handled.add(tags(batch));
              firstTaken.countDown();
              await(release);
            });
    try {
      inbox.add(usage("a"));
      assertThat(firstTaken.await(5, TimeUnit.SECONDS)).isTrue();
      inbox.add(usage("b"));
      inbox.add(usage("c"));
      release.countDown();

      Eventually.within(
          java.time.Duration.ofSeconds(5),
          () -> assertThat(handled).containsExactly(List.of(1L), List.of(2L, 3L)));
    } finally {
      inbox.stop();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
