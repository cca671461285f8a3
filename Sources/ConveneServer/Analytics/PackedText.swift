import Foundation

/// A table's records packed by the database into one text, fields split by U+001F and records by U+001E, and read
/// here byte by byte. A national workspace has about 24,000 attendance records a year: handed over as rows and decoded
/// field by field, each costs more than the analysis then makes of it; as one text, reading them is a walk over bytes.
/// Free text is packed without the two separators (`AnalyticsStore.Aggregation.clean`); keys and ids never hold them.
struct PackedText {
    static let unitSeparator: UInt8 = 0x1F, recordSeparator: UInt8 = 0x1E

    /// Calls `body` with the fields of each record of `text` (none when the database packed no records).
    static func forEach(_ text: String?, _ body: (Fields) throws -> Void) rethrows {
        guard var text, !text.isEmpty else { return }
        try text.withUTF8 { bytes in
            var fields = Fields(bytes: bytes, bounds: [])
            fields.bounds.reserveCapacity(16)
            var start = 0
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : recordSeparator
                if byte == unitSeparator || byte == recordSeparator {
                    fields.bounds.append(start..<index)
                    start = index + 1
                }
                if byte == recordSeparator {
                    if fields.bounds.count > 1 || !fields.bounds[0].isEmpty { try body(fields) }
                    fields.bounds.removeAll(keepingCapacity: true)
                }
            }
        }
    }

    /// One record's fields; a field past the last one reads as empty.
    struct Fields {
        let bytes: UnsafeBufferPointer<UInt8>
        var bounds: [Range<Int>]

        private func slice(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            i < bounds.count
                ? UnsafeBufferPointer(rebasing: bytes[bounds[i]]) : UnsafeBufferPointer(start: nil, count: 0)
        }

        func isEmpty(_ i: Int) -> Bool { slice(i).isEmpty }

        /// The field as text ("" when empty).
        subscript(_ i: Int) -> String { String(decoding: slice(i), as: UTF8.self) }

        /// The field as text, or nil when empty (the database packs null as empty).
        func optional(_ i: Int) -> String? { isEmpty(i) ? nil : self[i] }

        /// A whole number in decimal, or nil when the field is empty or not one.
        func int(_ i: Int) -> Int? {
            let field = slice(i)
            guard !field.isEmpty else { return nil }
            var value = 0
            var negative = false
            var index = 0
            if field[0] == UInt8(ascii: "-") { negative = true; index = 1 }
            guard index < field.count else { return nil }
            while index < field.count {
                let digit = Int(field[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowB) = times.addingReportingOverflow(digit)
                guard !overflowA, !overflowB else { return nil }
                value = sum
                index += 1
            }
            return negative ? -value : value
        }

        /// A decimal number ("1743494400.0", "1743494400.000000"), or nil.
        func double(_ i: Int) -> Double? { isEmpty(i) ? nil : Double(self[i]) }

        /// SQLite's 1 and PostgreSQL's t are true; anything else is false.
        func bool(_ i: Int) -> Bool {
            let field = slice(i)
            return field.first == UInt8(ascii: "1") || field.first == UInt8(ascii: "t")
                || field.first == UInt8(ascii: "T")
        }

        /// A UUID in either case (SQLite keeps upper, PostgreSQL writes lower), or nil when the field is not one.
        func uuid(_ i: Int) -> UUID? {
            let field = slice(i)
            let dash = UInt8(ascii: "-")
            guard field.count == 36, field[8] == dash, field[13] == dash, field[18] == dash, field[23] == dash else {
                return nil
            }
            var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            let valid = withUnsafeMutableBytes(of: &value) { out -> Bool in
                var invalid: UInt8 = 0
                for o in 0..<16 {
                    // Byte o's two hex digits, past the dashes before it (after bytes 4, 6, 8 and 10).
                    let p = 2 * o + (o >= 4 ? 1 : 0) + (o >= 6 ? 1 : 0) + (o >= 8 ? 1 : 0) + (o >= 10 ? 1 : 0)
                    let high = Self.nibble(field[p])
                    let low = Self.nibble(field[p + 1])
                    invalid |= (high | low) & 0xF0
                    out[o] = high << 4 | (low & 0x0F)
                }
                return invalid == 0
            }
            return valid ? UUID(uuid: value) : nil
        }

        /// A hex digit's value, or 0xFF when the byte is not one.
        @inline(__always) private static func nibble(_ byte: UInt8) -> UInt8 {
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 { return digit }
            let letter = (byte | 0x20) &- UInt8(ascii: "a")
            return letter < 6 ? letter + 10 : 0xFF
        }
    }
}
