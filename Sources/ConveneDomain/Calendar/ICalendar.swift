import Foundation

/// The grammar of iCalendar files (RFC 5545): folded content lines, properties with parameters, and
/// components nested by BEGIN and END. What the values mean (times, repeats, events) is `CalendarImport`'s;
/// writing a feed is `CalendarFeed`'s.
public enum ICalendar {
    /// One content line, unfolded: `NAME;PARAM=value,value:value`.
    public struct Property: Hashable, Sendable {
        /// Upper-cased, as names are case-insensitive.
        public var name: String
        /// Parameter names upper-cased; values unquoted, in the order written.
        public var parameters: [String: [String]]
        /// The value as written, still escaped: dates, rules and addresses are not TEXT.
        public var value: String
        /// The physical line the property starts on, for reports.
        public var line: Int

        public func parameter(_ name: String) -> String? { parameters[name]?.first }

        /// The value read as TEXT (`\n`, `\,`, `\;` and `\\` unescaped).
        public var text: String { ICalendar.unescape(value) }
    }

    /// A BEGIN … END block: VCALENDAR, VEVENT, VTODO, VTIMEZONE and its STANDARD and DAYLIGHT, VALARM.
    public struct Component: Hashable, Sendable {
        /// Upper-cased.
        public var name: String
        /// The line of its BEGIN.
        public var line: Int
        public var properties: [Property] = []
        public var components: [Component] = []

        public func first(_ name: String) -> Property? { properties.first { $0.name == name } }
        public func all(_ name: String) -> [Property] { properties.filter { $0.name == name } }
        public func children(_ name: String) -> [Component] { components.filter { $0.name == name } }
    }

    /// What a file holds: its calendars (usually one), every problem of grammar found on the way, and what was
    /// read by a guess (a continuation line that lost its fold space).
    public struct Document: Sendable {
        public var calendars: [Component]
        public var issues: [ImportIssue]
        public var warnings: [ImportIssue] = []
    }

    /// Reads a file's structure. Never fails: problems become issues naming their line, and the rest is kept.
    public static func parse(_ data: Data) -> Document {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let (lines, warnings) = unfold(bytes)
        // Anything else (a spreadsheet, a web page) would otherwise give an issue on every line.
        let opening = lines.first.map { String(decoding: $0.bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces) }
        guard opening?.uppercased() == "BEGIN:VCALENDAR" else {
            let issue = ImportIssue("file", "this is not an iCalendar file; expected it to start with BEGIN:VCALENDAR")
            return Document(calendars: [], issues: [issue])
        }
        var issues: [ImportIssue] = []
        var calendars: [Component] = []
        var open: [Component] = []

        for (number, content) in lines {
            guard let text = String(validating: content, as: UTF8.self) else {
                issues.append(
                    ImportIssue("line \(number)", "the line is not UTF-8 text; export the calendar again as UTF-8"))
                continue
            }
            let property: Property
            do { property = try contentLine(text, line: number) } catch {
                issues.append(ImportIssue("line \(number)", error.message))
                continue
            }
            switch property.name {
            case "BEGIN":
                open.append(Component(name: property.value.uppercased(), line: number))
            case "END":
                let name = property.value.uppercased()
                guard let index = open.lastIndex(where: { $0.name == name }) else {
                    issues.append(
                        ImportIssue(
                            "line \(number)", field: "END", "'\(name)' closes nothing; there is no BEGIN:\(name) open"))
                    continue
                }
                // Anything opened after the one being closed was never closed itself.
                while open.count > index + 1 {
                    let inner = open.removeLast()
                    issues.append(unclosed(inner))
                    open[open.count - 1].components.append(inner)
                }
                let done = open.removeLast()
                if open.isEmpty {
                    if done.name == "VCALENDAR" {
                        calendars.append(done)
                    } else {
                        issues.append(
                            ImportIssue(
                                "line \(done.line)", field: "BEGIN", "'\(done.name)' is outside BEGIN:VCALENDAR"))
                    }
                } else {
                    open[open.count - 1].components.append(done)
                }
            default:
                if open.isEmpty {
                    issues.append(
                        ImportIssue(
                            "line \(number)", field: property.name,
                            "the line is outside BEGIN:VCALENDAR … END:VCALENDAR"))
                } else {
                    open[open.count - 1].properties.append(property)
                }
            }
        }
        // A file cut short: keep what was read, and say what was never closed.
        while let inner = open.popLast() {
            issues.append(unclosed(inner))
            if open.isEmpty {
                if inner.name == "VCALENDAR" { calendars.append(inner) }
            } else {
                open[open.count - 1].components.append(inner)
            }
        }
        return Document(calendars: calendars, issues: issues, warnings: warnings)
    }

