import Foundation
import Testing

@testable import ConveneDomain

/// A small register with every field set, shared by the tests of both file formats.
enum CodecFixture {
    static func day(_ text: String) -> Day { Day(text)! }

    /// Listed out of order on purpose: the formats must give back `sorted()`.
    static let complete = Register(
        areas: [
            Area(code: "E06000016", name: "Leicester", kind: .district, parentCode: "E23000021"),
            Area(code: "E23000021", name: "Leicestershire", kind: .policeForceArea),
            Area(code: "E54000015", name: "Leicester, Leicestershire and Rutland ICB", kind: .integratedCareBoard)
        ],
        areaLinks: [
            AreaLink(districtCode: "E06000016", areaCode: "E54000015", share: 0.6),
            AreaLink(districtCode: "E06000016", areaCode: "E23000021")
        ],
        organisations: [
            Organisation(key: "opcc", name: "Office of the Police and Crime Commissioner", sector: .policingGovernance),
            Organisation(key: "leicester-city-council", name: "Leicester City Council", sector: .localGovernment),
            Organisation(key: "llr-icb", name: "LLR Integrated Care Board", sector: .health)
        ],
        persons: [
            Person(
                key: "pcc", name: "Police and Crime Commissioner", roleTitle: "Police and Crime Commissioner",
                organisationKey: "opcc", seniority: .electedOfficial, salaryBand: 100_000),
            Person(
                key: "dph", name: "Director of Public Health", roleTitle: "Director of Public Health",
                organisationKey: "leicester-city-council", seniority: .director, salaryBand: 95_000),
            Person(
                key: "analyst", name: "Public health analyst", roleTitle: "Analyst",
                organisationKey: "leicester-city-council", seniority: .officer, salaryBand: 32_000)
        ],
        partnerships: [
            Partnership(
                key: "leicester-cdp", name: "Leicester Combating Drugs Partnership", type: .combatingDrugsPartnership,
                status: .active, startedOn: day("2022-09-01"), statutoryBasis: "From Harm to Hope (2021)",
                purpose: "Cut drug-related harm, crime and deaths", themes: ["drugs", "treatment"],
                footprint: ["E06000016"], pccRoles: [.member, .funder], meetingFrequency: .quarterly,
                secretariatKey: "opcc", forceAreaCode: "E23000021", isDemo: true),
            Partnership(
                key: "treatment-sub-group", name: "Treatment and recovery sub-group", type: .subGroup,
                status: .underReview, startedOn: day("2023-01-10"), themes: ["treatment"],
                meetingFrequency: .sixWeekly),
            Partnership(
                key: "drug-alcohol-board", name: "Drug and Alcohol Board", type: .strategicBoard,
                status: .merged, startedOn: day("2015-04-01"), endedOn: day("2022-08-31"),
                purpose: "Tackle \"drug\" harm, together.\nA second line, with a comma.",
                pccRoles: [.chair])
        ],
        memberships: [
            Membership(
                key: "cdp-dph", partnershipKey: "leicester-cdp", personKey: "dph", role: .chair,
                representsKey: "leicester-city-council", votingRight: true, startedOn: day("2022-09-01"),
                substituteKey: "analyst"),
            Membership(
                key: "cdp-pcc", partnershipKey: "leicester-cdp", personKey: "pcc", role: .member,
                representsKey: "opcc", votingRight: true, startedOn: day("2022-09-01")),
            Membership(
                key: "cdp-icb", partnershipKey: "leicester-cdp", organisationKey: "llr-icb", role: .adviser,
                startedOn: day("2022-09-01"), endedOn: day("2024-03-31")),
            Membership(
                key: "treatment-analyst", partnershipKey: "treatment-sub-group", personKey: "analyst",
                role: .member, representsKey: "leicester-city-council", startedOn: day("2023-02-01")),
            Membership(
                key: "treatment-dph", partnershipKey: "treatment-sub-group", personKey: "dph", role: .sro,
                representsKey: "leicester-city-council", votingRight: true)
        ],
        relations: [
            PartnershipRelation("treatment-sub-group", .subGroupOf, "leicester-cdp"),
            PartnershipRelation("treatment-sub-group", .reportsTo, "leicester-cdp"),
            PartnershipRelation("drug-alcohol-board", .replacedBy, "leicester-cdp"),
            PartnershipRelation("drug-alcohol-board", .mergedInto, "leicester-cdp"),
            PartnershipRelation("leicester-cdp", .deliveryArmOf, "drug-alcohol-board")
        ],
        termsOfReference: [
            TermsOfReference(
                partnershipKey: "leicester-cdp", version: 2, purpose: "Deliver the local drug strategy",
                quorum: 5, meetingFrequency: .quarterly, approvedOn: day("2024-01-15"), reviewDue: day("2025-01-15")),
            TermsOfReference(
                partnershipKey: "leicester-cdp", version: 1, purpose: "Set up the partnership",
                quorum: 4, meetingFrequency: .monthly, approvedOn: day("2022-09-01"), reviewDue: day("2023-09-01"))
        ],
        meetings: [
            Meeting(
                key: "cdp-2024-03", partnershipKey: "leicester-cdp", name: "CDP board, March 2024",
                startsAt: Date(timeIntervalSince1970: 1_710_410_400),
                endsAt: Date(timeIntervalSince1970: 1_710_417_600),
                status: .held,
                attendance: [
                    Attendance(personKey: "pcc", status: .presentOnline),
                    Attendance(personKey: "dph", status: .apologies),
                    Attendance(personKey: "analyst", status: .substitute, substituteForKey: "dph")
                ]),
            Meeting(
                key: "cdp-2024-06", partnershipKey: "leicester-cdp", name: "CDP board, June 2024",
                startsAt: Date(timeIntervalSince1970: 1_718_359_200))
        ])

