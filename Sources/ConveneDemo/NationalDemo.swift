import ConveneDomain
import ConveneServer
import Fluent
import Foundation

/// `convene demo --scale national`: the generated national landscape (`NationalLandscape`) written as one workspace a
/// force area. The register of each goes through `RegisterImport`, as any import does; its year of meetings with
/// attendance, agendas, decisions and actions is written in bulk, in one transaction a workspace, without audit
/// events (generated fixture data, not anybody's change). A workspace that already exists is left as it is, so running
/// the command again adds only what is missing. Workspaces are generated and written one at a time, so memory
/// holds one force area, not 43.
public enum NationalDemo {
    public struct Summary: Sendable {
        public var workspaces = 0
        public var skipped = 0
        public var partnerships = 0
        public var persons = 0
        public var memberships = 0
        public var meetings = 0
        public var attendances = 0
        public var items = 0
        public var decisions = 0
        public var actions = 0
        public var plantedDuplicates = 0
        public var seconds = 0.0

        public var rows: Int { partnerships + persons + memberships + meetings + attendances + items + actions }

        public var lines: [String] {
            [
                "\(workspaces) workspaces written" + (skipped > 0 ? ", \(skipped) already there" : ""),
                "\(partnerships) partnerships, \(persons) people, \(memberships) memberships",
                "\(meetings) meetings, \(attendances) attendances, \(items) agenda items (\(decisions) decided), "
                    + "\(actions) actions",
                "\(plantedDuplicates) duplicate discussions planted (their ground truth is in the generator)",
                String(format: "%.1f s, %.0f rows a second", seconds, Double(rows) / max(seconds, 0.001))
            ]
        }
    }

    /// Writes the first `count` of the national landscape's workspaces (all of them by default).
    public static func generate(
        on db: Database, options: NationalLandscape.Options = .init(), count: Int? = nil,
        progress: (@Sendable (String) -> Void)? = nil
    ) async throws -> Summary {
        let clock = ContinuousClock()
        let started = clock.now
        var summary = Summary()
        for index in 0..<min(count ?? options.workspaces, options.workspaces) {
            let generated = NationalLandscape.workspace(index, options)
            let prefix = "[\(index + 1)/\(options.workspaces)] \(generated.name)"
            if try await Workspaces.all(on: db).contains(where: { $0.key == generated.key }) {
                summary.skipped += 1
                progress?("\(prefix): already there")
                continue
            }
            try await Workspaces.add(
                key: generated.key, name: generated.name, kind: .forceArea, forceAreaCode: generated.forceAreaCode,
                on: db)
            try await write(generated, on: db)
            summary.workspaces += 1
            summary.partnerships += generated.register.partnerships.count
            summary.persons += generated.register.persons.count
            summary.memberships += generated.register.memberships.count
            summary.meetings += generated.register.meetings.count
            summary.attendances += generated.register.meetings.map(\.attendance.count).reduce(0, +)
            summary.items += generated.items.count
            summary.decisions += generated.decisions.count
            summary.actions += generated.actions.count
            summary.plantedDuplicates += generated.plantedDuplicates.count
            progress?(
                "\(prefix): \(generated.register.meetings.count) meetings, \(generated.items.count) items, "
                    + String(format: "%.0f s so far", seconds(since: started, clock)))
        }
        if summary.workspaces > 0 { try await GeneratedBusiness.analyze(on: db) }
        summary.seconds = seconds(since: started, clock)
        return summary
    }

    static func write(_ generated: NationalLandscape.Workspace, on db: Database) async throws {
        let actor = "national demo generator"
        // The register, without its meetings, through the import path.
        let outcome = try await GeneratedBusiness.importRegister(
            generated.register, workspace: generated.key,
            actor: actor, on: db)
        if case .rejected(let issues) = outcome {
            throw DemoFailure(
                "\(generated.name): the generated register was rejected: "
                    + issues.prefix(5).map { "\($0)" }.joined(separator: "; "))
        }
        let business = GeneratedBusiness.Business(
            meetings: generated.register.meetings, items: generated.items,
            decisions: generated.decisions, actions: generated.actions)
        try await GeneratedBusiness.write(business, workspace: generated.key, actor: actor, on: db)
    }

    private static func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
        let elapsed = clock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
