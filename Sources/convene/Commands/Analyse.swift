import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

extension Analysis: ExpressibleByArgument {}
extension AnalysisFormat: ExpressibleByArgument {}

struct Analyse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Work out what the records say: cost, load, attendance, delivery, triage, overlap, duplicates or "
            + "priorities; and of the Combating Drugs Partnerships, involvement, sros or footprints (see the README "
            + "for each output's fields).",
        discussion:
            "The period is the 365 days to today unless --from and --to say otherwise. Triage is for --person (the "
            + "PCC by default) and a --capacity in meetings a year (default 150). Involvement and sros are of the "
            + "memberships current on --to (today by default); footprints of the register as it stands."
    )
    @ArgumentParser.Argument(
        help: ArgumentHelp(
            "cost, load, attendance, delivery, triage, overlap, duplicates, priorities, involvement, sros or "
                + "footprints.")
    )
    var analysis: Analysis
    @ArgumentParser.Option(help: "The first day, yyyy-mm-dd.") var from: String?
    @ArgumentParser.Option(help: "The last day, yyyy-mm-dd.") var to: String?
    @ArgumentParser.Option(help: "json, csv or text.") var format: AnalysisFormat = .text
    @ArgumentParser.Option(help: "Triage: the person's key.") var person: String?
    @ArgumentParser.Option(help: "Triage: meetings a year the person can attend.") var capacity: Int?
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let period = try Analyse.period(from: from, to: to)
        if let capacity {
            do { _ = try Triage.capacity(String(capacity)) } catch {
                throw CommandFailure("--capacity: \(error.message)")
            }
        }
        let output = try await withApplication(options) { app in
            try await Tasks.analyse(
                analysis, AnalysisQuestion(period: period, personKey: person, capacity: capacity), on: app.db,
                workspace: workspace.workspace, now: Convene.now)
        }
        FileHandle.standardOutput.write(output.render(format))
    }

    /// The period asked for, checked as the API and the pages check it.
    static func period(from: String?, to: String?) throws -> Period {
        let (period, errors) = Period.asked(from: from, to: to, today: Convene.now.today)
        if let error = errors.first { throw CommandFailure("--\(error.field): \(error.message)") }
        return period
    }
}
