import Foundation

/// Convene's one CSV reader and writer (RFC 4180: commas, double quotes, quoted line breaks).
public enum CSV {
    /// One record of a file with its 1-based row number as a spreadsheet shows it (the header is row 1).
    public struct Row: Sendable {
        public var number: Int
        public var fields: [String]
    }

    public struct Table: Sendable {
        public var header: [String]
        public var rows: [Row]

        /// The index of the first header that matches one of `names`, ignoring case, spaces and underscores.
        public func column(_ names: String...) -> Int? {
            let wanted = names.map(CSV.normalise)
            return header.firstIndex { wanted.contains(CSV.normalise($0)) }
        }

        /// A row's value in a column, trimmed; nil when the column is absent or the cell empty.
        public func value(_ row: Row, _ column: Int?) -> String? {
            guard let column, column < row.fields.count else { return nil }
            let text = CSV.trimmed(row.fields[column])
            return text.isEmpty ? nil : text
        }
    }

    public enum ReadError: Error, Equatable, CustomStringConvertible {
        case notUTF8(line: Int)
        case unterminatedQuote(row: Int)
        case empty

        public var description: String {
            switch self {
            case .notUTF8(let line):
                "line \(line): the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\""
            case .unterminatedQuote(let row):
                "row \(row): a quoted field is never closed"
            case .empty:
                "file: the file is empty; expected a header row"
            }
        }
    }

    /// Whitespace trimmed from both ends, in plain Swift: Foundation's trimming is the slowest step of
    /// reading a large sheet on Linux, and most cells need no trimming at all.
    static func trimmed(_ text: String) -> String {
        // Most cells start and end with a visible ASCII character: no trimming, and no Unicode tables to ask.
        let visible: ClosedRange<UInt8> = 0x21...0x7E
        if let first = text.utf8.first, let last = text.utf8.last, visible.contains(first) && visible.contains(last) {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return text }
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }

    static func normalise(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// Reads a whole file; the first record is the header. A UTF-8 byte-order mark is dropped.
    public static func read(_ data: Data) throws(ReadError) -> Table {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .notUTF8(line: firstBadLine(bytes))
        }
        var records = try parse(text)
        // Spreadsheets leave rows of empty cells at the end; they are not records.
        while let last = records.last, last.fields.allSatisfy({ CSV.trimmed($0).isEmpty }) {
            records.removeLast()
        }
        guard let header = records.first else { throw .empty }
        return Table(
            header: header.fields.map { $0.trimmingCharacters(in: .whitespaces) },
            rows: Array(records.dropFirst()))
    }

    private static func parse(_ text: String) throws(ReadError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var row = 1
        var pendingRow = false
        let bytes = Array(text.utf8)
        var i = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let c = bytes[i]
            if inQuotes {
                if c == 0x22 {
                    if i + 1 < bytes.count && bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(c)
                }
            } else {
                switch c {
                case 0x22 where field.isEmpty: inQuotes = true
                case 0x2C: endField()
                case 0x0D, 0x0A:
                    if c == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                    endField()
                    rows.append(Row(number: row, fields: fields))
                    fields.removeAll()
                    row += 1
                    pendingRow = false
                    i += 1
                    continue
                default: field.append(c)
                }
            }
            pendingRow = true
            i += 1
        }
        if inQuotes { throw .unterminatedQuote(row: row) }
        if pendingRow || !fields.isEmpty {
            endField()
            rows.append(Row(number: row, fields: fields))
        }
        return rows
    }

    private static func firstBadLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }

    /// Writes a table, quoting only the fields that need it; lines end with CRLF as RFC 4180 says.
    public static func write(header: [String], rows: [[String]]) -> String {
        var out = ""
        func line(_ fields: [String]) {
            out += fields.map(quote).joined(separator: ",")
            out += "\r\n"
        }
        line(header)
        rows.forEach(line)
        return out
    }

    static func quote(_ field: String) -> String {
        // Bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}
