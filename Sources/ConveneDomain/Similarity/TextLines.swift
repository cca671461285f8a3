/// Text split into lines as Python's `str.splitlines()` splits it (scikit-learn peers read their files that way):
/// at "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}" and "\u{2029}",
/// with no empty last line after a final line break.
public enum TextLines {
    public static func split(_ text: String) -> [String] {
        var lines: [String] = []
        var text = text
        text.withUTF8 { utf8 in forEach(in: utf8) { lines.append(String(decoding: $0, as: UTF8.self)) } }
        return lines
    }

    /// Calls `body` with each line's UTF-8 bytes, without its line break.
    static func forEach(in utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var lineStart = 0
        var index = 0
        func endLine(at end: Int, resumingAt next: Int) {
            body(UnsafeBufferPointer(rebasing: utf8[lineStart..<end]))
            lineStart = next
            index = next
        }
        while index < utf8.count {
            switch utf8[index] {
            case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E:
                endLine(at: index, resumingAt: index + 1)
            case 0x0D:
                endLine(
                    at: index, resumingAt: index + 1 < utf8.count && utf8[index + 1] == 0x0A ? index + 2 : index + 1)
            case 0xC2 where index + 1 < utf8.count && utf8[index + 1] == 0x85:
                endLine(at: index, resumingAt: index + 2)
            case 0xE2
            where index + 2 < utf8.count && utf8[index + 1] == 0x80
                && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                endLine(at: index, resumingAt: index + 3)
            default:
                index += 1
            }
        }
        if lineStart < utf8.count { endLine(at: utf8.count, resumingAt: utf8.count) }
    }
}
