package dev.agentcredits.bootstrap.messaging;

/** Command messages as an integration sends them (API.md "Messages"). */
final class Commands {
  private Commands() {}

  static String submit(String commandId, String teamId) {
    return """
    {"command":"submit_run","command_id":"%s","team_id":"%s","trigger":"TEAM_API_KEY",
     "prompt":"triage the failing build"}\
    """
        .formatted(commandId, teamId);
  }

  static String usage(String commandId, Object taskId, String usageId, long credits) {
    return """
    {"command":"report_usage","command_id":"%s","task_id":"%s","usage_id":"%s","credits":%d}\
    """
        .formatted(commandId, taskId, usageId, credits);
  }
}
