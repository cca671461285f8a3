import ConveneDemo
import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// The analyses' reading (`AnalyticsStore.load`, records packed by the database into one text a table) gives back
/// what was written: a generated force area read back field by field, on SQLite and PostgreSQL alike.
@Suite struct AnalyticsStoreTests {
    @Test func aGeneratedForceAreaReadsBackAsItWasWritten() async throws {
        try await withConveneApp { app in
            // Setup: one generated force area, and free text holding the two separators and characters beyond ASCII.
            let options = NationalLandscape.Options(seed: 3)
            _ = try await NationalDemo.generate(on: app.db, options: options, count: 1)
            var generated = NationalLandscape.workspace(0, options)
            let scope = try await Scope.workspace(generated.key, on: app.db)
            let renamed = generated.register.persons[5].key
            try await PersonRecord.query(in: scope).filter(\.$key == renamed).set(
                \.$name, to: "Zoë\u{1E}Ångström\u{1F}👩🏽‍⚖️"
            ).update()
            generated.register.persons[5].name = "Zoë Ångström 👩🏽‍⚖️"
            let period = Period(from: options.firstDay, to: options.firstDay.adding(days: 364))

            // Act
            let data = try await AnalyticsStore.load(in: scope, period: period, needs: .everything)
            let withoutItems = try await AnalyticsStore.load(in: scope, period: period, needs: .meetings)

            // Check: the register.
            let register = generated.register
            #expect(
                data.organisations.sorted { $0.key < $1.key }.map { [$0.key, $0.name, $0.sector.rawValue] }
                    == register.organisations.sorted { $0.key < $1.key }.map { [$0.key, $0.name, $0.sector.rawValue] })
            #expect(data.persons.sorted { $0.key < $1.key } == register.persons.sorted { $0.key < $1.key })
            func partnership(_ p: Partnership) -> String {
                "\(p.key)|\(p.name)|\(p.type)|\(p.status)|\(p.statutoryBasis ?? "-")|\(p.themes)|\(p.pccRoles)|\(String(describing: p.meetingFrequency))|\(p.secretariatKey ?? "-")"
            }
            #expect(data.partnerships.map(partnership).sorted() == register.partnerships.map(partnership).sorted())
            func membership(_ m: Membership) -> String {
                "\(m.key)|\(m.partnershipKey)|\(m.personKey ?? "-")|\(m.organisationKey ?? "-")|\(m.role)|\(m.votingRight)|\(m.startedOn?.description ?? "-")|\(m.endedOn?.description ?? "-")|\(m.substituteKey ?? "-")"
            }
            #expect(data.memberships.map(membership).sorted() == register.memberships.map(membership).sorted())
            #expect(
                Set(
                    data.termsOfReference.map {
                        "\($0.partnershipKey)|\($0.version)|\($0.quorum ?? -1)|\($0.approvedOn?.description ?? "-")"
                    })
                    == Set(
                        register.termsOfReference.map {
                            "\($0.partnershipKey)|\($0.version)|\($0.quorum ?? -1)|\($0.approvedOn?.description ?? "-")"
                        }))

            // …the meetings with their attendance, exactly.
            func meeting(_ m: Meeting) -> String {
                let attendance = m.attendance.map {
                    "\($0.personKey),\($0.status),\($0.substituteForKey ?? "-"),\($0.preparationMinutes ?? -1),\($0.travelMinutes ?? -1),\($0.attendedMinutes ?? -1)"
                }.sorted()
                return
                    "\(m.key)|\(m.partnershipKey)|\(m.name)|\(m.startsAt.timeIntervalSince1970)|\(m.endsAt?.timeIntervalSince1970 ?? -1)|\(m.status)|\(m.jointWith.sorted())|\(attendance)"
            }
            #expect(data.meetings.count == register.meetings.count && data.meetings.contains { !$0.attendance.isEmpty })
            #expect(data.meetings.map(meeting).sorted() == register.meetings.map(meeting).sorted())
            #expect(withoutItems.meetings.map(meeting).sorted() == register.meetings.map(meeting).sorted())