    /// What the CSV layout carries: no areas, area links, terms of reference, meetings or force area.
    static var sheet: Register {
        var register = complete
        register.areas = []
        register.areaLinks = []
        register.termsOfReference = []
        register.meetings = []
        register.partnerships = register.partnerships.map { partnership in
            var partnership = partnership
            partnership.forceAreaCode = nil
            return partnership
        }
        return register
    }

    static let known = RegisterCheck.KnownKeys(areaCodes: ["E06000016"])
}

@Suite struct PopoloTests {
    func json(_ text: String) -> Data { Data(text.utf8) }

    func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func roundTripGivesBackTheSortedRegister() {
        // Setup
        let register = CodecFixture.complete
        // Act
        let batch = Popolo.read(Popolo.write(register))
        // Check
        #expect(batch.issues == [])
        #expect(batch.register == register.sorted())
        #expect(RegisterCheck.issues(in: batch, known: .init()) == [])
        #expect(batch.relationsStatedFor == ["leicester-cdp", "treatment-sub-group", "drug-alcohol-board"])
        #expect(batch.location(.membership, "cdp-icb") == "memberships[1]")
        #expect(
            batch.location(.termsOfReference, "leicester-cdp#2") == "organizations[4].convene:terms_of_reference[1]")
    }

    @Test func exportImportExportIsByteIdentical() {
        // Setup
        let first = Popolo.write(CodecFixture.complete)
        // Act
        let second = Popolo.write(Popolo.read(first).register)
        // Check
        #expect(first == second)
        #expect(Popolo.write(CodecFixture.complete.sorted()) == first)
    }

    @Test func writesPopoloShapes() throws {
        // Setup
        let data = Popolo.write(CodecFixture.complete)
        // Act
        let top = try object(data)
        let organizations = try #require(top["organizations"] as? [[String: Any]])
        let memberships = try #require(top["memberships"] as? [[String: Any]])
        let posts = try #require(top["posts"] as? [[String: Any]])
        let events = try #require(top["events"] as? [[String: Any]])
        let areas = try #require(top["areas"] as? [[String: Any]])
        // Check
        #expect(Set(top.keys) == ["persons", "organizations", "memberships", "posts", "areas", "events"])
        let sub = try #require(organizations.first { $0["id"] as? String == "treatment-sub-group" })
        #expect(sub["classification"] as? String == "partnership:sub-group")
        #expect(sub["parent_id"] as? String == "leicester-cdp")
        #expect(sub["convene:relations"] as? [[String: String]] == [["kind": "reports-to", "to": "leicester-cdp"]])
        #expect(sub["convene:purpose"] == nil && sub["convene:is_demo"] == nil && sub["area_id"] == nil)
        let opcc = try #require(organizations.first { $0["id"] as? String == "opcc" })
        #expect(opcc["classification"] as? String == "sector:policing-governance")
        let icb = try #require(memberships.first { $0["id"] as? String == "cdp-icb" })
        #expect(icb["member"] as? [String: String] == ["@type": "Organization", "id": "llr-icb"])
        #expect(icb["person_id"] == nil && icb["post_id"] as? String == "leicester-cdp--adviser")
        #expect(
            posts.map { $0["id"] as? String } == [
                "leicester-cdp--adviser", "leicester-cdp--chair", "leicester-cdp--member",
                "treatment-sub-group--member", "treatment-sub-group--sro"
            ])
        let cdp = try #require(organizations.first { $0["id"] as? String == "leicester-cdp" })
        #expect(cdp["area_id"] as? String == "E23000021" && cdp["convene:is_demo"] as? Bool == true)
        #expect(posts.first?["label"] as? String == "Adviser")
        #expect(events.first?["start_date"] as? String == "2024-03-14T10:00:00Z")
        #expect(events.last?["attendees"] == nil)
        let links = try #require(areas.first?["convene:links"] as? [[String: Any]])
        #expect(links.map { $0["area_id"] as? String } == ["E23000021", "E54000015"])
        #expect(links[0]["share"] == nil && links[1]["share"] as? Double == 0.6)
    }

    @Test func readsWhatOtherPopoloFilesWrite() {
        // Setup
        let data = json(
            """
            {"organizations": [{"id": "csp", "name": "Leicester CSP", "classification": "partnership:Community Safety Partnership (CSP)"}],
             "persons": [{"id": "chief", "name": "Chief Constable"}],
             "posts": [{"id": "csp-chair", "label": "Chair", "organization_id": "csp"}],
             "memberships": [{"person_id": "chief", "post_id": "csp-chair"}],
             "events": [{"id": "e1", "name": "CSP", "organization_id": "csp", "start_date": "2024-03-14T11:00:00+01:00",
                         "end_date": "2024-03-15", "attendees": ["chief"]}]}
            """)
        // Act
        let batch = Popolo.read(data)
        // Check
        #expect(batch.issues == [])
        #expect(batch.register.partnerships.map(\.type) == [.communitySafetyPartnership])
        #expect(
            batch.register.memberships == [
                Membership(key: "csp-chief-chair", partnershipKey: "csp", personKey: "chief", role: .chair)
            ])
        let meeting = batch.register.meetings.first
        #expect(meeting?.startsAt == Date(timeIntervalSince1970: 1_710_410_400))
        #expect(meeting?.endsAt == Date(timeIntervalSince1970: 1_710_460_800))
        #expect(meeting?.attendance == [Attendance(personKey: "chief", status: .present)])
    }

    @Test func twoParentsTravelAsRelations() throws {
        // Setup
        let register = Register(
            partnerships: [
                Partnership(key: "a", name: "A", type: .strategicBoard), Partnership(key: "b", name: "B", type: .forum),
                Partnership(key: "joint", name: "Joint", type: .subGroup)
            ],
            relations: [PartnershipRelation("joint", .subGroupOf, "a"), PartnershipRelation("joint", .subGroupOf, "b")])
        // Act
        let data = Popolo.write(register)
        let joint = try #require((try object(data)["organizations"] as? [[String: Any]])?.last)
        // Check
        #expect(joint["parent_id"] == nil)
        #expect((joint["convene:relations"] as? [Any])?.count == 2)
        #expect(Popolo.read(data).register == register.sorted())
    }

    @Test func memberObjectsAreChecked() {
        // Setup
        let data = json(
            """
            {"memberships": [{"id": "m1", "organization_id": "p", "member": {"@type": "Person", "id": "a"}},
                             {"id": "m2", "organization_id": "p", "member": {"id": "o"}},
                             {"id": "m3", "organization_id": "p", "member": {"@type": "Group", "id": "o"}}]}
            """)
        // Act
        let batch = Popolo.read(data)
        // Check
        #expect(batch.register.memberships.first?.personKey == "a")
        #expect(
            batch.issues.map(\.description) == [
                "memberships[1].member, @type: Enter the member's @type: Organization (or Person)",
                "memberships[2].member, @type: 'Group' is not a member type; expected Organization (or Person)"
            ])
    }

    @Test func brokenJSONNamesThePosition() {
        // Setup
        let data = json("{\n  \"persons\": [\n    {\"id\": \"a\",, \"name\": \"A\"}\n  ]\n}")
        // Act
        let batch = Popolo.read(data)
        // Check
        #expect(batch.issues.count == 1)
        #expect(batch.issues.first?.location == "file")
        #expect(batch.issues.first?.message == "The file is not valid JSON: invalid value at line 3, column 16")
    }

    @Test func latin1BytesAreNotUTF8() {
        // Setup
        let data = Data("{\"persons\": [\n{\"id\": \"a\", \"name\": \"Ren".utf8) + Data([0xE9]) + Data("e\"}]}".utf8)
        // Act
        let batch = Popolo.read(data)
        // Check
        #expect(batch.issues.map(\.description) == ["line 2: The file is not UTF-8 text; save it as UTF-8 JSON"])
    }

    @Test func wrongTypesNameRecordAndField() {
        // Setup
        let data = json(
            """
            {"persons": [{"id": "a", "name": "A", "convene:salary_band": "lots"}, {"id": 7, "name": "B"}],
             "organizations": [{"id": "p", "name": "P", "classification": "partnership:cdp", "convene:themes": "drugs",
                                "founding_date": "01/13/2022", "convene:is_demo": "yes"}],
             "memberships": {"id": "m"}}
            """)
        // Act
        let batch = Popolo.read(data)
        // Check
        #expect(
            batch.issues.map(\.description) == [
                "organizations[0], founding_date: '01/13/2022' is not a date; expected yyyy-mm-dd (or yyyy-mm, or yyyy), like 2024-03-14",
                "organizations[0], convene:themes: Expected a list of text; found text",
                "organizations[0], convene:is_demo: Expected true or false; found text",
                "persons[0], convene:salary_band: Expected a whole number; found text",
                "persons[1], id: Expected text; found a number",
                "file, memberships: Expected a list of objects; found an object"
            ])
    }

    @Test func unknownVocabularyAndPostsAreNamed() {
        // Setup
        let data = json(
            """
            {"organizations": [{"id": "p", "name": "P", "classification": "partnership:cdp", "convene:status": "paused"},
                               {"id": "o", "name": "O", "classification": "sector:cops"},
                               {"id": "x", "name": "X", "classification": "party"}],
             "posts": [{"id": "p--chair", "role": "chair", "organization_id": "p"}],
             "memberships": [{"id": "m1", "person_id": "a", "organization_id": "p", "role": "Chairman"},
                             {"id": "m2", "person_id": "a", "organization_id": "p", "post_id": "p--boss"}],
             "events": [{"id": "e", "organization_id": "p", "start_date": "2024-03-14T10:00", "status": "done"}]}
            """)
        // Act
        let batch = Popolo.read(data)
        // Check: Convene's own fields are errors; free text Popolo allows (a classification, a role) is a warning.
        #expect(
            batch.issues.map(\.description) == [
                "organizations[0], convene:status: 'paused' is not a known status; expected one of proposed, active, under-review, merged, discontinued",
                "memberships[1], post_id: No post has the id 'p--boss' in this file; add it to posts, or remove post_id",
                "events[0], start_date: '2024-03-14T10:00' is not a date and time with a time zone; expected UTC like 2024-03-14T10:00:00Z, an offset like 2024-03-14T10:00:00+01:00, or a date"
            ])
        #expect(
            batch.warnings.map(\.description) == [
                "organizations[1], classification: 'sector:cops' is not a kind of organisation Convene knows; kept as an organisation of sector other",
                "organizations[2], classification: 'party' is not a kind of organisation Convene knows; kept as an organisation of sector other",
                "memberships[0], role: 'Chairman' is not a membership role Convene knows; read as member"
            ])
        #expect(batch.register.organisations.map(\.sector) == [.other, .other])
    }

    @Test func crossRecordChecksNameTheRecord() {
        // Setup
        let data = json(
            """
            {"persons": [{"id": "a", "name": "A"}],
             "memberships": [{"id": "m1", "person_id": "a", "organization_id": "no-such-board"},
                             {"id": "m1", "person_id": "a", "organization_id": "no-such-board"}]}
            """)
        // Act
        let issues = RegisterCheck.issues(in: Popolo.read(data), known: .init())
        // Check
        let named = issues.map { "\($0.location): \($0.message)" }
        #expect(
            named.contains(
                "memberships[0] and memberships[1]: The membership identifier 'm1' is used more than once in this file")
        )
        #expect(named.contains("memberships[0] and memberships[1]: No partnership has the identifier 'no-such-board'"))
    }
}
