/// A Popolo `id` is any text (`ocd-person/…`, `Q123456`, `wx-p01@wx-cdp`, a UUID); Convene's keys are slugs. An id that
/// is already a key is its own key. Any other id gets its slug and a fingerprint of the exact id, so the key is the
/// same on every import, and `A b` and `a-b` never share one; the record keeps the id (`popoloID`) and exports it.
public enum PopoloIDs {
    /// The key an id gets before any collision; `salt` picks another when that key is taken.
    public static func key(for id: String, salt: Int = 0) -> String {
        if salt == 0 && Key.isValid(id) { return id }
        let print = fingerprint(salt == 0 ? id : "\(id)#\(salt)")
        let stem = String(Key.slug(id).prefix(120 - print.count - 1))
            .trimmingCharacters(in: .init(charactersIn: "-"))
        return stem.isEmpty ? "id-\(print)" : "\(stem)-\(print)"
    }

    /// Keys for all the ids of one kind in a file. Ids that are keys keep them; the others are taken in sorted order,
    /// each with the next salt while its key is taken, so the result does not depend on the file's order.
    public static func keys(for ids: Set<String>) -> [String: String] {
        var keys: [String: String] = [:]
        var taken: Set<String> = []
        for id in ids where Key.isValid(id) {
            keys[id] = id
            taken.insert(id)
        }
        for id in ids.sorted() where !Key.isValid(id) {
            var salt = 0
            var key = key(for: id)
            while taken.contains(key) {
                salt += 1
                key = self.key(for: id, salt: salt)
            }
            keys[id] = key
            taken.insert(key)
        }
        return keys
    }

    /// Eight base-36 characters of the id's FNV-1a hash: stable across runs and machines, unlike `hashValue`.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash % 2_821_109_907_456, radix: 36)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// The records of one kind already stored: every key, and the Popolo id of those that have one.
    public struct Stored: Sendable {
        public var keys: Set<String>
        /// Key → the Popolo id it was given.
        public var popoloIDs: [String: String]

        public init(keys: Set<String> = [], popoloIDs: [String: String] = [:]) {
            self.keys = keys
            self.popoloIDs = popoloIDs
        }
    }

    /// The batch with its keys matched to the stored records: a file id already stored takes that record's key; a key
    /// that a record with another id holds is replaced by the next free one. A file's id is thus one record, import
    /// after import, whatever other ids came to the database in between.
    public static func resolve(_ batch: ImportBatch, stored: [RecordOrigin.Kind: Stored]) -> ImportBatch {
        var maps: [RecordOrigin.Kind: [String: String]] = [:]
        for (kind, ids) in batch.popoloIDs {
            let have = stored[kind] ?? Stored()
            let byID = Dictionary(have.popoloIDs.map { ($1, $0) }, uniquingKeysWith: min)
            var taken = have.keys.union(ids.keys)
            var map: [String: String] = [:]
            for (key, id) in ids.sorted(by: { $0.key < $1.key }) {
                if let storedKey = byID[id] {
                    map[key] = storedKey
                } else if have.keys.contains(id) && have.popoloIDs[id] == nil {
                    map[key] = id
                } else if have.keys.contains(key) {
                    let free = Key.unused(key, taken: taken)
                    taken.insert(free)
                    map[key] = free
                }
            }
            maps[kind] = map.filter { $0.key != $0.value }
        }
        guard maps.values.contains(where: { !$0.isEmpty }) else { return batch }
        return batch.rekeyed(maps)
    }
}

