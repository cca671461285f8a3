import ConveneDomain
import Foundation
import Testing

/// Data sharing, interests, alerts and the national tables: the rules that the server's pages and the CLI show.
@Suite struct SharingTests {
    static let today = Day(year: 2026, month: 12, day: 7)!

    static func agreement(status: AgreementStatus = .active, review: Day? = nil, ends: Day? = nil)
        -> DataSharingAgreement
    {
        DataSharingAgreement(
            key: "cdp-data", title: "Drug harm data", partyKeys: ["police", "council"], partnershipKeys: ["cdp"],
            purpose: "The needs assessment", dataCategories: [.personal], lawfulBasis: "public-task",
            legalGateway: LegalGateway.known[0], dpiaOn: Day("2024-01-10"), signedOn: Day("2024-02-01"),
            reviewOn: review, endsOn: ends, status: status)
    }

    @Test func anAgreementPastItsReviewOrEndIsWorkedOutOnTheDay() {
        let pastReview = Self.agreement(review: Day("2026-11-30"))
        #expect(pastReview.state(on: Self.today) == .active && pastReview.isPastReview(on: Self.today))
        #expect(!pastReview.isPastReview(on: Day("2026-11-29")!))
        let ended = Self.agreement(ends: Day("2026-12-06"))
        #expect(ended.state(on: Self.today) == .expired && !ended.isPastReview(on: Self.today))
        #expect(Self.agreement(status: .withdrawn, review: Day("2026-01-01")).isPastReview(on: Self.today) == false)
        // Alerts: past its review, and ending within 30 days.
        let review = AlertRules.agreement(pastReview, on: Self.today, link: "/x")
        #expect(review?.title == "Agreement past its review date: Drug harm data" && review?.due == Day("2026-11-30"))
        #expect(
            AlertRules.agreement(Self.agreement(ends: Day("2027-01-05")), on: Self.today, link: "/x")?.kind
                == .agreement)
        #expect(AlertRules.agreement(Self.agreement(review: Day("2027-06-01")), on: Self.today, link: "/x") == nil)
    }

    @Test func anActiveAgreementSharingPersonalDataNeedsItsSignatureAndADPIA() {
        var agreement = Self.agreement()
        agreement.dpiaOn = nil
        agreement.signedOn = nil
        agreement.lawfulBasis = "because"
        agreement.partyKeys = ["police"]
        let fields = Set(agreement.validate().map(\.field))
        #expect(fields == ["dpia_on", "signed_on", "lawful_basis", "party_keys"])
        agreement.dataCategories = [.aggregate]
        #expect(!Set(agreement.validate().map(\.field)).contains("dpia_on"))
        #expect(Self.agreement().validate() == [])
    }

    /// 1,200 requests of six partners over two years, made by a seeded generator.
    static func generated() -> [DataRequest] {
        var random = SeededRandom(seed: 22)
        let partners = ["police", "council", "nhs", "probation", "fire", "school"]
        let gateways = [LegalGateway.known[0], LegalGateway.known[2], nil]
        return (0..<1_200).map { i in
            let asked = Day("2025-01-01")!.adding(days: Int.random(in: 0...700, using: &random))
            let due = asked.adding(days: [10, 20, 28][Int.random(in: 0...2, using: &random)])
            let answered: Day? =
                Int.random(in: 0...9, using: &random) < 8
                ? asked.adding(days: Int.random(in: 0...60, using: &random)) : nil
            let outcome: RequestOutcome? =
                answered == nil ? nil : [.provided, .provided, .partly, .refused][Int.random(in: 0...3, using: &random)]
            return DataRequest(
                key: "r\(i)", requesterOrganisationKey: "opcc",
                partnerKey: partners[Int.random(in: 0...5, using: &random)],
                what: "Figures", purpose: "The plan", agreementKey: gateways[i % 3] == nil ? "cdp-data" : nil,
                gateway: gateways[i % 3], askedOn: asked, dueBy: due, answeredOn: answered, outcome: outcome,
                refusalReason: outcome == .refused ? "Not covered" : nil)
        }
    }

    @Test func requestFiguresOnAThousandRequestsAgreeWithADirectComputation() throws {
        let requests = Self.generated()
        let report = RequestAnalysis.run(requests, on: Self.today, gateways: ["cdp-data": "The agreement's gateway"])
        #expect(report.partners.map(\.requests).reduce(0, +) == 1_200)
        for row in report.partners {
            let mine = requests.filter { $0.partnerKey == row.id }
            let days = mine.compactMap { r in r.answeredOn.map { $0.ordinal - r.askedOn.ordinal } }.sorted()
            let median =
                days.count % 2 == 1
                ? Double(days[days.count / 2]) : Double(days[days.count / 2 - 1] + days[days.count / 2]) / 2
            #expect(row.medianDays == median, "\(row.id)")
            let due = mine.filter { $0.answeredOn != nil || $0.dueBy < Self.today }
            let onTime = due.filter { r in r.answeredOn.map { $0 <= r.dueBy } ?? false }.count
            #expect(row.onTimeShare == (Double(onTime) / Double(due.count) * 10_000).rounded() / 10_000, "\(row.id)")
            #expect(row.overdue == mine.filter { $0.answeredOn == nil && $0.dueBy < Self.today }.count)
            let answered = mine.filter { $0.answeredOn != nil }
            #expect(row.answered == answered.count)
            #expect(
                row.refusedShare
                    == (Double(answered.filter { $0.outcome == .refused }.count) / Double(answered.count) * 10_000)
                    .rounded() / 10_000)
        }
        // Every request under one gateway: its own, or its agreement's.
        #expect(
            Set(report.gateways.map(\.id)) == [LegalGateway.known[0], LegalGateway.known[2], "The agreement's gateway"])
        #expect(report.gateways.map(\.requests).reduce(0, +) == 1_200)
        let json = try #require(try JSONSerialization.jsonObject(with: RequestAnalysis.json(report)) as? [String: Any])
        let row = try #require((json["partners"] as? [[String: Any]])?.first)
        #expect(
            Set(row.keys) == [
                "id", "name", "requests", "answered", "overdue", "median_days", "on_time_share", "refused_share"
            ])
        #expect(RequestAnalysis.median([]) == nil && RequestAnalysis.median([3, 1, 2]) == 2)
        #expect(RequestAnalysis.median([4, 1, 2, 3]) == 2.5)
    }

    @Test func aRequestAnsweredOrRefusedSaysSo() {
        var request = DataRequest(
            key: "r1", requesterOrganisationKey: "opcc", partnerKey: "police", what: "Arrests", purpose: "Plan",
            gateway: LegalGateway.known[0], askedOn: Self.today, dueBy: Self.today.adding(days: 10))
        #expect(request.validate() == [])
        request.outcome = .refused
        request.answeredOn = Self.today.adding(days: 3)
        #expect(request.validate().map(\.field) == ["refusal_reason"])
        request.refusalReason = "No gateway"
        request.answeredOn = Self.today.adding(days: -1)
        #expect(request.validate().map(\.field) == ["answered_on"])
        let overdue = DataRequest(
            key: "r2", requesterOrganisationKey: "opcc", partnerKey: "nhs", what: "Admissions", purpose: "Plan",
            gateway: "Consent", askedOn: Day("2026-11-01")!, dueBy: Day("2026-11-20")!)
        #expect(
            AlertRules.request(overdue, partnerName: "NHS", on: Self.today, link: "/r")?.title
                == "No answer from NHS: Admissions")
    }

    @Test func theAttendeesAreThoseExpectedLessThoseAwayAndThoseRecordedAsThere() {
        let expected = ["chair", "member", "away", "apologised", "presenter"]
        #expect(InterestFlags.attendees(expected: expected, attendance: [:]) == Set(expected))
        #expect(
            InterestFlags.attendees(
                expected: expected,
                attendance: [
                    "chair": .present, "away": .absent, "apologised": .apologies, "stand-in": .substitute,
                    "guest": .presentOnline, "late-apology": .apologies
                ]) == ["chair", "member", "presenter", "stand-in", "guest"])
    }

    @Test func aDeclaredInterestFlagsTheItemsThatNameItsOrganisationOrMatter() {
        let declarations = [
            InterestDeclaration(
                key: "d1", personKey: "chair", kind: .directorship, organisationKey: "turning-point",
                matter: "Trustee of Turning Point", from: Day("2024-01-01")!),
            InterestDeclaration(
                key: "d2", personKey: "member", kind: .membership, matter: "Board member of a housing association",
                from: Day("2024-01-01")!),
            InterestDeclaration(
                key: "d3", personKey: "chair", kind: .employment, organisationKey: "old-employer",
                matter: "Was employed",
                from: Day("2020-01-01")!, to: Day("2023-01-01")!)
        ]
        let items = [
            InterestFlags.Item(key: "i1", title: "Turning Point's treatment contract"),
            InterestFlags.Item(key: "i2", title: "Rough sleeping", themes: ["housing"]),
            InterestFlags.Item(key: "i3", title: "Old Employer's report", organisationKeys: ["old-employer"]),
            InterestFlags.Item(key: "i4", title: "Turning pointless meetings")
        ]
        let flags = InterestFlags.flags(
            items: items, attendees: ["chair", "member"], declarations: declarations,
            names: ["turning-point": "Turning Point", "old-employer": "Old Employer"], on: Self.today)
        #expect(
            flags.map { "\($0.itemKey) \($0.personKey) \($0.reason)" } == [
                "i1 chair names Turning Point", "i2 member is about housing"
            ])
        // Not at the meeting: no flag.
        #expect(
            InterestFlags.flags(
                items: items, attendees: ["member"], declarations: declarations,
                names: ["turning-point": "Turning Point"],
                on: Self.today
            ).map(\.itemKey) == ["i2"])
    }

    @Test func theDigestListsAUsersAlertsByKindOncePerISOWeek() throws {
        let alerts = [
            Alert(
                kind: .action, title: "Overdue action: Map services", due: Day("2026-11-01")!,
                record: .init(type: "action", id: "a1"), link: "/partnerships/cdp/actions/a1"),
            Alert(
                kind: .agreement, title: "Agreement past its review date: Drug harm data", due: Day("2026-11-30")!,
                record: .init(type: "agreement", id: "cdp-data"), link: "/sharing/agreements/cdp-data"),
            Alert(
                kind: .agreement, title: "Agreement past its review date: Drug harm data", due: Day("2026-11-30")!,
                record: .init(type: "agreement", id: "cdp-data"), link: "/sharing/agreements/cdp-data")
        ]
        let digest = try #require(
            Digest.make(to: "a@b.c", alerts: alerts, on: Self.today, site: "https://convene.example"))
        #expect(digest.week == "2026-W50")
        #expect(digest.subject == "Convene: 2 things due, week of 7 December 2026")
        #expect(
            digest.body.contains(
                "Data-sharing agreements (1)\n- Agreement past its review date: Drug harm data, was due 30 November 2026\n  https://convene.example/sharing/agreements/cdp-data"
            ))
        #expect(Digest.make(to: "a@b.c", alerts: [], on: Self.today, site: "") == nil)
        #expect(Digest.week(of: Day("2021-01-03")!) == "2020-W53")
        #expect(Digest.week(of: Day("2027-01-01")!) == "2026-W53")
        #expect(Digest.week(of: Day("2026-12-13")!) == "2026-W50" && Digest.week(of: Day("2026-12-14")!) == "2026-W51")
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: AlertRules.json(.init(on: Self.today, alerts: AlertRules.ordered(alerts))))
                as? [String: Any])
        let first = try #require((json["alerts"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["kind", "title", "due", "record", "link"] && json["on"] as? String == "2026-12-07")
        #expect((json["alerts"] as? [Any])?.count == 2)
    }

    @Test func theNetworkTablesAddUpToTheirForceAreasAndNameTheMissing() {
        let published = [
            NetworkTables.Partnership(
                key: "a-cdp", forceAreaCode: "E23000001", type: .combatingDrugsPartnership, meetingsPerYear: 4,
                members: 10, sroRole: "Police and Crime Commissioner", reviewedOn: Day("2024-05-01")),
            NetworkTables.Partnership(
                key: "a-csp", forceAreaCode: "E23000001", type: .communitySafetyPartnership, meetingsPerYear: 6,
                members: 5),
            NetworkTables.Partnership(
                key: "b-cdp", forceAreaCode: "E23000002", type: .combatingDrugsPartnership, meetingsPerYear: nil,
                members: 8, reviewedOn: Day("2019-01-01")),
            NetworkTables.Partnership(
                key: "b-old", forceAreaCode: "E23000002", type: .communitySafetyPartnership, status: .discontinued,
                meetingsPerYear: 12, members: 3)
        ]
        let report = NetworkTables.run(
            forceAreas: [("E23000001", "First"), ("E23000002", "Second"), ("E23000003", "Third")],
            published: published, on: Self.today, hoursPerMeeting: 3, pencePerHour: 2_000)
        #expect(report.forceAreas.map(\.forceArea) == ["E23000001", "E23000002"])
        #expect(report.missing.map(\.name) == ["Third"])
        #expect(
            report.total.partnerships == report.forceAreas.map(\.partnerships).reduce(0, +)
                && report.total.partnerships == 3)
        #expect(report.total.cdps == 2 && report.total.meetingsPerYear == 10 && report.total.frequencyUnknown == 1)
        // 10 members × 3 hours × £20 × 4 meetings, and 5 × 3 × £20 × 6.
        #expect(report.forceAreas[0].estimatedCostPence == 240_000 + 180_000)
        #expect(report.total.estimatedCostPence == report.forceAreas.map(\.estimatedCostPence).reduce(0, +))
        #expect(report.total.reviewedInFiveYears == 1)
        #expect(report.sros.map(\.role) == ["Not published", "Police and Crime Commissioner"])
        #expect(report.total.byType == ["cdp": 2, "csp": 1])
    }
}