    private static func unclosed(_ component: Component) -> ImportIssue {
        ImportIssue(
            "line \(component.line)", field: "BEGIN",
            "'\(component.name)' is never closed; expected END:\(component.name)")
    }

    /// Logical lines with the number of the physical line each starts on. A line that begins with a space or a
    /// tab continues the one before (RFC 5545 §3.1). Joined as bytes, so a character that a producer split across
    /// two lines (Outlook folds by octets) comes back whole. Blank lines are skipped.
    ///
    /// A line that lost its fold space (mail programs and hand edits strip it) is joined to the one before too,
    /// as mainstream parsers read it, with a warning: one that cannot start a property, because what comes before
    /// its first `:` or `;` is not a property's name (a URL, words of a description). Nothing is joined to a
    /// BEGIN or END line.
    static func unfold(_ bytes: [UInt8]) -> (lines: [(line: Int, bytes: [UInt8])], warnings: [ImportIssue]) {
        var lines: [(line: Int, bytes: [UInt8])] = []
        var warnings: [ImportIssue] = []
        var number = 0
        var start = 0
        while start <= bytes.count {
            let end = bytes[start..<bytes.count].firstIndex(of: 0x0A) ?? bytes.count
            number += 1
            var line = bytes[start..<end]
            if line.last == 0x0D { line = line.dropLast() }
            if let first = line.first, first == 0x20 || first == 0x09, !lines.isEmpty {
                lines[lines.count - 1].bytes += line.dropFirst()
            } else if !line.isEmpty, let previous = lines.last, !startsProperty(line),
                !["BEGIN", "END"].contains(propertyName(previous.bytes[...]))
            {
                lines[lines.count - 1].bytes += line
                warnings.append(
                    ImportIssue(
                        "line \(number)",
                        "the line does not start with a space but cannot start a property, so it is read as the rest "
                            + "of line \(number - 1) (its fold space was lost)"))
            } else if !line.isEmpty {
                lines.append((number, Array(line)))
            }
            start = end + 1
        }
        return (lines, warnings)
    }

    /// Whether a line starts a property RFC 5545 and its successors define, or an `X-` one.
    private static func startsProperty(_ line: ArraySlice<UInt8>) -> Bool {
        guard let name = propertyName(line) else { return false }
        return propertyNames.contains(name) || name.hasPrefix("X-")
    }

    /// What comes before a line's first `:` or `;`, upper-cased, when it has the form of a name.
    private static func propertyName(_ line: ArraySlice<UInt8>) -> String? {
        guard let stop = line.firstIndex(where: { $0 == 0x3A || $0 == 0x3B }), stop > line.startIndex,
            line[..<stop].allSatisfy(isNameByte)
        else { return nil }
        return String(decoding: line[..<stop], as: UTF8.self).uppercased()
    }

    /// The properties of RFC 5545, 5546, 6638, 7808, 7953, 7986, 9073, 9074 and 9253, with BEGIN and END.
    static let propertyNames: Set<String> = [
        "BEGIN", "END", "CALSCALE", "METHOD", "PRODID", "VERSION", "ATTACH", "CATEGORIES", "CLASS", "COMMENT",
        "DESCRIPTION", "GEO", "LOCATION", "PERCENT-COMPLETE", "PRIORITY", "RESOURCES", "STATUS", "SUMMARY",
        "COMPLETED", "DTEND", "DUE", "DTSTART", "DURATION", "FREEBUSY", "TRANSP", "TZID", "TZNAME", "TZOFFSETFROM",
        "TZOFFSETTO", "TZURL", "ATTENDEE", "CONTACT", "ORGANIZER", "RECURRENCE-ID", "RELATED-TO", "URL", "UID",
        "EXDATE", "EXRULE", "RDATE", "RRULE", "ACTION", "REPEAT", "TRIGGER", "CREATED", "DTSTAMP", "LAST-MODIFIED",
        "SEQUENCE", "REQUEST-STATUS", "ACKNOWLEDGED", "BUSYTYPE", "COLOR", "CONFERENCE", "IMAGE", "NAME",
        "REFRESH-INTERVAL", "SOURCE", "TZUNTIL", "TZID-ALIAS-OF", "CALENDAR-ADDRESS", "LOCATION-TYPE",
        "PARTICIPANT-TYPE", "RESOURCE-TYPE", "STRUCTURED-DATA", "STYLED-DESCRIPTION", "PROXIMITY", "CONCEPT",
        "LINK", "REFID"
    ]

