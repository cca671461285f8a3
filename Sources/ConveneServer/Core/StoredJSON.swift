import Foundation

/// Values kept in a text column as JSON, for the parts of a record that are always read and written whole (a
/// survey's questions, a review's reasons, a stream's amounts): keys sorted, so the same value is the same text.
enum StoredJSON {
    static func write<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    /// The value, or nil when the text is not one.
    static func read<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        text.flatMap { try? JSONDecoder().decode(type, from: Data($0.utf8)) }
    }
}
