package dev.agentcredits.domain.webhook;

import dev.agentcredits.domain.event.EventType;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which events an endpoint wants (API.md "Alerts and webhooks"): routing keys such as {@code
 * usage.charged}, patterns such as {@code run.*}, or {@code *} for all. A pattern that matches no
 * event type is refused, so a typo does not silently mean "nothing".
 */
public record EventTypeFilter(List<String> patterns) {
  static final int MAX_PATTERNS = 50;
  private static final Pattern SYNTAX = Pattern.compile("\\*|[a-z_]+(\\.[a-z_]+)*(\\.\\*)?");
  public static final EventTypeFilter ALL = new EventTypeFilter(List.of("*"));

  public EventTypeFilter {
    patterns = patterns.stream().distinct().toList();
    if (patterns.isEmpty() || patterns.size() > MAX_PATTERNS) {
      throw new IllegalArgumentException(
          "event_types must hold 1 to " + MAX_PATTERNS + " types or patterns (leave it out: all)");
    }
    for (String pattern : patterns) {
      if (pattern == null || !SYNTAX.matcher(pattern).matches()) {
        throw new IllegalArgumentException(
            "event_types: "
                + pattern
                + " is neither an event type such as usage.charged nor a pattern such as run.*");
      }
      if (Arrays.stream(EventType.values()).noneMatch(t -> matches(pattern, t.routingKey()))) {
        throw new IllegalArgumentException("event_types: " + pattern + " matches no event type");
      }
    }
  }

  /** {@link #ALL} when the client named none. */
  public static EventTypeFilter of(List<String> patterns) {
    return patterns == null ? ALL : new EventTypeFilter(patterns);
  }

  /** Whether an event of {@code type} (a routing key, e.g. {@code run.accepted}) is wanted. */
  public boolean matches(String type) {
    return patterns.stream().anyMatch(pattern -> matches(pattern, type));
  }

  private static boolean matches(String pattern, String type) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.endsWith(".*")) {
      return type.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return pattern.equals(type);
  }
}
