package dev.agentcredits.adapter.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentcredits.application.port.in.RequestKey;
import java.io.IOException;
import java.util.Optional;

/** Turns a message body into a command bound to its use case, or says why it cannot. */
final class CommandParser {
  /** Leaves room for {@link CommandKind#REQUEST_KEY_PREFIX} within a 255-character request key. */
  static final int MAX_COMMAND_ID_LENGTH = 200;

  private final CommandHandlers handlers;

  CommandParser(CommandHandlers handlers) {
    this.handlers = handlers;
  }

  ParsedCommand parse(byte[] body) {
    JsonNode json;
    try {
      json = Json.read(body);
    } catch (IOException e) {
      return new ParsedCommand.Unreadable("not valid JSON: " + firstLine(e.getMessage()));
    }
    if (!(json instanceof ObjectNode object)) {
      return new ParsedCommand.Unreadable("not a JSON object");
    }
    JsonNode name = object.get("command");
    if (name == null || !name.isTextual()) {
      return new ParsedCommand.Unknown(name == null ? "(none)" : name.toString());
    }
    Optional<CommandKind> kind = CommandKind.named(name.asText());
    if (kind.isEmpty()) {
      return new ParsedCommand.Unknown(name.asText());
    }
    try {
      String commandId = commandId(object);
      return new ParsedCommand.Valid(
          kind.get(), commandId, kind.get().bind(object, commandId, handlers));
    } catch (IllegalArgumentException | NullPointerException e) {
      return new ParsedCommand.Invalid(kind.get(), e.getMessage());
    }
  }

  private static String commandId(JsonNode json) {
    String id = Fields.text(json, "command_id");
    if (id == null) {
      throw new IllegalArgumentException("command_id is required");
    }
    if (id.length() > MAX_COMMAND_ID_LENGTH) {
      throw new IllegalArgumentException("command_id must be at most 200 characters");
    }
    try {
      RequestKey.requireValid(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("command_id must be printable ASCII without spaces", e);
    }
    return id;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
