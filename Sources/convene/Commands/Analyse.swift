import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

extension AnalysisFormat: ExpressibleByArgument {}

/// An analysis by name: one of the meetings' and the register's, or outcomes or funding.
enum AnalysisName: ExpressibleByArgument, Equatable {
    case records(Analysis)
    case outcomes, funding, requests, network

    init?(argument: String) {
        switch argument {
        case "outcomes": self = .outcomes
        case "funding": self = .funding
        case "requests": self = .requests
        case "network": self = .network
        default:
            guard let analysis = Analysis(rawValue: argument) else { return nil }
            self = .records(analysis)
        }
    }

    static var allValueStrings: [String] {
        Analysis.allCases.map(\.rawValue) + ["outcomes", "funding", "requests", "network"]
    }
}

struct Analyse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Work out what the records say: cost, load, attendance, delivery, triage, overlap, duplicates or "
            + "priorities; of the Combating Drugs Partnerships, involvement, sros or footprints; and outcomes or "
            + "funding (see the README for each output's fields).",
        discussion:
            "The period is the 365 days to today unless --from and --to say otherwise. Triage is for --person (the "
            + "PCC by default) and a --capacity in meetings a year (default 150). Involvement and sros are of the "
            + "memberships current on --to (today by default); footprints of the register as it stands. Outcomes "
            + "are of --partnership's performance framework (or every indicator with a value), for --area; funding "
            + "is money in by funder and financial year beside the meetings' cost, in pence, of --partnership, "
            + "of the force area --area's partnerships, or of all. Both write json or csv (text is the csv)."
    )
    @ArgumentParser.Argument(
        help: ArgumentHelp(
            "cost, load, attendance, delivery, triage, overlap, duplicates, priorities, involvement, sros, "
                + "footprints, outcomes or funding.")
    )
    var analysis: AnalysisName
    @ArgumentParser.Option(help: "The first day, yyyy-mm-dd.") var from: String?
    @ArgumentParser.Option(help: "The last day, yyyy-mm-dd.") var to: String?
    @ArgumentParser.Option(help: "json, csv or text.") var format: AnalysisFormat = .text
    @ArgumentParser.Option(help: "Triage: the person's key.") var person: String?
    @ArgumentParser.Option(help: "Triage: meetings a year the person can attend.") var capacity: Int?
    @ArgumentParser.Option(help: "Outcomes and funding: the partnership's key.") var partnership: String?
    @ArgumentParser.Option(help: "Outcomes: the area's ONS code; funding: a police force area's.") var area: String?
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let analysis: Analysis
        switch self.analysis {
        case .records(let named): analysis = named
        case .outcomes, .funding, .requests, .network:
            let chosen: OutcomeOutputFormat = format == .json ? .json : .csv
            let named = self.analysis
            let output = try await withApplication(options) { app in
                switch named {
                case .outcomes:
                    try await Tasks.analyseOutcomes(
                        partnership: partnership, area: area, format: chosen, db: app.db,
                        workspace: workspace.workspace, now: Convene.now)
                case .funding:
                    try await Tasks.analyseFunding(
                        partnership: partnership, forceArea: area, format: chosen, db: app.db,
                        workspace: workspace.workspace, now: Convene.now)
                case .network:
                    try await Tasks.analyseNetwork(format: chosen, db: app.db, now: Convene.now)
                default:
                    try await Tasks.analyseRequests(
                        format: chosen, db: app.db, workspace: workspace.workspace, now: Convene.now)
                }
            }
            FileHandle.standardOutput.write(output)
            return
        }
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
