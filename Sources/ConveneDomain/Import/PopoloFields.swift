import Foundation

// The Popolo reader's parts that do not depend on what a record means: JSON values, typed fields, warnings and
// file-level problems. The records are read in Popolo.swift.

/// A JSON value as the file has it, so that each field's type is checked, and reported, on its own.
indirect enum JSONValue: Decodable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .int, .double: "a number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// One object of the file and its place in it ("memberships[3]").
struct Fields {
    let location: String
    let values: [String: JSONValue]
}

/// Warnings gathered while reading, in the order first met; one per message and field, naming every place.
struct Notes {
    private var order: [String] = []
    private var places: [String: (field: String?, message: String, places: [String])] = [:]

    mutating func add(_ location: String, _ field: String?, _ message: String) {
        let id = "\(field ?? "")\u{0}\(message)"
        if places[id] == nil {
            order.append(id)
            places[id] = (field, message, [])
        }
        places[id]!.places.append(location)
    }

    /// "persons[0], persons[3], persons[4] and 12 more".
    var issues: [ImportIssue] {
        order.map { id in
            let note = places[id]!
            let shown = note.places.prefix(3).joined(separator: ", ")
            let more = note.places.count > 3 ? " and \(note.places.count - 3) more" : ""
            return ImportIssue(shown + more, field: note.field, note.message)
        }
    }
}

extension PopoloReader {
    // MARK: Fields

    mutating func issue(_ location: String, _ field: String?, _ message: String) {
        batch.issues.append(ImportIssue(location, field: field, message))
    }

    /// A warning; the same message and field from many records is one warning that names their places.
    mutating func warn(_ location: String, _ field: String?, _ message: String) {
        notes.add(location, field, message)
    }

    /// Records where a record came from; a key seen twice names both places, for the duplicate check's message.
    mutating func note(_ kind: RecordOrigin.Kind, _ key: String, _ place: String) {
        let origin = RecordOrigin(kind, key)
        batch.origins[origin] = batch.origins[origin].map { "\($0) and \(place)" } ?? place
    }

    mutating func wrongType(_ r: Fields, _ key: String, _ expected: String, _ found: JSONValue) {
        issue(r.location, key, "Expected \(expected); found \(found.kind)")
    }

    /// The objects of one top-level list; a missing list is an empty one.
    mutating func records(_ top: [String: JSONValue], _ name: String) -> [Fields] {
        objects(Fields(location: "file", values: top), name, prefix: "")
    }

    mutating func objects(_ r: Fields, _ key: String, prefix: String? = nil) -> [Fields] {
        let place = prefix.map { "\($0)\(key)" } ?? "\(r.location).\(key)"
        switch r.values[key] {
        case nil, .null?: return []
        case .array(let items)?:
            return items.enumerated().compactMap { i, item in
                guard case .object(let values) = item else {
                    issue("\(place)[\(i)]", nil, "Expected an object; found \(item.kind)")
                    return nil
                }
                return Fields(location: "\(place)[\(i)]", values: values)
            }
        case let other?:
            wrongType(r, key, "a list of objects", other)
            return []
        }
    }

    mutating func object(_ r: Fields, _ key: String) -> Fields? {
        switch r.values[key] {
        case nil, .null?: return nil
        case .object(let values)?: return Fields(location: "\(r.location).\(key)", values: values)
        case let other?:
            wrongType(r, key, "an object", other)
            return nil
        }
    }

    mutating func text(_ r: Fields, _ key: String) -> String? {
        switch r.values[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value.isEmpty ? nil : value
        case let other?:
            wrongType(r, key, "text", other)
            return nil
        }
    }

    /// A record's id, without which it cannot be stored or referred to.
    mutating func id(_ r: Fields, _ what: String) -> String? {
        let value = text(r, "id")
        if value == nil, r.values["id"] == nil {
            issue(r.location, "id", "Enter the \(what)'s id; every \(what) needs one")
        }
        return value
    }

    mutating func flag(_ r: Fields, _ key: String) -> Bool? {
        switch r.values[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        case let other?:
            wrongType(r, key, "true or false", other)
            return nil
        }
    }

    mutating func number(_ r: Fields, _ key: String) -> Double? {
        switch r.values[key] {
        case nil, .null?: return nil
        case .int(let value)?: return Double(value)
        case .double(let value)?: return value
        case let other?:
            wrongType(r, key, "a number", other)
            return nil
        }
    }

