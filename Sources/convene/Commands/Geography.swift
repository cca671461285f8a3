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
            + "A file without a district column is read as a list of areas. Give every file of an ONS download "
            + "(DIR/*.csv, or the folder): a file that cannot be used is named with the reason and left out; the "
            + "others go in together, or, if any has a bad row, none of them does."
    )

    @ArgumentParser.Argument(help: "ONS lookup or area list CSV files, or folders of them.") var files: [String]
    @ArgumentParser.Flag(help: "Show what would change without writing anything.") var dryRun = false
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        var loaded: [(name: String, data: Data)] = []
        for file in try files.flatMap(Self.expand) {
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

    /// A folder stands for the CSV files in it.
    static func expand(_ path: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            return [path]
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter {
            $0.lowercased().hasSuffix(".csv")
        }
        return names.sorted().map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
    }
}
