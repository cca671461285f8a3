import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// A single record's save reads the records it names and the keys they refer to, never a whole table of the
/// workspace; and what it does not read it still gets right.
@Suite struct RegisterEditsTests {
    static let register = """
        partnership_id,partnership_name,type,started_on,membership_id,member_person_id,member_person_name,member_organisation_id,member_organisation_name,member_organisation_sector,role
        cdp,Drugs Partnership,cdp,2024-01-01,cdp-dph,dph,Director of Public Health,council,County Council,local-government,sro
        cdp,Drugs Partnership,cdp,2024-01-01,cdp-police,supt,Superintendent,police,Constabulary,police,member
        csp,Safety Partnership,csp,2024-01-01,csp-supt,supt,Superintendent,police,Constabulary,police,chair
        """

    /// The fields a query picks its rows by, its workspace aside.
    static func narrowing(_ filters: [DatabaseQuery.Filter]) -> [String] {
        filters.flatMap { filter -> [String] in
            switch filter {
            case .value(.path(let path, _), _, _), .value(.extendedPath(let path, _, _), _, _):
                path.map(\.description).filter { $0 != "workspace_id" }
            case .group(let inner, _): narrowing(inner)
            default: []
            }
        }
    }

    @Test(arguments: [
        (RecordOrigin.Kind.person, "supt"), (.membership, "cdp-dph"), (.partnership, "csp")
    ])
    func aSaveReadsOnlyWhatItNames(kind: RecordOrigin.Kind, key: String) async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(Self.register)
            let scope = try await MeetingTests.scope(app)
            let stored = try await RegisterStore(scope: scope).load()
            var change = Register()
            switch kind {
            case .person:
                var person = try #require(stored.persons.first { $0.key == key })
                person.roleTitle = "Area commander"
                change.persons = [person]
            case .membership:
                var membership = try #require(stored.memberships.first { $0.key == key })
                membership.votingRight = false
                change.memberships = [membership]
            default:
                var partnership = try #require(stored.partnerships.first { $0.key == key })
                partnership.purpose = "Keeping the county safe"
                change.partnerships = [partnership]
            }

            app.fluent.history.start()
            let errors = try await RegisterEdits.write(
                change, mode: .update, origin: RecordOrigin(kind, key), in: try await MeetingTests.scope(app))
            app.fluent.history.stop()

            #expect(errors.isEmpty, "\(errors)")
            let reads = app.fluent.history.queries.filter {
                if case .read = $0.action { true } else { false }
            }
            #expect(!reads.isEmpty, "the history records the save's reads")
            for read in reads {
                #expect(!Self.narrowing(read.filters).isEmpty, "\(read.schema) read whole: \(read)")
            }
            // Only the one record changed: the others, which the save did not read, are as they were.
            let after = try await RegisterStore(scope: scope).load()
            var expected = stored
            expected.persons = stored.persons.map { old in change.persons.first { $0.key == old.key } ?? old }
            expected.memberships = stored.memberships.map { old in
                change.memberships.first { $0.key == old.key } ?? old
            }
            expected.partnerships = stored.partnerships.map { old in
                change.partnerships.first { $0.key == old.key } ?? old
            }
            #expect(after == expected.sorted())
        }
    }
}
