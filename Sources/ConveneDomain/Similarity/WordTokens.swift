/// The words scikit-learn's `TfidfVectorizer()` finds in a text, found the way Python finds them: the text is
/// lower-cased as `str.lower()` does it, then every match of `(?u)\b\w\w+\b` is a word.
///
/// Because `\w\w+` is greedy and bounded by `\b`, a word is simply a maximal run of two or more word characters.
/// A word character is what Python's `re` calls `\w` for a `str` pattern: the underscore, a letter (general
/// category Lu, Ll, Lt, Lm or Lo) or a character with a numeric value (digits, "½", "Ⅷ", "二"). Marks (Mn, Mc, Me)
/// are not, in Python either: "cafe\u{301}" is the word "cafe", and a Devanagari vowel sign ends a word.
///
/// Words are compared as sequences of code points, as Python compares strings: "é" written as one code point and
/// "é" written as "e" and a combining accent are different, where Swift's `String ==` would call them equal.
public enum WordTokens {
    /// The words of `text`, in order, repeats included.
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        var scratch: [UInt8] = []
        forEachWord(in: text, scratch: &scratch) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with the UTF-8 bytes of each word of `text`, lower-cased; `scratch` is working space kept
    /// between calls so that a long run of texts allocates nothing per word.
    static func forEachWord(in text: String, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { forEachWord(inUTF8: $0, scratch: &scratch, body) }
    }

    /// The same for a text given as (valid) UTF-8.
    static func forEachWord(
        inUTF8 utf8: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        if isASCII(utf8) {
            asciiWords(utf8, scratch: &scratch, body)
        } else {
            unicodeWords(Array(String(decoding: utf8, as: UTF8.self).unicodeScalars), body)
        }
    }

    /// Whether Python's `re` counts `scalar` as `\w` (`str.isalnum()` or the underscore).
    public static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return asciiWord(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    /// `text` lower-cased as Python's `str.lower()` does it: each code point's full lower-case mapping, and a capital
    /// sigma that ends a word becomes the final sigma "ς" (Swift's `lowercased()` always gives "σ").
    public static func pythonLowercased(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        let source = Array(text.unicodeScalars)
        for index in source.indices { appendLowercased(source, at: index) { result.append($0) } }
        return String(result)
    }

    // MARK: - The two paths

    private static func asciiWord(_ byte: UInt8) -> Bool { asciiLowercaseWord[Int(byte)] != 0 }

    /// Per ASCII byte: itself lower-cased if it is a word character, else 0.
    private static let asciiLowercaseWord: [UInt8] = (0..<128).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) | 0x20
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            UInt8(byte)
        default: 0
        }
    }

    private static func isASCII(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        var high: UInt64 = 0
        while offset + 8 <= utf8.count {
            high |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < utf8.count {
            high |= UInt64(base[offset])
            offset += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// Plain ASCII, the common case: bytes are code points and lower-casing is one bit.
    private static func asciiWords(
        _ utf8: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        if scratch.count < utf8.count { scratch = [UInt8](repeating: 0, count: max(utf8.count, 256)) }
        asciiLowercaseWord.withUnsafeBufferPointer { table in
            scratch.withUnsafeMutableBufferPointer { word in
                var length = 0
                for byte in utf8 {
                    let lowered = table[Int(byte)]
                    if lowered != 0 {
                        word[length] = lowered
                        length += 1
                    } else {
                        if length >= 2 { body(UnsafeBufferPointer(rebasing: word[..<length])) }
                        length = 0
                    }
                }
                if length >= 2 { body(UnsafeBufferPointer(rebasing: word[..<length])) }
            }
        }
    }

    /// Any other text: lower-case code point by code point (one may become several), counting a word's length in
    /// code points as Python does.
    private static func unicodeWords(_ source: [Unicode.Scalar], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var word: [UInt8] = []
        var length = 0
        for index in source.indices {
            appendLowercased(source, at: index) { scalar in
                if isWordCharacter(scalar) {
                    UTF8.encode(scalar) { word.append($0) }
                    length += 1
                } else {
                    if length >= 2 { word.withUnsafeBufferPointer(body) }
                    word.removeAll(keepingCapacity: true)
                    length = 0
                }
            }
        }
        if length >= 2 { word.withUnsafeBufferPointer(body) }
    }

    private static func appendLowercased(_ source: [Unicode.Scalar], at index: Int, _ emit: (Unicode.Scalar) -> Void) {
        let scalar = source[index]
        if scalar.isASCII {
            emit((0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar)
        } else if scalar == "\u{03A3}" {
            emit(isFinalSigma(source, at: index) ? "\u{03C2}" : "\u{03C3}")
        } else {
            for lowered in scalar.properties.lowercaseMapping.unicodeScalars { emit(lowered) }
        }
    }

    /// Unicode's Final_Sigma context, as CPython tests it: a cased letter before (skipping case-ignorable code
    /// points) and no cased letter after (likewise).
    private static func isFinalSigma(_ source: [Unicode.Scalar], at index: Int) -> Bool {
        var before = index - 1
        while before >= 0 && source[before].properties.isCaseIgnorable { before -= 1 }
        guard before >= 0 && source[before].properties.isCased else { return false }
        var after = index + 1
        while after < source.count && source[after].properties.isCaseIgnorable { after += 1 }
        return after == source.count || !source[after].properties.isCased
    }
}
