package dev.agentcredits.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {
  @Test
  void defaults_are_those_of_api_md() {
    Settings s = Settings.parse(Map.of(), List.of());

    assertThat(s.httpPort()).isEqualTo(8080);
    assertThat(s.operatorKey()).isEmpty();
    assertThat(s.store()).isEqualTo(Settings.Store.EMBEDDED);
    assertThat(s.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(s.dbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
    assertThat(s.dbUser()).isEqualTo("postgres");
    assertThat(s.dbPassword()).isEmpty();
    assertThat(s.broker()).isEqualTo(Settings.Broker.MEMORY);
    assertThat(s.amqpUrl()).isEqualTo("amqp://guest:guest@127.0.0.1:5672");
    assertThat(s.clock()).isEqualTo(Settings.ClockMode.SYSTEM);
    assertThat(s.demo()).isFalse();
  }

  @Test
  void reads_the_environment_and_lets_flags_win() {
    Settings s =
        Settings.parse(
            Map.of(
                "AGENT_CREDITS_HTTP_PORT", "9090",
                "AGENT_CREDITS_STORE", "postgres",
                "AGENT_CREDITS_CLOCK", "MANUAL",
                "AGENT_CREDITS_CLOCK_START", "2030-01-01T00:00:00Z",
                "AGENT_CREDITS_OPERATOR_KEY", "operator-key-of-length"),
            List.of("--http-port=9191", "--broker=rabbitmq", "--demo", "--db-schema=billing"));

    assertThat(s.httpPort()).isEqualTo(9191);
    assertThat(s.store()).isEqualTo(Settings.Store.POSTGRES);
    assertThat(s.broker()).isEqualTo(Settings.Broker.RABBITMQ);
    assertThat(s.clock()).isEqualTo(Settings.ClockMode.MANUAL);
    assertThat(s.clockStart()).contains(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(s.operatorKey()).contains("operator-key-of-length");
    assertThat(s.dbSchema()).contains("billing");
    assertThat(s.demo()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AGENT_CREDITS_HTTP_PORT | eighty   | AGENT_CREDITS_HTTP_PORT must be a number",
        "AGENT_CREDITS_HTTP_PORT | 70000    | AGENT_CREDITS_HTTP_PORT must be from 0 to 65535",
        "AGENT_CREDITS_STORE     | sqlite   | AGENT_CREDITS_STORE must be one of [embedded, postgres, memory]",
        "AGENT_CREDITS_BROKER    | kafka    | AGENT_CREDITS_BROKER must be one of",
        "AGENT_CREDITS_CLOCK     | sundial  | AGENT_CREDITS_CLOCK must be one of",
        "AGENT_CREDITS_OPERATOR_KEY | short | AGENT_CREDITS_OPERATOR_KEY must be 16-200",
        "AGENT_CREDITS_DB_URL    | mysql:// | AGENT_CREDITS_DB_URL must start with jdbc:postgresql:",
        "AGENT_CREDITS_DB_SCHEMA | Bad-Name | AGENT_CREDITS_DB_SCHEMA must be",
        "AGENT_CREDITS_AMQP_URL  | http://x | AGENT_CREDITS_AMQP_URL must start with amqp://",
        "AGENT_CREDITS_CLOCK_START | today  | AGENT_CREDITS_CLOCK_START must be an ISO-8601 instant",
        "AGENT_CREDITS_DEMO      | maybe    | AGENT_CREDITS_DEMO must be true or false",
      })
  void says_which_setting_is_wrong(String name, String value, String message) {
    assertThatThrownBy(() -> Settings.parse(Map.of(name, value), List.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining(message);
  }

  @Test
  void failed_authentications_are_throttled_by_default_and_configurable() {
    Settings defaults = Settings.parse(Map.of(), List.of());
    assertThat(defaults.authFailuresPerSecond()).isEqualTo(2);
    assertThat(defaults.authFailureBurst()).isEqualTo(20);
    assertThat(defaults.trustForwardedFor()).isFalse();

    Settings s =
        Settings.parse(
            Map.of("AGENT_CREDITS_AUTH_FAILURES_PER_SECOND", "5"),
            List.of("--auth-failure-burst=50", "--trust-forwarded-for=true"));
    assertThat(s.authFailuresPerSecond()).isEqualTo(5);
    assertThat(s.authFailureBurst()).isEqualTo(50);
    assertThat(s.trustForwardedFor()).isTrue();

    assertThatThrownBy(() -> Settings.parse(Map.of(), List.of("--auth-failure-burst=0")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("AGENT_CREDITS_AUTH_FAILURE_BURST must be from 1");
  }

  @Test
  void refuses_unknown_flags() {
    assertThatThrownBy(() -> Settings.parse(Map.of(), List.of("--colour=blue")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("unknown flag --colour");
    assertThatThrownBy(() -> Settings.parse(Map.of(), List.of("serve")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("unknown argument serve");
  }

  @Test
  void reads_the_per_key_rate_limit_with_generous_defaults() {
    Settings defaults = Settings.parse(Map.of(), List.of());
    Settings set =
        Settings.parse(
            Map.of("AGENT_CREDITS_RATE_LIMIT_PER_SECOND", "5"), List.of("--rate-limit-burst=10"));

    assertThat(defaults.rateLimitPerSecond()).isEqualTo(1000);
    assertThat(defaults.rateLimitBurst()).isEqualTo(2000);
    assertThat(set.rateLimitPerSecond()).isEqualTo(5);
    assertThat(set.rateLimitBurst()).isEqualTo(10);
    assertThat(
            Settings.parse(Map.of("AGENT_CREDITS_RATE_LIMIT_PER_SECOND", "0"), List.of())
                .rateLimitPerSecond())
        .as("0: no limit")
        .isZero();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AGENT_CREDITS_RATE_LIMIT_PER_SECOND | fast | AGENT_CREDITS_RATE_LIMIT_PER_SECOND must be a whole number",
        "AGENT_CREDITS_RATE_LIMIT_PER_SECOND | -1   | AGENT_CREDITS_RATE_LIMIT_PER_SECOND must be from 0",
        "AGENT_CREDITS_RATE_LIMIT_BURST      | 0    | AGENT_CREDITS_RATE_LIMIT_BURST must be from 1",
      })
  void says_which_rate_limit_setting_is_wrong(String name, String value, String message) {
    assertThatThrownBy(() -> Settings.parse(Map.of(name, value), List.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining(message);
  }

  @Test
  void never_shows_the_database_password() {
    Settings s = Settings.parse(Map.of("AGENT_CREDITS_DB_PASSWORD", "hunter2"), List.of());

    assertThat(s.toString()).doesNotContain("hunter2");
    assertThat(Settings.usage()).contains("--http-port", "--operator-key", "--demo");
  }
}
