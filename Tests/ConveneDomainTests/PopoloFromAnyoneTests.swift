import Foundation
import Testing

@testable import ConveneDomain

/// Popolo as other producers write it: any id, free-text classifications, labels with or without abbreviations,
/// partial dates, and areas and events Convene has no place for.
@Suite struct PopoloFromAnyoneTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpus/popolo")

    static let corpusFiles = ["everypolitician-estonia-riigikogu.json", "openaustralia-tasmania-councillors.json"]

    static func corpusFile(_ name: String) throws -> Data {
        try Data(contentsOf: corpus.appendingPathComponent(name))
    }

    static let reportsWords = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("cli/worked-table.reports-words.popolo.json")

    func json(_ text: String) -> Data { Data(text.utf8) }

    // MARK: Vocabularies

    @Test func aLabelIsReadWithOrWithoutItsAbbreviationAndTheAbbreviationAlone() {
        #expect(MembershipRole.parse("Senior Responsible Owner (SRO)") == .sro)
        #expect(MembershipRole.parse("Senior Responsible Owner") == .sro)
        #expect(MembershipRole.parse("senior responsible owner") == .sro)
        #expect(MembershipRole.parse("SRO") == .sro)
        #expect(MembershipRole.parse(" vice chair ") == .viceChair)
        #expect(PartnershipType.parse("Combating Drugs Partnership") == .combatingDrugsPartnership)
        #expect(PartnershipType.parse("CDP") == .combatingDrugsPartnership)
        #expect(PartnershipType.parse("Violence against women and girls board") == .vawgBoard)
        #expect(PartnershipType.parse("Area Planning Board") == .areaPlanningBoard)
        #expect(Sector.parse("VCSE") == .voluntary)
        #expect(Sector.parse("Policing governance") == .policingGovernance)
        // A parenthesised word that is not an abbreviation ("(Wales)") is not a spelling on its own.
        #expect(PartnershipType.parse("Wales") == nil)
        #expect(AreaKind.parse("Wales") == nil)
        #expect(MembershipRole.parse("Chairman") == nil)
    }

    @Test func noSpellingNamesTwoValuesOfOneVocabulary() {
        func clashes<V: Vocabulary>(_: V.Type) -> [String] {
            var seen: [String: V] = [:]
            var clashes: [String] = []
            for value in V.allCases {
                for spelling in value.spellings {
                    if let other = seen[spelling], other != value { clashes.append("\(V.self): \(spelling)") }
                    seen[spelling] = value
                }
            }
            return clashes
        }
        let all =
            clashes(PartnershipType.self) + clashes(PartnershipStatus.self) + clashes(PCCRole.self)
            + clashes(MeetingFrequency.self) + clashes(MembershipRole.self) + clashes(RelationKind.self)
            + clashes(Sector.self) + clashes(SeniorityBand.self) + clashes(AreaKind.self) + clashes(MeetingStatus.self)
            + clashes(AttendanceStatus.self)
        #expect(all == [])
    }

    @Test func anAPIRequestMayNameAValueByItsLabelAndAResponseWritesTheRawValue() throws {
        // Setup
        let request = json(#"{"role": "Senior Responsible Owner", "type": "CDP"}"#)
        struct Body: Codable, Equatable { var role: MembershipRole; var type: PartnershipType }

        // Act
        let body = try JSONDecoder().decode(Body.self, from: request)
        let written = String(decoding: try JSONEncoder().encode(body), as: UTF8.self)

        // Check
        #expect(body == Body(role: .sro, type: .combatingDrugsPartnership))
        #expect(written.contains(#""role":"sro""#) && written.contains(#""type":"cdp""#))
    }

    // MARK: Classification

    @Test func theReportsWordsAreReadThroughTheOneSynonymTable() {
        let expected: [(String, Classification?)] = [
            ("combating drugs partnership", .partnership(.combatingDrugsPartnership)),
            ("Combating Drugs Partnerships", .partnership(.combatingDrugsPartnership)),
            ("CDP", .partnership(.combatingDrugsPartnership)),
            ("partnership:cdp", .partnership(.combatingDrugsPartnership)),
            ("LCJB", .partnership(.criminalJusticeBoard)),
            ("Local Criminal Justice Board", .partnership(.criminalJusticeBoard)),
            ("CSP", .partnership(.communitySafetyPartnership)),
            ("community safety partnerships", .partnership(.communitySafetyPartnership)),
            ("Health & Wellbeing Board", .partnership(.healthAndWellbeingBoard)),
            ("Police and Crime Commissioner", .organisation(.policingGovernance)),
            ("OPCC", .organisation(.policingGovernance)),
            ("NHS", .organisation(.health)),
            ("council", .organisation(.localGovernment)),
            ("Local authorities", .organisation(.localGovernment)),
            ("sector:police", .organisation(.police)),
            ("Police", .organisation(.police)),
            ("VCSE", .organisation(.voluntary)),
            ("party", nil), ("legislature", nil), ("sector:cops", nil), ("partnership:police", nil)
        ]
        for (text, meaning) in expected {
            #expect(Classification.read(text) == meaning, "\(text)")
        }
    }

    @Test func theSynonymsNeverContradictAVocabularysOwnSpelling() {
        var vocabulary: [String: Classification] = [:]
        for type in PartnershipType.allCases {
            for s in type.spellings { vocabulary[Classification.normalised(s)] = .partnership(type) }
        }
        for sector in Sector.allCases {
            for s in sector.spellings { vocabulary[Classification.normalised(s)] = .organisation(sector) }
        }
        for (words, meaning) in Classification.synonyms {
            for word in words {
                let own = vocabulary[Classification.normalised(word)]
                #expect(own == nil || own == meaning, "\(word)")
            }
        }
    }

    // MARK: Ids and keys

    @Test func anyIdGetsAStableKeyAndTwoIdsNeverShareOne() {
        // Setup
        let ids = ["A b", "a-b", "ocd-person/1234", "Q123456", "wx-p01@wx-cdp", "7D3C6F0A-1B2C-4D5E-8F90-123456789ABC"]

        // Act
        let forwards = PopoloIDs.keys(for: Set(ids))
        let again = PopoloIDs.keys(for: Set(ids.reversed()))

        // Check
        #expect(forwards == again)
        #expect(Set(forwards.values).count == ids.count)
        #expect(forwards.values.allSatisfy(Key.isValid))
        #expect(forwards["a-b"] == "a-b")
        #expect(forwards["A b"] != "a-b" && forwards["A b"]?.hasPrefix("a-b-") == true)
        #expect(forwards["ocd-person/1234"]?.hasPrefix("ocd-person-1234-") == true)
        #expect(PopoloIDs.key(for: "A b") == forwards["A b"])
    }

    @Test func anIdWhoseKeyIsAnotherIdTakesTheNextOneWhateverTheOrder() {
        // Setup: the file holds "A b" and, literally, the key "A b" would get.
        let taken = PopoloIDs.key(for: "A b")

        // Act
        let keys = PopoloIDs.keys(for: ["A b", taken])

        // Check
        #expect(keys[taken] == taken)
        #expect(keys["A b"] == PopoloIDs.key(for: "A b", salt: 1))
        #expect(keys["A b"] != taken)
    }

    @Test func aFileReadInAnyOrderGivesTheSameKeys() {
        // Setup
        let persons = [
            #"{"id": "A b", "name": "One"}"#, #"{"id": "a-b", "name": "Two"}"#, #"{"id": "Q42", "name": "Three"}"#
        ]

        // Act
        let one = Popolo.read(json(#"{"persons": [\#(persons.joined(separator: ","))]}"#)).register.sorted()
        let two = Popolo.read(json(#"{"persons": [\#(persons.reversed().joined(separator: ","))]}"#)).register.sorted()

        // Check
        #expect(one == two)
        #expect(one.persons.map(\.popoloID).contains("A b"))
        #expect(one.persons.first { $0.key == "a-b" }?.popoloID == nil)
    }

    @Test func storedRecordsDecideTheKeysOfAFilesIds() {
        // Setup: "X 1" was imported before (its key happens to be "x-1-old"); "Y 2"'s key is held by a record that
        // came from another id.
        var batch = Popolo.read(
            json(
                #"{"persons": [{"id": "X 1", "name": "X"}, {"id": "Y 2", "name": "Y"}], "memberships": [], "organizations": [{"id": "p", "name": "P", "classification": "forum"}], "events": [{"id": "e", "organization_id": "p", "start_date": "2024-03-14", "attendees": ["X 1", "Y 2"]}]}"#
            ))
        let yKey = PopoloIDs.key(for: "Y 2")
        let stored: [RecordOrigin.Kind: PopoloIDs.Stored] = [
            .person: PopoloIDs.Stored(keys: ["x-1-old", yKey], popoloIDs: ["x-1-old": "X 1", yKey: "Someone else"])
        ]

        // Act
        batch = PopoloIDs.resolve(batch, stored: stored)

        // Check
        let keys = Dictionary(uniqueKeysWithValues: batch.register.persons.map { ($0.popoloID ?? $0.key, $0.key) })
        #expect(keys["X 1"] == "x-1-old")
        #expect(keys["Y 2"] == "\(yKey)-2")
        #expect(batch.register.meetings.first?.attendance.map(\.personKey).sorted() == ["x-1-old", "\(yKey)-2"])
        #expect(batch.location(.person, "x-1-old") == "persons[0]")
    }

    // MARK: Reading what others write

    @Test func unknownClassificationsAndRolesAreWarningsAndTheRestGoesIn() {
        // Setup
        let data = json(
            """
            {"organizations": [{"id": "wx-cdp", "name": "Westshire CDP", "classification": "combating drugs partnership"},
                               {"id": "Green", "name": "Green Party", "classification": "party"},
                               {"id": "opcc", "name": "OPCC", "classification": "Office of the Police and Crime Commissioner"}],
             "persons": [{"id": "p01", "name": "Jo", "image": "https://example.org/jo.jpg", "other_names": [{"name": "J"}]}],
             "memberships": [{"id": "p01@wx-cdp", "person_id": "p01", "organization_id": "wx-cdp", "role": "senior responsible owner",
                              "on_behalf_of_id": "opcc", "start_date": "2019", "end_date": "2024-02"},
                             {"id": "p01@wx-cdp#2", "person_id": "p01", "organization_id": "wx-cdp", "role": "Treasurer"}]}
            """)

        // Act
        let batch = Popolo.read(data)

        // Check
        #expect(batch.issues == [])
        #expect(RegisterCheck.issues(in: batch, known: .init()) == [])
        #expect(batch.register.partnerships.map(\.type) == [.combatingDrugsPartnership])
        #expect(
            batch.register.organisations.map(\.sector).sorted { $0.rawValue < $1.rawValue } == [
                .other, .policingGovernance
            ])
        let sro = batch.register.memberships.first { $0.popoloID == "p01@wx-cdp" }
        #expect(sro?.role == .sro && sro?.representsKey == "opcc")
        #expect(sro?.startedOn == Day("2019-01-01") && sro?.endedOn == Day("2024-02-29"))
        #expect(batch.register.memberships.first { $0.popoloID == "p01@wx-cdp#2" }?.role == .member)
        #expect(
            batch.warnings.map(\.description) == [
                "organizations[1], classification: 'party' is not a kind of organisation Convene knows; kept as an organisation of sector other",
                "persons[0], other_names: Not kept: Convene has no place for other_names",
                "persons[0], image: Not kept: Convene has no place for image",
                "memberships[0], start_date: A date given as a year or a month is read as its first day, like '2019' as 2019-01-01",
                "memberships[0], end_date: A date given as a year or a month is read as its last day, like '2024-02' as 2024-02-29",
                "memberships[1], role: 'Treasurer' is not a membership role Convene knows; read as member"
            ])
    }

    @Test func areasAndEventsConveneCannotUseAreSkippedEachWithAWarning() {
        // Setup
        let data = json(
            """
            {"areas": [{"id": "area/tartu", "name": "Tartu", "type": "constituency"},
                       {"id": "ocd-division/country:gb/police:kent", "name": "Kent", "classification": "police force area",
                        "identifiers": [{"scheme": "gss", "identifier": "E23000032"}]},
                       {"id": "E06000016", "name": "Leicester", "classification": "Local authority district", "parent_id": "nowhere"}],
             "organizations": [{"id": "leg", "name": "Parliament", "classification": "legislature"},
                               {"id": "csp", "name": "Kent CSP", "classification": "CSP", "area_id": "ocd-division/country:gb/police:kent"}],
             "events": [{"id": "term/13", "name": "13th Riigikogu", "classification": "legislative period", "organization_id": "leg", "start_date": "2015-03-30"},
                        {"id": "e1", "name": "Sitting", "organization_id": "leg", "start_date": "2015-03-30"},
                        {"id": "e2", "name": "CSP board", "classification": "Meeting", "organization_id": "csp", "start_date": "2024-03-14T10:00:00Z"}]}
            """)

        // Act
        let batch = Popolo.read(data)

        // Check
        #expect(batch.issues == [])
        #expect(batch.register.areas.map(\.code) == ["E23000032", "E06000016"])
        #expect(batch.register.areas.last?.parentCode == nil)
        #expect(batch.register.partnerships.first?.forceAreaCode == "E23000032")
        #expect(batch.register.meetings.map(\.popoloID) == [nil])
        #expect(batch.register.meetings.map(\.key) == ["e2"])
        let warnings = batch.warnings.map(\.description)
        #expect(
            warnings.contains { $0.hasPrefix("areas[0], id: Skipped the area 'area/tartu', 'Tartu' (constituency)") })
        #expect(warnings.contains("areas[2], parent_id: Not kept: the parent area has no ONS code, or was skipped"))
        #expect(
            warnings.contains(
                "events[0], classification: Skipped the event 'term/13', '13th Riigikogu' (legislative period): Convene keeps only meetings"
            ))
        #expect(warnings.contains { $0.hasPrefix("events[1], organization_id: Skipped the event 'e1', 'Sitting'") })
    }

    @Test func errorsAfterReadingNameTheFilesIdsAndFields() {
        // Setup
        let data = json(
            """
            {"persons": [{"id": "Jo Bloggs", "name": "Jo"}],
             "memberships": [{"id": "Jo@CDP", "person_id": "Jo Bloggs", "organization_id": "No Such CDP", "start_date": "2024-02-01", "end_date": "2024-01-01"},
                             {"id": "Jo@CDP", "person_id": "Jo Bloggs", "organization_id": "No Such CDP"}]}
            """)

        // Act
        let issues = RegisterCheck.issues(in: Popolo.read(data), known: .init()).map(\.description)

        // Check
        #expect(
            issues.contains(
                "memberships[0] and memberships[1], id: The membership identifier 'Jo@CDP' is used more than once in this file"
            ))
        #expect(
            issues.contains(
                "memberships[0] and memberships[1], organization_id: No partnership has the identifier 'No Such CDP'"))
        #expect(issues.contains { $0.hasPrefix("memberships[0] and memberships[1], end_date: The end date must be") })
    }

    @Test func theReportsWordsTwinReadsWhole() throws {
        // Setup
        let data = try Data(contentsOf: Self.reportsWords)

        // Act
        let batch = Popolo.read(data)

        // Check
        #expect(batch.issues == [])
        #expect(batch.warnings == [])
        #expect(RegisterCheck.issues(in: batch, known: .init()) == [])
        #expect(batch.register.partnerships.map(\.type) == [.combatingDrugsPartnership])
        #expect(batch.register.memberships.count == 12)
        #expect(batch.register.memberships.filter { $0.role == .sro }.map(\.popoloID) == ["p01@cdp"])
        #expect(batch.register.memberships.allSatisfy { $0.popoloID?.hasSuffix("@cdp") == true })
    }

    // MARK: The corpus

    @Test(arguments: corpusFiles)
    func aPublishedFileReadsWholeAndExportsItsOwnIds(_ name: String) throws {
        // Setup
        let data = try Self.corpusFile(name)
        let published = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let personIDs = Set(((published["persons"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
        let organisationIDs = Set(
            ((published["organizations"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })

        // Act
        let batch = Popolo.read(data)
        let exported = Popolo.write(batch.register)
        let again = Popolo.read(exported)

        // Check
        #expect(batch.issues == [])
        #expect(RegisterCheck.issues(in: batch, known: .init()) == [])
        #expect(!batch.warnings.isEmpty)
        #expect(batch.register.persons.count == personIDs.count)
        #expect(batch.register.organisations.count == organisationIDs.count)
        let written = try #require(try JSONSerialization.jsonObject(with: exported) as? [String: Any])
        #expect(Set(((written["persons"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }) == personIDs)
        #expect(
            Set(((written["organizations"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
                == organisationIDs)
        #expect(again.issues == [] && again.warnings == [])
        #expect(again.register == batch.register.sorted())
        #expect(Popolo.write(again.register) == exported)
    }
}