    /// Splits `NAME;PARAM=a,"b;c":value`. Parameter values may be quoted (to hold `;`, `:` or `,`) and use
    /// RFC 6868's `^n`, `^'` and `^^`.
    static func contentLine(_ text: String, line: Int) throws(ValueError) -> Property {
        let bytes = Array(text.utf8)
        var i = 0
        func token(until stops: Set<UInt8>) -> String {
            let start = i
            while i < bytes.count && !stops.contains(bytes[i]) { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
        let name = token(until: [0x3B, 0x3A]).uppercased()  // ; :
        guard !name.isEmpty, name.utf8.allSatisfy({ isNameByte($0) }) else {
            throw ValueError("expected a property such as NAME:value, found '\(text.prefix(40))'")
        }
        var parameters: [String: [String]] = [:]
        while i < bytes.count && bytes[i] == 0x3B {
            i += 1
            let parameter = token(until: [0x3D, 0x3A, 0x3B]).uppercased()  // = : ;
            guard i < bytes.count, bytes[i] == 0x3D, !parameter.isEmpty else {
                throw ValueError(
                    "the parameter '\(parameter)' of \(name) has no value; expected \(parameter.isEmpty ? "NAME" : parameter)=value"
                )
            }
            var values: [String] = []
            repeat {
                i += 1  // past '=' or ','
                if i < bytes.count && bytes[i] == 0x22 {
                    i += 1
                    let value = token(until: [0x22])
                    guard i < bytes.count else {
                        throw ValueError("a quoted value of \(parameter) on \(name) is never closed")
                    }
                    i += 1
                    values.append(caretDecoded(value))
                } else {
                    values.append(caretDecoded(token(until: [0x2C, 0x3B, 0x3A])))  // , ; :
                }
            } while i < bytes.count && bytes[i] == 0x2C
            parameters[parameter, default: []] += values
        }
        guard i < bytes.count, bytes[i] == 0x3A else {
            throw ValueError("\(name) has no value; expected \(name):value")
        }
        let value = String(decoding: bytes[(i + 1)...], as: UTF8.self)
        return Property(name: name, parameters: parameters, value: value, line: line)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D
    }

    private static func caretDecoded(_ value: String) -> String {
        guard value.contains("^") else { return value }
        return value.replacingOccurrences(of: "^n", with: "\n").replacingOccurrences(of: "^'", with: "\"")
            .replacingOccurrences(of: "^^", with: "^")
    }

    // MARK: TEXT values

    /// TEXT as written → text as meant: `\n` or `\N` is a line break, `\,` `\;` `\\` the character itself.
    public static func unescape(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var out = ""
        var escaping = false
        for character in value {
            if escaping {
                out.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        if escaping { out.append("\\") }
        return out
    }

    /// Text → TEXT: backslash, semicolon and comma escaped; any line break (CRLF, CR or LF) written `\n`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One content line ready for a file: folded so no physical line exceeds 75 octets (RFC 5545 §3.1),
    /// never inside a UTF-8 sequence, each line ending in CRLF.
    public static func folded(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 70 * 3 + 2)
        var start = 0
        var limit = 75
        repeat {
            var end = min(start + limit, bytes.count)
            // Back off to the start of a character: continuation bytes are 10xxxxxx.
            while end < bytes.count && end > start && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if start > 0 { out += [0x0D, 0x0A, 0x20] }
            out += bytes[start..<end]
            start = end
            limit = 74  // the leading space of a continuation counts
        } while start < bytes.count
        out += [0x0D, 0x0A]
        return String(decoding: out, as: UTF8.self)
    }
}

/// A value that could not be read, with a message that says what was expected.
struct ValueError: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}
