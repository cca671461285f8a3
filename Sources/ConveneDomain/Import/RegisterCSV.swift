// Over 400 lines: one file layout, read and written, kept whole so its columns are defined once.
import Foundation

/// The register as the kind of sheet an office keeps today: one row per membership, with the
/// partnership's columns repeated on each of its rows. Every column is described in docs/import-formats.md.
///
/// The sheet carries partnerships, their relations, organisations, persons and memberships; areas,
/// area links, terms of reference and meetings travel in Popolo JSON only.
public enum RegisterCSV {
    /// The header, in order.
    public static let columns: [String] = Column.allCases.map(\.rawValue)

    /// Reads a sheet. Problems of format (unknown values, bad dates, rows that disagree) go into
    /// `issues`, each naming its row and column; rules across records are `RegisterCheck`'s.
    public static func read(_ data: Data) -> ImportBatch {
        do {
            return read(try CSV.read(data), places: .csv)
        } catch {
            var batch = ImportBatch()
            batch.issues.append(SheetReader.issue(for: error))
            return batch
        }
    }

    /// Reads a sheet already split into cells: a CSV file's, or a workbook's (`RegisterWorkbook`), whose problems
    /// name their cells.
    static func read(_ table: CSV.Table, places: SheetPlaces) -> ImportBatch {
        var reader = SheetReader(places: places)
        reader.read(table)
        return reader.batch
    }

    /// The columns a sheet must have, so a workbook's header row can be told from its title rows.
    static let requiredColumns = Column.required.map(\.rawValue)

    /// The column a header names (ignoring case, spaces and underscores), or nil for a column the sheet does not know.
    static func column(named header: String) -> String? {
        Column.byName[CSV.normalise(header)]?.rawValue
    }

    /// The columns that hold dates and whole numbers, which a workbook writes as date and number cells.
    static let dateColumns = Set([Column.startedOn, .endedOn, .memberStartedOn, .memberEndedOn].map(\.rawValue))
    static let numberColumns: Set<String> = [Column.salaryBand.rawValue]

    /// Writes the layout `read` expects, so that reading the result gives the register back.
    public static func write(_ register: Register) -> String {
        CSV.write(header: columns, rows: rows(register))
    }

