import Foundation

/// Words interned as small integers, keyed by their exact UTF-8 bytes, with no allocation per word: the bytes of
/// every distinct word live in one arena and an open-addressing table points into it.
struct WordTable: Sendable {
    private var arena: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Open addressing: each slot holds the word's number plus one (0 when empty) in its low half and the high
    /// half of the word's hash in its high half, so a probe rarely needs to look further.
    private var slots = [UInt64](repeating: 0, count: 1024)

    var count: Int { ends.count }

    /// The number of `bytes`, adding it when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if ends.count * 2 >= slots.count { grow() }
        let hash = Self.hash(bytes)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let word = Int(entry & 0xFFFF_FFFF) - 1
            if entry & 0xFFFF_FFFF_0000_0000 == tag && equals(word, bytes) { return Int32(word) }
            slot = (slot + 1) & mask
        }
        let word = ends.count
        arena.append(contentsOf: bytes)
        ends.append(arena.count)
        hashes.append(hash)
        slots[slot] = tag | UInt64(word + 1)
        return Int32(word)
    }

    /// The number of `bytes` if it has one.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let word = Int(slots[slot] & 0xFFFF_FFFF) - 1
            if hashes[word] == hash && equals(word, bytes) { return word }
            slot = (slot + 1) & mask
        }
        return nil
    }

    func bytes(of word: Int) -> ArraySlice<UInt8> {
        arena[(word == 0 ? 0 : ends[word - 1])..<ends[word]]
    }

    private func equals(_ word: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = word == 0 ? 0 : ends[word - 1]
        guard ends[word] - start == bytes.count else { return false }
        guard let base = bytes.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, bytes.count) == 0 }
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for word in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[word]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hashes[word] & 0xFFFF_FFFF_0000_0000 | UInt64(word + 1)
        }
    }

    /// Eight bytes at a time, each step and the end mixed as SplitMix64 does, so every bit of the result depends on
    /// every byte.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            h = mix(h ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var last: UInt64 = 0
            for index in offset..<bytes.count { last = last << 8 | UInt64(base[index]) }
            h = mix(h ^ last)
        }
        return mix(h)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
