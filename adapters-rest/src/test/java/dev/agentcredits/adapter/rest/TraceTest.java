package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-00",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future"
      })
  void keeps_the_trace_id_of_a_valid_traceparent(String header) {
    assertThat(Trace.from(header).traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "garbage",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01"
      })
  void makes_a_new_trace_id_otherwise(String header) {
    Trace trace = Trace.from(header);

    assertThat(trace.traceId())
        .matches("[0-9a-f]{32}")
        .isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(trace.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"})
  void answers_with_its_own_span_id(String header) {
    Trace trace = Trace.from(header);

    assertThat(trace.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
    assertThat(trace.traceparent()).endsWith("-01");
  }
}
