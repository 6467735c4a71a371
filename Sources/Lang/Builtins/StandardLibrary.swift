// Copyright © 2026 the ssl authors.

/// The commands of the language, wired into one registry (the way Lua's `linit.c` opens its
/// libraries). Adding a command means adding it here.
enum StandardLibrary {
  static var registry: CommandRegistry<BenchState> {
    var registry = CommandRegistry<BenchState>()
    for command in [
      ModelCommands.load, ModelCommands.unload, ModelCommands.models, CorrCommand.command,
      PlotCommand.command, ShowCommand.command, SaveCommand.command, SetCommand.command,
      FetchCommand.command, DataCommand.command, EvalCommand.command, CacheCommands.features,
      CacheCommands.cache, ReportCommand.command,
      SleepCommand.command, SaliencyCommand.command, FuseCommand.command,
    ] {
      registry.register(command)
    }
    return registry
  }
}