    /// The cells of the layout, one row per membership, under the header `columns`.
    static func rows(_ register: Register) -> [[String]] {
        let register = register.sorted()
        let organisations = Dictionary(register.organisations.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let persons = Dictionary(register.persons.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let members = Dictionary(grouping: register.memberships, by: \.partnershipKey)
        let relations = Dictionary(grouping: register.relations, by: \.fromKey)
        let list = { (items: [String]) in items.joined(separator: "; ") }
        let day = { (day: Day?) in day?.description ?? "" }
        let flag = { (value: Bool) in value ? "yes" : "no" }

        func partnershipCells(_ p: Partnership) -> [String] {
            let related = relations[p.key] ?? []
            let to = { (kind: RelationKind) in list(related.filter { $0.kind == kind }.map(\.toKey)) }
            return [
                p.key, p.name, p.type.rawValue, p.status.rawValue, day(p.startedOn), day(p.endedOn),
                p.statutoryBasis ?? "", p.purpose ?? "", list(p.themes), list(p.footprint),
                list(p.pccRoles.map(\.rawValue)), p.meetingFrequency?.rawValue ?? "",
                p.secretariatKey ?? "", p.secretariatKey.flatMap { organisations[$0]?.name } ?? ""
            ]
                + Column.relations.map { to($0.kind) } + [flag(p.isDemo), p.forceAreaCode ?? ""]
        }
        func memberCells(_ m: Membership) -> [String] {
            let person = m.personKey.flatMap { persons[$0] }
            // A person's row names the body they represent; an organisation's row names the member itself.
            let organisationKey = m.personKey == nil ? m.organisationKey : (m.representsKey ?? person?.organisationKey)
            let organisation = organisationKey.flatMap { organisations[$0] }
            return [
                m.key, m.personKey ?? "", person?.name ?? "", person?.roleTitle ?? "",
                person?.seniority?.rawValue ?? "", person?.salaryBand.map(String.init) ?? "",
                organisationKey ?? "", organisation?.name ?? "", organisation?.sector.rawValue ?? "",
                m.role.rawValue, flag(m.votingRight), day(m.startedOn), day(m.endedOn),
                m.substituteKey ?? "", m.substituteKey.flatMap { persons[$0]?.name } ?? ""
            ]
        }

        let noMember = Array(repeating: "", count: Column.memberColumns.count)
        var rows: [[String]] = []
        for partnership in register.partnerships {
            let cells = partnershipCells(partnership)
            let seats = members[partnership.key] ?? []
            if seats.isEmpty { rows.append(cells + noMember) }
            rows += seats.map { cells + memberCells($0) }
        }
        // Seats on partnerships stored elsewhere carry only the partnership's id, which reads back as a reference.
        let written = Set(register.partnerships.map(\.key))
        let noPartnership = Array(repeating: "", count: Column.partnershipColumns.count - 1)
        for membership in register.memberships where !written.contains(membership.partnershipKey) {
            rows.append([membership.partnershipKey] + noPartnership + memberCells(membership))
        }
        return rows
    }
}

private enum Column: String, CaseIterable {
    case partnershipId = "partnership_id", partnershipName = "partnership_name", type, status
    case startedOn = "started_on", endedOn = "ended_on", statutoryBasis = "statutory_basis", purpose
    case themes, footprint, pccRoles = "pcc_roles", meetingFrequency = "meeting_frequency"
    case secretariatId = "secretariat_id", secretariatName = "secretariat_name"
    case reportsTo = "reports_to", subGroupOf = "sub_group_of", deliveryArmOf = "delivery_arm_of"
    case mergedInto = "merged_into", replacedBy = "replaced_by", isDemo = "is_demo", forceArea = "force_area"
    case membershipId = "membership_id", personId = "member_person_id", personName = "member_person_name"
    case roleTitle = "member_role_title", seniority = "member_seniority", salaryBand = "member_salary_band"
    case organisationId = "member_organisation_id", organisationName = "member_organisation_name"
    case organisationSector = "member_organisation_sector", role, voting
    case memberStartedOn = "member_started_on", memberEndedOn = "member_ended_on"
    case substituteId = "substitute_id", substituteName = "substitute_name"

    static let relations: [(column: Column, kind: RelationKind)] = [
        (.reportsTo, .reportsTo), (.subGroupOf, .subGroupOf), (.deliveryArmOf, .deliveryArmOf),
        (.mergedInto, .mergedInto), (.replacedBy, .replacedBy)
    ]
    static let partnershipColumns = Array(allCases.prefix { $0 != .membershipId })
    /// The partnership's columns after its id: a row that fills none of them only refers to the partnership.
    static let partnershipDetails = Array(partnershipColumns.dropFirst())
    static let memberColumns = Array(allCases.drop { $0 != .membershipId })
    static let required: [Column] = [.partnershipName, .type]
    static let byName = Dictionary(allCases.map { (CSV.normalise($0.rawValue), $0) }, uniquingKeysWith: { a, _ in a })
}

/// How a sheet's problems name where they are: "row 14" in a CSV file, "Partnership map!C14" in a workbook.
struct SheetPlaces: Sendable {
    /// A whole row, by its number.
    var row: @Sendable (Int) -> String
    /// One cell, by its row number and its column's position in the header (from 0).
    var cell: @Sendable (Int, Int) -> String

    static let csv = SheetPlaces(row: { "row \($0)" }, cell: { row, _ in "row \(row)" })
}

/// One cell read as a value, or the reasons it could not be.
private struct Cell<Value> {
    let column: Column
    var text: String?
    var value: Value?
    var problems: [String] = []
}

/// A field of a record that several rows repeat: the first row to fill it sets it, later rows must agree.
private struct Stated<Value: Equatable> {
    var value: Value?
    var text = ""
    var row = 0
    /// A cell was filled but unreadable; its issue is already reported, so "missing" would be noise.
    var rejected = false
}

/// One row's cells, and the problems found in them.
private struct RowCells {
    let table: CSV.Table
    let row: CSV.Row
    let index: [Column: Int]
    let places: SheetPlaces
    var issues: [ImportIssue] = []

    var place: String { places.row(row.number) }
    func text(_ column: Column) -> String? { table.value(row, index[column]) }
    func has(_ columns: [Column]) -> Bool { columns.contains { text($0) != nil } }

    mutating func problem(_ column: Column, _ message: String) {
        let location = index[column].map { places.cell(row.number, $0) } ?? place
        issues.append(ImportIssue(location, field: column.rawValue, message))
    }

    func string(_ column: Column) -> Cell<String> {
        let text = text(column)
        return Cell(column: column, text: text, value: text)
    }

    func vocabulary<V: Vocabulary>(_ column: Column, _ what: String) -> Cell<V> {
        read(column) {
            V.parse($0).map { .success($0) }
                ?? .failure(["'\($0)' is not a known \(what); expected one of \(V.expectedList)"])
        }
    }

    func day(_ column: Column) -> Cell<Day> {
        read(column) {
            Day($0).map { .success($0) }
                ?? .failure(["'\($0)' is not a date; expected yyyy-mm-dd or dd/mm/yyyy, like 2024-03-14"])
        }
    }

    func flag(_ column: Column) -> Cell<Bool> {
        read(column) { text in
            switch text.lowercased() {
            case "yes", "true": .success(true)
            case "no", "false": .success(false)
            default: .failure(["'\(text)' is not yes or no; expected yes, no, true, false or an empty cell"])
            }
        }
    }

    func pounds(_ column: Column) -> Cell<Int> {
        read(column) { text in
            let digits = text.filter { $0 != "£" && $0 != "," }
            return Int(digits).map { .success($0) }
                ?? .failure(["'\(text)' is not a whole number of pounds a year, like 52000"])
        }
    }

    func list(_ column: Column) -> Cell<[String]> {
        read(column) { .success(RowCells.items($0)) }
    }

    func vocabularyList<V: Vocabulary>(_ column: Column, _ what: String) -> Cell<[V]> {
        read(column) { text in
            let items = RowCells.items(text)
            let unknown = items.filter { V.parse($0) == nil }
            if unknown.isEmpty { return .success(items.compactMap(V.parse)) }
            return .failure(
                unknown.map { "'\($0)' is not a known \(what); expected one of \(V.expectedList), separated by ;" })
        }
    }

    private enum Outcome<Value> { case success(Value), failure([String]) }

    private func read<Value>(_ column: Column, _ parse: (String) -> Outcome<Value>) -> Cell<Value> {
        guard let text = text(column) else { return Cell(column: column) }
        switch parse(text) {
        case .success(let value): return Cell(column: column, text: text, value: value)
        case .failure(let problems): return Cell(column: column, text: text, problems: problems)
        }
    }

    static func items(_ text: String) -> [String] {
        text.split(separator: ";").map { CSV.trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    /// A cell's value for this row alone, reporting it when unreadable.
    mutating func take<Value>(_ cell: Cell<Value>) -> Value? {
        cell.problems.forEach { problem(cell.column, $0) }
        return cell.value
    }

    /// Adds a row's cell to a field that earlier rows may already have filled.
    mutating func state<Value>(_ slot: inout Stated<Value>, _ cell: Cell<Value>, of record: () -> String) {
        guard let text = cell.text else { return }
        guard let value = take(cell) else {
            slot.rejected = true
            return
        }
        guard let earlier = slot.value else {
            slot = Stated(value: value, text: text, row: row.number, rejected: slot.rejected)
            return
        }
        if earlier != value {
            problem(
                cell.column,
                "'\(text)' differs from '\(slot.text)' on row \(slot.row) for the same \(record()); "
                    + "leave the cell empty to mean \"as above\", or make the rows agree")
        }
    }
}

private struct PartnershipDraft {
    let firstRow: Int
    /// False while rows give only the id: then the sheet refers to a stored partnership and states nothing about it.
    var isStated = false
    var name = Stated<String>(), type = Stated<PartnershipType>(), status = Stated<PartnershipStatus>()
    var startedOn = Stated<Day>(), endedOn = Stated<Day>()
    var statutoryBasis = Stated<String>(), purpose = Stated<String>()
    var themes = Stated<[String]>(), footprint = Stated<[String]>(), pccRoles = Stated<[PCCRole]>()
    var meetingFrequency = Stated<MeetingFrequency>(), secretariat = Stated<String>(), isDemo = Stated<Bool>()
    var forceArea = Stated<String>()
    var relations: [RelationKind: Stated<[String]>] = [:]
}

private struct OrganisationDraft {
    let firstRow: Int
    var name = Stated<String>(), sector = Stated<Sector>()
}

private struct PersonDraft {
    let firstRow: Int
    var isStated = false
    var name = Stated<String>(), roleTitle = Stated<String>()
    var seniority = Stated<SeniorityBand>(), salaryBand = Stated<Int>()
    /// The organisation on the person's first member row is their employer; later rows may represent another.
    var employer: String?
    /// A person named only as a substitute is taken to work for the member's organisation.
    var substituteFor: String?
}

private struct SheetReader {
    let places: SheetPlaces
    var index: [Column: Int] = [:]
    var batch = ImportBatch()
    var partnerships: [String: PartnershipDraft] = [:]
    var organisations: [String: OrganisationDraft] = [:]
    var persons: [String: PersonDraft] = [:]
    var order: (partnerships: [String], organisations: [String], persons: [String]) = ([], [], [])
    /// Memberships as read, with whether the represented body must come from the person's employer.
    var memberships: [(membership: Membership, representsEmployer: Bool)] = []

    mutating func read(_ table: CSV.Table) {
        for column in Column.allCases { index[column] = table.column(column.rawValue) }
        let missing = Column.required.filter { index[$0] == nil }
        for column in missing {
            batch.issues.append(
                ImportIssue(
                    "row 1", field: column.rawValue,
                    "The header row has no \(column.rawValue) column; add it (partnership_name and type are required)"))
        }
        guard missing.isEmpty else { return }

        for row in table.rows where row.fields.contains(where: { !CSV.trimmed($0).isEmpty }) {
            var cells = RowCells(table: table, row: row, index: index, places: places)
            readRow(&cells)
            batch.issues += cells.issues
        }
        finish()
    }

    static func issue(for error: CSV.ReadError) -> ImportIssue {
        switch error {
        case .notUTF8(let line):
            ImportIssue("line \(line)", "The file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"")
        case .unterminatedQuote(let row):
            ImportIssue("row \(row)", "A quoted cell is never closed; look for a stray double quote (\")")
        case .empty:
            ImportIssue("file", "The file is empty; expected a header row naming the columns")
        }
    }

    mutating func readRow(_ cells: inout RowCells) {
        let partnershipName = cells.text(.partnershipName)
        guard let partnershipKey = cells.text(.partnershipId) ?? partnershipName.map({ Key.slug($0) }),
            !partnershipKey.isEmpty
        else {
            cells.problem(.partnershipName, "Enter the partnership's name; every row belongs to a partnership")
            return
        }
        readPartnership(partnershipKey, &cells)

        // The member's organisation: their employer, or the member itself when no person is named.
        let organisationName = cells.text(.organisationName)
        let organisationKey = cells.text(.organisationId) ?? organisationName.map { Key.slug($0) }
        if let organisationKey {
            stateOrganisation(
                organisationKey, name: cells.string(.organisationName),
                sector: cells.vocabulary(.organisationSector, "sector"), &cells)
        } else if cells.text(.organisationSector) != nil {
            cells.problem(.organisationName, "Enter the organisation's name for the sector given")
        }
        // Derived ids use the organisation's name, from this row or an earlier one.
        let employerName = organisationName ?? organisationKey.flatMap { organisations[$0]?.name.value } ?? ""

        let personKey = cells.text(.personId) ?? cells.text(.personName).map { Key.slug($0, employerName) }
        if let personKey {
            var person = persons.removeValue(forKey: personKey) ?? newPerson(personKey, cells.row.number)
            let record = { "person '\(personKey)'" }
            person.isStated = person.isStated || cells.has([.personName, .roleTitle, .seniority, .salaryBand])
            cells.state(&person.name, cells.string(.personName), of: record)
            cells.state(&person.roleTitle, cells.string(.roleTitle), of: record)
            cells.state(&person.seniority, cells.vocabulary(.seniority, "seniority band"), of: record)
            cells.state(&person.salaryBand, cells.pounds(.salaryBand), of: record)
            person.employer = person.employer ?? organisationKey
            persons[personKey] = person
        } else if cells.has([.roleTitle, .seniority, .salaryBand]) {
            cells.problem(.personName, "Enter the person's name for the role title, seniority or salary given")
        }

        let substituteKey = cells.text(.substituteId) ?? cells.text(.substituteName).map { Key.slug($0, employerName) }
        if let substituteKey, cells.text(.substituteName) != nil {
            var substitute = persons[substituteKey] ?? newPerson(substituteKey, cells.row.number)
            substitute.isStated = true
            cells.state(&substitute.name, cells.string(.substituteName), of: { "person '\(substituteKey)'" })
            substitute.substituteFor = substitute.substituteFor ?? organisationKey
            persons[substituteKey] = substitute
        }

        guard cells.has(Column.memberColumns) else { return }
        let role = cells.take(cells.vocabulary(.role, "role") as Cell<MembershipRole>) ?? .member
        let key =
            cells.text(.membershipId) ?? Key.slug(partnershipKey, personKey ?? organisationKey ?? "", role.rawValue)
        let membership = Membership(
            key: key, partnershipKey: partnershipKey, personKey: personKey,
            organisationKey: personKey == nil ? organisationKey : nil, role: role,
            representsKey: personKey == nil ? nil : organisationKey,
            votingRight: cells.take(cells.flag(.voting)) ?? false,
            startedOn: cells.take(cells.day(.memberStartedOn)), endedOn: cells.take(cells.day(.memberEndedOn)),
            substituteKey: substituteKey)
        memberships.append((membership, personKey != nil && organisationKey == nil))
        note(.membership, key, cells.place)
    }

    mutating func readPartnership(_ key: String, _ cells: inout RowCells) {
        if partnerships[key] == nil { order.partnerships.append(key) }
        // Taken out and put back, so that its fields are changed in place rather than copied.
        var p = partnerships.removeValue(forKey: key) ?? PartnershipDraft(firstRow: cells.row.number)
        let record = { "partnership '\(key)'" }
        p.isStated = p.isStated || cells.has(Column.partnershipDetails)
        cells.state(&p.name, cells.string(.partnershipName), of: record)
        cells.state(&p.type, cells.vocabulary(.type, "partnership type"), of: record)
        cells.state(&p.status, cells.vocabulary(.status, "status"), of: record)
        cells.state(&p.startedOn, cells.day(.startedOn), of: record)
        cells.state(&p.endedOn, cells.day(.endedOn), of: record)
        cells.state(&p.statutoryBasis, cells.string(.statutoryBasis), of: record)
        cells.state(&p.purpose, cells.string(.purpose), of: record)
        cells.state(&p.themes, cells.list(.themes), of: record)
        cells.state(&p.footprint, cells.list(.footprint), of: record)
        cells.state(&p.pccRoles, cells.vocabularyList(.pccRoles, "PCC role"), of: record)
        cells.state(&p.meetingFrequency, cells.vocabulary(.meetingFrequency, "meeting frequency"), of: record)
        cells.state(&p.isDemo, cells.flag(.isDemo), of: record)
        cells.state(&p.forceArea, cells.string(.forceArea), of: record)
        for (column, kind) in Column.relations {
            cells.state(&p.relations[kind, default: Stated()], cells.list(column), of: record)
        }
        // The secretariat is an organisation, named here or on a member row.
        let secretariatName = cells.text(.secretariatName)
        if let secretariat = cells.text(.secretariatId) ?? secretariatName.map({ Key.slug($0) }) {
            cells.state(
                &p.secretariat, Cell(column: .secretariatId, text: secretariat, value: secretariat), of: record)
            if secretariatName != nil {
                stateOrganisation(
                    secretariat, name: cells.string(.secretariatName), sector: Cell(column: .organisationSector), &cells
                )
            }
        }
        partnerships[key] = p
    }

    mutating func stateOrganisation(_ key: String, name: Cell<String>, sector: Cell<Sector>, _ cells: inout RowCells) {
        guard name.text != nil || sector.text != nil else { return }
        if organisations[key] == nil { order.organisations.append(key) }
        var organisation = organisations[key] ?? OrganisationDraft(firstRow: cells.row.number)
        cells.state(&organisation.name, name, of: { "organisation '\(key)'" })
        cells.state(&organisation.sector, sector, of: { "organisation '\(key)'" })
        organisations[key] = organisation
    }

    mutating func newPerson(_ key: String, _ row: Int) -> PersonDraft {
        order.persons.append(key)
        return PersonDraft(firstRow: row)
    }

    /// Records where a record came from; a key seen twice names both places, for the duplicate check's message.
    mutating func note(_ kind: RecordOrigin.Kind, _ key: String, _ place: String) {
        let origin = RecordOrigin(kind, key)
        batch.origins[origin] = batch.origins[origin].map { "\($0) and \(place)" } ?? place
    }

    mutating func finish() {
        for key in order.organisations {
            guard let draft = organisations[key] else { continue }
            batch.register.organisations.append(
                Organisation(key: key, name: draft.name.value ?? "", sector: draft.sector.value ?? .other))
            note(.organisation, key, places.row(draft.firstRow))
        }
        for key in order.persons {
            guard let draft = persons[key], draft.isStated else { continue }
            batch.register.persons.append(
                Person(
                    key: key, name: draft.name.value ?? "", roleTitle: draft.roleTitle.value,
                    organisationKey: draft.employer ?? draft.substituteFor,
                    seniority: draft.seniority.value, salaryBand: draft.salaryBand.value))
            note(.person, key, places.row(draft.firstRow))
        }
        for key in order.partnerships {
            guard let draft = partnerships[key], draft.isStated else { continue }
            finishPartnership(key, draft)
        }
        for (var membership, representsEmployer) in memberships {
            if representsEmployer, let person = membership.personKey {
                membership.representsKey = persons[person]?.employer
            }
            batch.register.memberships.append(membership)
        }
    }

    mutating func finishPartnership(_ key: String, _ draft: PartnershipDraft) {
        let place = places.row(draft.firstRow)
        if draft.type.value == nil && !draft.type.rejected {
            batch.issues.append(
                ImportIssue(
                    index[.type].map { places.cell(draft.firstRow, $0) } ?? place, field: Column.type.rawValue,
                    "Enter the partnership's type; expected one of \(PartnershipType.expectedList)"))
        }
        batch.register.partnerships.append(
            Partnership(
                // An untyped partnership is kept with a stand-in type so that its member rows are still checked;
                // the issue above stops the import.
                key: key, name: draft.name.value ?? "", type: draft.type.value ?? .strategicBoard,
                status: draft.status.value ?? .active, startedOn: draft.startedOn.value, endedOn: draft.endedOn.value,
                statutoryBasis: draft.statutoryBasis.value, purpose: draft.purpose.value,
                themes: draft.themes.value ?? [], footprint: draft.footprint.value ?? [],
                pccRoles: draft.pccRoles.value ?? [], meetingFrequency: draft.meetingFrequency.value,
                secretariatKey: draft.secretariat.value, forceAreaCode: draft.forceArea.value,
                isDemo: draft.isDemo.value ?? false))
        for (_, kind) in Column.relations {
            for target in draft.relations[kind]?.value ?? [] {
                batch.register.relations.append(PartnershipRelation(key, kind, target))
            }
        }
        note(.partnership, key, place)
        batch.relationsStatedFor.insert(key)
    }
}