            // …the agendas, decisions and actions, only when asked for.
            func item(_ i: AgendaItem) -> String {
                "\(i.key)|\(i.partnershipKey)|\(i.meetingKey ?? "-")|\(i.position)|\(i.title)|\(i.kind)|\(i.durationMinutes ?? -1)|\(i.themes)"
            }
            #expect(data.items.count == generated.items.count)
            #expect(data.items.map(item).sorted() == generated.items.map(item).sorted())
            #expect(
                Set(data.decisions.map(\.itemKey))
                    == Set(generated.decisions.filter { !$0.decision.isEmpty }.map(\.itemKey)))
            func action(_ a: ActionItem) -> String {
                "\(a.key)|\(a.partnershipKey)|\(a.meetingKey ?? "-")|\(a.title)|\(a.ownerPersonKey ?? "-")|\(a.ownerOrganisationKey ?? "-")|\(a.raisedOn)|\(a.dueOn?.description ?? "-")|\(a.status)"
            }
            let inPeriod = generated.actions.filter { period.contains($0.raisedOn) }
            #expect(!inPeriod.isEmpty && data.actions.map(action).sorted() == inPeriod.map(action).sorted())
            #expect(withoutItems.items.isEmpty && withoutItems.decisions.isEmpty && withoutItems.actions.isEmpty)

            // …and each analysis, reading only what it needs, says what it says when everything is read.
            let settings = try await AnalyticsStore.settings(in: scope)
            let question = AnalysisQuestion(period: period, personKey: data.pcc?.key)
            for analysis in Analysis.allCases {
                let needed = try await AnalyticsStore.load(in: scope, period: period, needs: .of(analysis))
                let expected = try Analyses.output(
                    analysis, question, data: data, settings: settings, today: generated.asOf)
                let actual = try Analyses.output(
                    analysis, question, data: needed, settings: settings, today: generated.asOf)
                #expect(actual.json == expected.json, "\(analysis)")
            }
        }
    }

    @Test func packedFieldsAreReadByteByByte() {
        let text =
            "0A3C8BEF-26E4-4DA6-A920-D22CFAC31715\u{1F}42\u{1F}\u{1F}-7\u{1F}t\u{1F}1743494400.000000\u{1F}é😀\u{1E}"
            + "0a3c8bef-26e4-4da6-a920-d22cfac31715\u{1F}x12\u{1F}f\u{1E}\u{1E}one"
        var records: [[String]] = []
        var parsed: [(UUID?, Int?, Bool, Int?, Double?)] = []
        PackedText.forEach(text) { f in
            records.append((0..<f.bounds.count).map { f[$0] })
            parsed.append((f.uuid(0), f.int(1), f.bool(4), f.int(3), f.double(5)))
        }
        #expect(
            records == [
                ["0A3C8BEF-26E4-4DA6-A920-D22CFAC31715", "42", "", "-7", "t", "1743494400.000000", "é😀"],
                ["0a3c8bef-26e4-4da6-a920-d22cfac31715", "x12", "f"], ["one"]
            ])
        let id = UUID(uuidString: "0A3C8BEF-26E4-4DA6-A920-D22CFAC31715")
        #expect(
            parsed[0].0 == id && parsed[0].1 == 42 && parsed[0].2 && parsed[0].3 == -7 && parsed[0].4 == 1_743_494_400)
        #expect(parsed[1].0 == id && parsed[1].1 == nil && !parsed[1].2 && parsed[1].3 == nil && parsed[1].4 == nil)
        #expect(parsed[2].0 == nil)
        PackedText.forEach("not-a-uuid-but-36-characters-long-xx\u{1F}99999999999999999999999") { f in
            #expect(f.uuid(0) == nil && f.int(1) == nil && f.optional(2) == nil && f.isEmpty(9))
        }
        for _ in 0..<500 {
            let id = UUID()
            PackedText.forEach(
                "\(id.uuidString)\u{1F}\(id.uuidString.lowercased())\u{1F}\(id.uuidString.dropLast())g\u{1F}\(id.uuidString.dropLast())/"
            ) { f in
                #expect(f.uuid(0) == id && f.uuid(1) == id && f.uuid(2) == nil && f.uuid(3) == nil)
            }
        }
        var none = 0
        PackedText.forEach(nil) { _ in none += 1 }
        PackedText.forEach("") { _ in none += 1 }
        #expect(none == 0)
    }
}
