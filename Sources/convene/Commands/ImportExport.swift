import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Import a register file, a calendar file into a partnership's meetings, or a file of indicators, "
            + "measurements or targets: all of it, or nothing.",
        discussion:
            "The file is checked first; any problem is reported by row (or line) and field and nothing is written. "
            + "Importing the same file again changes nothing. See docs/import-formats.md for the layouts. A "
            + "workbook (xlsx) is read from its first sheet with the CSV's columns. A calendar file (ics) needs "
            + "--partnership. Indicators: indicator_id,name,unit,polarity,source,frequency,geography. Measurements "
            + "(.csv or .xlsx): indicator_id,area_code,period,value with optional numerator,denominator,published_on,"
            + "source, or a column per period; a period is 2023, 2023-24, 2023-Q2 or 2023-05; a revised value is kept "
            + "beside the one it revises. Targets: indicator_id,area_code,period,target."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case popolo, csv, xlsx, ics
        case indicators, measurements, targets

        /// The register's format, for the register's files.
        var register: Tasks.FileFormat? { Tasks.FileFormat(rawValue: rawValue) }
        /// The outcomes file, for indicators, measurements and targets.
        var outcomes: OutcomeFileKind? { OutcomeFileKind(rawValue: rawValue) }
    }

    @ArgumentParser.Argument(help: "popolo, csv, xlsx, ics, indicators, measurements or targets") var format: Kind
    @ArgumentParser.Argument(help: "The file to import.") var file: String
    @ArgumentParser.Option(help: "For ics: the partnership whose meetings the calendar holds.") var partnership: String?
    @ArgumentParser.Flag(help: "Show what would change without writing anything (all but ics).") var dryRun = false
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func validate() throws {
        if format == .ics && partnership == nil {
            throw ValidationError("A calendar file goes into one partnership's meetings: add --partnership KEY.")
        }
        if format == .ics && dryRun {
            throw ValidationError(
                "--dry-run is for register files; a calendar file is checked whole before anything is written.")
        }
    }

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("Cannot read '\(file)': no such file, or it is not readable.")
        }
        try await withApplication(options) { app in
            if let outcomes = format.outcomes {
                say(
                    try await Tasks.importOutcomes(
                        outcomes, data, fileName: URL(fileURLWithPath: file).lastPathComponent, dryRun: dryRun,
                        db: app.db, workspace: workspace.workspace, now: Convene.now))
                return
            }
            guard let register = format.register else {
                guard let partnership else { return }
                switch try await Tasks.importCalendar(
                    data, partnership: partnership, on: app.db, workspace: workspace.workspace)
                {
                case .rejected(let issues):
                    for issue in issues { FileHandle.standardError.write(Data("\(file): \(issue)\n".utf8)) }
                    throw CommandFailure(
                        "\(file) has \(issues.count) problem\(issues.count == 1 ? "" : "s"); nothing was imported.")
                case .imported(let created, let updated, let unchanged, let skipped, let warnings):
                    say(
                        Tasks.describeCalendarImport(
                            file: file, created: created, updated: updated, unchanged: unchanged, skipped: skipped,
                            warnings: warnings))
                }
                return
            }
            let outcome = try await Tasks.importFile(
                register, data, dryRun: dryRun, on: app.db,
                workspace: workspace.workspace, progress: progress)
            try report(outcome, file: file)
        }
    }
}

func report(_ outcome: ImportOutcome, file: String) throws {
    switch outcome {
    case .rejected(let issues):
        for issue in issues { FileHandle.standardError.write(Data("\(file): \(issue)\n".utf8)) }
        throw CommandFailure(
            "\(file) has \(issues.count) problem\(issues.count == 1 ? "" : "s"); nothing was imported.")
    case .applied(let summary, let dryRun):
        say(Tasks.describe(summary, dryRun: dryRun, listChanges: dryRun ? 50 : 0))
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the register as Popolo JSON, CSV or an Excel workbook, or meetings as a calendar file (ics).",
        discussion:
            "A workbook (xlsx) needs --output. A calendar file holds one partnership's meetings (--partnership) or "
            + "the workspace's, from a year ago to two years ahead. With --public it names nobody, as the public feed "
            + "does."
    )

    @ArgumentParser.Argument(help: "popolo, csv, xlsx or ics") var format: Import.Kind
    @ArgumentParser.Option(help: "Write to this file instead of standard output.") var output: String?
    @ArgumentParser.Option(help: "For ics: only this partnership's meetings.") var partnership: String?
    @ArgumentParser.Flag(name: .customLong("public"), help: "For ics: leave out attendees, as a public feed does.")
    var publicFeed = false
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func validate() throws {
        if format == .xlsx && output == nil {
            throw ValidationError("A workbook is not text: add --output FILE.xlsx.")
        }
    }

    func run() async throws {
        let data = try await withApplication(options) { app in
            guard let register = format.register else {
                return try await Tasks.exportCalendar(
                    partnership: partnership, includeAttendees: !publicFeed, on: app.db, workspace: workspace.workspace)
            }
            return try await Tasks.export(register, on: app.db, workspace: workspace.workspace)
        }
        try emit(data, to: output)
    }
}