    mutating func integer(_ r: Fields, _ key: String) -> Int? {
        switch r.values[key] {
        case nil, .null?: return nil
        case .int(let value)?: return value
        case let other?:
            wrongType(r, key, "a whole number", other)
            return nil
        }
    }

    mutating func textList(_ r: Fields, _ key: String) -> [String] {
        switch r.values[key] {
        case nil, .null?: return []
        case .array(let items)?:
            return items.enumerated().compactMap { i, item in
                if case .string(let value) = item { return value }
                issue(r.location, "\(key)[\(i)]", "Expected text; found \(item.kind)")
                return nil
            }
        case let other?:
            wrongType(r, key, "a list of text", other)
            return []
        }
    }

    mutating func parse<V: Vocabulary>(_: V.Type, _ value: String, _ r: Fields, _ key: String, _ what: String) -> V? {
        if let parsed = V.parse(value) { return parsed }
        issue(r.location, key, "'\(value)' is not a known \(what); expected one of \(V.expectedList)")
        return nil
    }

    mutating func vocabulary<V: Vocabulary>(_ r: Fields, _ key: String, _ what: String) -> V? {
        text(r, key).flatMap { parse(V.self, $0, r, key, what) }
    }

    /// A vocabulary field the record cannot do without.
    mutating func required<V: Vocabulary>(_ r: Fields, _ key: String, _ what: String) -> V? {
        if r.values[key] == nil { issue(r.location, key, "Enter the \(what); expected one of \(V.expectedList)") }
        return vocabulary(r, key, what)
    }

    mutating func vocabularyList<V: Vocabulary>(_ r: Fields, _ key: String, _ what: String) -> [V] {
        textList(r, key).compactMap { parse(V.self, $0, r, key, what) }
    }

    /// A date; Popolo's partial dates (`2019`, `2019-05`) are read as the first day of the period, or the last
    /// when the date ends something (`end`), with a warning that the day was not given.
    mutating func day(_ r: Fields, _ key: String, end: Bool = false) -> Day? {
        guard let value = text(r, key) else { return nil }
        if let day = Day(value) { return day }
        if let day = PopoloReader.partialDay(value, end: end) {
            warn(
                r.location, key,
                "A date given as a year or a month is read as its \(end ? "last" : "first") day, like '\(value)' as \(day)"
            )
            return day
        }
        issue(r.location, key, "'\(value)' is not a date; expected yyyy-mm-dd (or yyyy-mm, or yyyy), like 2024-03-14")
        return nil
    }

    static func partialDay(_ value: String, end: Bool) -> Day? {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        if parts.count == 1 { return Day(year: year, month: end ? 12 : 1, day: end ? 31 : 1) }
        guard parts[1].count == 2, let month = Int(parts[1]) else { return nil }
        guard end else { return Day(year: year, month: month, day: 1) }
        return (28...31).reversed().lazy.compactMap { Day(year: year, month: month, day: $0) }.first
    }

    /// Date-times are written in UTC with Z; a file may also give an offset, or a bare date (midnight UTC).
    mutating func dateTime(_ r: Fields, _ key: String) -> Date? {
        guard let value = text(r, key) else { return nil }
        if !value.contains("T"), let day = Day(value) {
            return Date(timeIntervalSince1970: TimeInterval(day.ordinal) * 86_400)
        }
        if let date = try? Date.ISO8601FormatStyle().parse(value) { return date }
        issue(
            r.location, key,
            "'\(value)' is not a date and time with a time zone; expected UTC like 2024-03-14T10:00:00Z, an offset like 2024-03-14T10:00:00+01:00, or a date"
        )
        return nil
    }

    // MARK: File-level problems

    /// JSONDecoder does not say where JSON breaks; JSONSerialization names a character offset, given here as line and column.
    static func syntaxProblem(_ data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return "it could not be read"
        } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
            guard let range = detail.range(of: "character "),
                let offset = Int(detail[range.upperBound...].prefix { $0.isNumber })
            else {
                return detail.hasPrefix("Unexpected end of file") ? "the file ends before the JSON is complete" : detail
            }
            let before = data.prefix(offset)
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = before.count - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            let what = detail[..<range.lowerBound].replacingOccurrences(of: " around", with: "")
                .trimmingCharacters(in: .whitespaces).lowercased()
            return "\(what) at line \(line), column \(column)"
        }
    }

    static func firstBadLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }
}
