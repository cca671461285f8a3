extension Sequence<UInt8> {
    /// The bytes in lower-case hexadecimal, two digits each: how Convene writes digests and tokens.
    public var lowercaseHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in self { text += [digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]] }
        return String(decoding: text, as: UTF8.self)
    }
}
