import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

struct Settings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A workspace's settings for the analyses.",
        subcommands: [SettingsList.self, SettingsSet.self])
}

struct SettingsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every setting, its value and its default.")
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { app in
            for s in try await Tasks.settings(on: app.db, workspace: workspace.workspace) {
                say(
                    "\(s.key) = \(s.value) \(s.unit)"
                        + (s.value == s.defaultValue ? "" : " (default \(s.defaultValue))") + "  – \(s.label)")
            }
        }
    }
}

struct SettingsSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change a setting, for example: convene settings set hours-per-year 1800")
    @ArgumentParser.Argument(help: "The setting's key (see 'convene settings list').") var key: String
    @ArgumentParser.Argument(help: "Its new value.") var value: String
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { app in
            try await Tasks.setSetting(key, value, on: app.db, workspace: workspace.workspace)
            say("\(key) is now \(value)")
        }
    }
}