extension ImportBatch {
    /// The batch with keys replaced kind by kind (old → new), in every record and reference, in the records' places
    /// and in the file's ids; a record whose key is no longer its file id keeps the id as its `popoloID`.
    public func rekeyed(_ maps: [RecordOrigin.Kind: [String: String]]) -> ImportBatch {
        func key(_ kind: RecordOrigin.Kind, _ key: String) -> String { maps[kind]?[key] ?? key }
        func id(_ kind: RecordOrigin.Kind, _ old: String, _ new: String, _ current: String?) -> String? {
            guard let id = popoloIDs[kind]?[old] else { return current }
            return id == new ? nil : id
        }
        var batch = self
        var r = register
        r.organisations = r.organisations.map {
            var o = $0
            o.key = key(.organisation, o.key)
            o.popoloID = id(.organisation, $0.key, o.key, $0.popoloID)
            return o
        }
        r.persons = r.persons.map {
            var p = $0
            p.key = key(.person, p.key)
            p.popoloID = id(.person, $0.key, p.key, $0.popoloID)
            p.organisationKey = p.organisationKey.map { key(.organisation, $0) }
            return p
        }
        r.partnerships = r.partnerships.map {
            var p = $0
            p.key = key(.partnership, p.key)
            p.popoloID = id(.partnership, $0.key, p.key, $0.popoloID)
            p.secretariatKey = p.secretariatKey.map { key(.organisation, $0) }
            return p
        }
        r.memberships = r.memberships.map {
            var m = $0
            m.key = key(.membership, m.key)
            m.popoloID = id(.membership, $0.key, m.key, $0.popoloID)
            m.partnershipKey = key(.partnership, m.partnershipKey)
            m.personKey = m.personKey.map { key(.person, $0) }
            m.organisationKey = m.organisationKey.map { key(.organisation, $0) }
            m.representsKey = m.representsKey.map { key(.organisation, $0) }
            m.substituteKey = m.substituteKey.map { key(.person, $0) }
            return m
        }
        r.relations = r.relations.map {
            PartnershipRelation(key(.partnership, $0.fromKey), $0.kind, key(.partnership, $0.toKey))
        }
        r.termsOfReference = r.termsOfReference.map {
            var t = $0
            t.partnershipKey = key(.partnership, t.partnershipKey)
            return t
        }
        r.meetings = r.meetings.map {
            var m = $0
            m.key = key(.meeting, m.key)
            m.popoloID = id(.meeting, $0.key, m.key, $0.popoloID)
            m.partnershipKey = key(.partnership, m.partnershipKey)
            m.jointWith = m.jointWith.map { key(.partnership, $0) }
            m.attendance = m.attendance.map {
                var a = $0
                a.personKey = key(.person, a.personKey)
                a.substituteForKey = a.substituteForKey.map { key(.person, $0) }
                return a
            }
            return m
        }
        batch.register = r
        func origin(_ o: RecordOrigin) -> RecordOrigin {
            // Terms of reference are known as "partnership-key#version".
            guard o.kind == .termsOfReference, let hash = o.key.lastIndex(of: "#") else {
                return RecordOrigin(o.kind, key(o.kind, o.key))
            }
            return RecordOrigin(o.kind, key(.partnership, String(o.key[..<hash])) + o.key[hash...])
        }
        batch.origins = Dictionary(origins.map { (origin($0.key), $0.value) }, uniquingKeysWith: { "\($0) and \($1)" })
        batch.relationsStatedFor = Set(relationsStatedFor.map { key(.partnership, $0) })
        batch.popoloIDs = popoloIDs.mapValues { _ in [:] }
        for (kind, ids) in popoloIDs {
            for (old, id) in ids { batch.popoloIDs[kind, default: [:]][key(kind, old)] = id }
        }
        return batch
    }
}

/// A record that keeps the id a Popolo file gave it.
public protocol PopoloIdentified {
    var popoloID: String? { get set }
}

extension PopoloIdentified {
    /// This value as an import writes it over `stored`: a value that states no Popolo id (a CSV row, a form, the
    /// API) keeps the stored one, so that the next Popolo import still finds the record.
    public func keepingPopoloID(of stored: Self) -> Self {
        var value = self
        value.popoloID = popoloID ?? stored.popoloID
        return value
    }
}

extension Organisation: PopoloIdentified {}
extension Person: PopoloIdentified {}
extension Partnership: PopoloIdentified {}
extension Membership: PopoloIdentified {}
