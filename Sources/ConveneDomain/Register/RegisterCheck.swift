/// Rules that span records: every reference resolves, no identifier is used twice, and reporting lines never loop.
public enum RegisterCheck {
    /// The identifiers already stored, against which a file's references may also resolve.
    public struct KnownKeys: Sendable {
        public var areaCodes: Set<String> = []
        public var organisations: Set<String> = []
        public var persons: Set<String> = []
        public var partnerships: Set<String> = []
        /// The stored hierarchical relations (reports to, sub-group of), for the cycle check.
        public var hierarchy: [PartnershipRelation] = []

        public init(
            areaCodes: Set<String> = [], organisations: Set<String> = [], persons: Set<String> = [],
            partnerships: Set<String> = [], hierarchy: [PartnershipRelation] = []
        ) {
            self.areaCodes = areaCodes
            self.organisations = organisations
            self.persons = persons
            self.partnerships = partnerships
            self.hierarchy = hierarchy
        }
    }

    /// Every problem in the batch, field checks included, each with its place in the file.
    public static func issues(in batch: ImportBatch, known: KnownKeys) -> [ImportIssue] {
        let register = batch.register
        var issues: [ImportIssue] = []
        func add(_ kind: RecordOrigin.Kind, _ key: String, _ errors: [FieldError]) {
            for error in errors {
                issues.append(
                    ImportIssue(batch.location(kind, key), field: batch.field(kind, error.field), error.message))
            }
        }

        // Duplicates within the file.
        func duplicates<T>(_ items: [T], _ kind: RecordOrigin.Kind, _ what: String, key: (T) -> String) {
            var seen: Set<String> = []
            for item in items where !seen.insert(key(item)).inserted {
                issues.append(
                    ImportIssue(
                        batch.location(kind, key(item)), field: batch.field(kind, "key"),
                        "The \(what) identifier '\(batch.name(kind, key(item)))' is used more than once in this file"))
            }
        }
        duplicates(register.areas, .area, "area", key: \.code)
        duplicates(register.organisations, .organisation, "organisation_key", key: \.key)
        duplicates(register.persons, .person, "person_key", key: \.key)
        duplicates(register.partnerships, .partnership, "partnership_key", key: \.key)
        duplicates(register.memberships, .membership, "membership", key: \.key)

        let areaCodes = known.areaCodes.union(register.areas.map(\.code))
        let organisations = known.organisations.union(register.organisations.map(\.key))
        let persons = known.persons.union(register.persons.map(\.key))
        let partnerships = known.partnerships.union(register.partnerships.map(\.key))

        for area in register.areas {
            var errors = area.validate()
            if let parent = area.parentCode, !areaCodes.contains(parent) {
                errors.append(FieldError("parent_code", "No area has the code '\(parent)'"))
            }
            add(.area, area.code, errors)
        }
        for organisation in register.organisations { add(.organisation, organisation.key, organisation.validate()) }
        for person in register.persons {
            var errors = person.validate()
            if let org = person.organisationKey, !organisations.contains(org) {
                errors.append(
                    FieldError(
                        "organisation_key", "No organisation has the identifier '\(batch.name(.organisation, org))'"))
            }
            add(.person, person.key, errors)
        }
        for partnership in register.partnerships {
            var errors = partnership.validate()
            for code in partnership.footprint where Area.isValidCode(code) && !areaCodes.contains(code) {
                errors.append(FieldError("footprint", "No area has the code '\(code)'; import the ONS lookups first"))
            }
            if let code = partnership.forceAreaCode, Area.isValidCode(code), !areaCodes.contains(code) {
                errors.append(FieldError("force_area_code", "No area has the code '\(code)'"))
            }
            if let org = partnership.secretariatKey, !organisations.contains(org) {
                errors.append(
                    FieldError(
                        "secretariat_key", "No organisation has the identifier '\(batch.name(.organisation, org))'"))
            }
            add(.partnership, partnership.key, errors)
        }
        for membership in register.memberships {
            var errors = membership.validate()
            if !partnerships.contains(membership.partnershipKey) {
                errors.append(
                    FieldError(
                        "partnership_key",
                        "No partnership has the identifier '\(batch.name(.partnership, membership.partnershipKey))'"))
            }
            for (field, key) in [("person_key", membership.personKey), ("substitute_key", membership.substituteKey)] {
                if let key, !persons.contains(key) {
                    errors.append(FieldError(field, "No person has the identifier '\(batch.name(.person, key))'"))
                }
            }
            for (field, key) in [
                ("organisation_key", membership.organisationKey), ("represents_key", membership.representsKey)
            ] {
                if let key, !organisations.contains(key) {
                    errors.append(
                        FieldError(field, "No organisation has the identifier '\(batch.name(.organisation, key))'"))
                }
            }
            add(.membership, membership.key, errors)
        }
        for relation in register.relations {
            var errors = relation.validate()
            for (field, key) in [("from_key", relation.fromKey), ("to_key", relation.toKey)]
            where !partnerships.contains(key) {
                errors.append(FieldError(field, "No partnership has the identifier '\(batch.name(.partnership, key))'"))
            }
            issues += errors.map {
                ImportIssue(
                    batch.location(.partnership, relation.fromKey),
                    field: batch.field(.partnership, $0.field == "to_key" ? relation.kind.field : $0.field), $0.message)
            }
        }
        var versions: Set<String> = []
        for terms in register.termsOfReference {
            let id = "\(terms.partnershipKey)#\(terms.version)"
            var errors = terms.validate()
            if !partnerships.contains(terms.partnershipKey) {
                errors.append(
                    FieldError(
                        "partnership_key",
                        "No partnership has the identifier '\(batch.name(.partnership, terms.partnershipKey))'"))
            }
            if !versions.insert(id).inserted {
                errors.append(FieldError("version", "Version \(terms.version) is listed more than once"))
            }
            add(.termsOfReference, id, errors)
        }

        duplicates(register.meetings, .meeting, "meeting", key: \.key)
        for meeting in register.meetings {
            var errors = meeting.validate()
            if !partnerships.contains(meeting.partnershipKey) {
                errors.append(
                    FieldError(
                        "partnership_key",
                        "No partnership has the identifier '\(batch.name(.partnership, meeting.partnershipKey))'"))
            }
            for attendance in meeting.attendance {
                for key in [attendance.personKey, attendance.substituteForKey].compactMap({ $0 })
                where !persons.contains(key) {
                    errors.append(
                        FieldError("attendance", "No person has the identifier '\(batch.name(.person, key))'"))
                }
            }
            add(.meeting, meeting.key, errors)
        }

        // Reporting lines: the stored ones, less those the file restates, plus the file's.
        let stored = known.hierarchy.filter { !batch.relationsStatedFor.contains($0.fromKey) }
        let hierarchy = stored + register.relations.filter(\.kind.isHierarchical)
        if let cycle = Hierarchy.findCycle(in: hierarchy) {
            let first = cycle.first ?? ""
            issues.append(
                ImportIssue(
                    batch.location(.partnership, first), field: batch.field(.partnership, "reports_to"),
                    "Reporting lines would loop: \(cycle.joined(separator: " → "))"))
        }
        return issues
    }
}

/// The reporting structure: "reports to" and "sub-group of" point up to a parent; together they form a forest.
public enum Hierarchy {
    /// A loop in the upward edges, as the keys along it with the first repeated at the end, or nil.
    public static func findCycle(in relations: [PartnershipRelation]) -> [String]? {
        var up: [String: [String]] = [:]
        for relation in relations where relation.kind.isHierarchical {
            up[relation.fromKey, default: []].append(relation.toKey)
        }
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var path: [String] = []

        func visit(_ node: String) -> [String]? {
            switch marks[node] {
            case .done: return nil
            case .visiting:
                let start = path.firstIndex(of: node)!
                return Array(path[start...]) + [node]
            case nil: break
            }
            marks[node] = .visiting
            path.append(node)
            for next in up[node, default: []].sorted() {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            marks[node] = .done
            return nil
        }
        for node in up.keys.sorted() {
            if let cycle = visit(node) { return cycle }
        }
        return nil
    }

    /// Would adding `relation` to `existing` make a loop? Returns the loop if so.
    public static func cycle(adding relation: PartnershipRelation, to existing: [PartnershipRelation]) -> [String]? {
        guard relation.kind.isHierarchical else { return nil }
        return findCycle(in: existing + [relation])
    }
}
