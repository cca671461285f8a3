import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

struct Geography: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reference geography.", subcommands: [GeographyImport.self])
}

struct GeographyImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import ONS lookup files (district → CSP → police force area, district → upper tier, district → ICB).",
        discussion:
            "Column headers of any vintage are recognised (LAD19CD, LAD24CD, ltla24_code, UTLA23CD, icb24_code …). "
            + "All files go in together or not at all."
    )

    @ArgumentParser.Argument(help: "One or more ONS lookup CSV files.") var files: [String]
    @ArgumentParser.Flag(help: "Show what would change without writing anything.") var dryRun = false
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        var loaded: [(name: String, data: Data)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure("Cannot read '\(file)': no such file, or it is not readable.")
            }
            loaded.append((URL(fileURLWithPath: file).lastPathComponent, data))
        }
        try await withApplication(options) { app in
            let outcome = try await Tasks.importGeography(loaded, dryRun: dryRun, on: app.db, progress: progress)
            try report(outcome, file: files.count == 1 ? files[0] : "the lookup files")
        }
    }
}
