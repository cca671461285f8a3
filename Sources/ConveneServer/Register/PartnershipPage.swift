import ConveneDomain
import Fluent
import Plot
import Vapor

/// One partnership: its record, members, place in the reporting structure, footprint and terms of reference.
struct PartnershipPageModel {
    /// Who is asking, and the form token of the page's forms.
    var context: PageContext
    struct Member {
        var key: String
        var name: String; var href: String; var roleTitle: String?; var role: MembershipRole
        var represents: (name: String, href: String)?; var voting: Bool
        var substitute: (name: String, href: String)?; var startedOn: Day?; var endedOn: Day?
    }
    struct Link { var key: String; var name: String; var kind: RelationKind }

    var partnership: Partnership
    var secretariat: (name: String, href: String)?
    var forceArea: String?
    var current: [Member]
    var past: [Member]
    /// From this partnership up to the top of its reporting line.
    var chain: [Link]
    var outgoing: [Link]
    var incoming: [Link]
    var footprint: FootprintResolution
    var footprintNames: [String]
    /// A CDP's footprint against the ICB boundaries; nil for other partnerships.
    var icbFit: ICBFit? = nil
    var terms: [TermsOfReference]
    var today: Day
    var isPublished: Bool
    /// Guidance applies to partnerships of its type: the page links to its task list.
    var hasGuidance = false
    /// The data-sharing agreements that serve it.
    var agreements: [DataSharingAgreement] = []
    /// Its current members' current declarations of interest, each with its person.
    var interests: [((name: String, href: String)?, InterestDeclaration)] = []

    /// The current declarations of the people who are members on `day`, by person name.
    static func memberInterests(of partnership: UUID, on day: Day, in scope: Scope) async throws
        -> [((name: String, href: String)?, InterestDeclaration)]
    {
        let seats = try await MembershipRecord.query(in: scope).filter(\.$partnership.$id == partnership)
            .filter(\.$person.$id != nil).with(\.$person).all()
            .filter { seat in seat.endedOn.map { $0 >= day.description } ?? true }
        let people = Dictionary(
            seats.compactMap { s in s.person.map { ($0.id!, $0) } }, uniquingKeysWith: { a, _ in a })
        let declared = try await SharingStore.declarations(of: Array(people.keys), in: scope)
        return people.values.sorted { $0.name < $1.name }.flatMap { person in
            (declared[person.id!] ?? []).filter { $0.isCurrent(on: day) }.map {
                ((person.name, RegisterPath.person(person.key).href(fragment: "interests")), $0)
            }
        }
    }

    static func load(key: String, context: PageContext, in scope: Scope) async throws -> PartnershipPageModel {
        let today = scope.now.today
        let record = try await RegisterQueries.partnership(key, in: scope)
        let id = try record.requireID()
        async let memberships = members(of: id, in: scope)
        async let relations = relations(of: id, in: scope)
        async let terms = TermsOfReferenceRecord.query(in: scope).filter(\.$partnership.$id == id).sort(
            \.$version, .descending
        ).all()
        async let around = around(record, in: scope)
        async let agreements = SharingStore.agreements(serving: key, in: scope)
        async let interests = memberInterests(of: id, on: today, in: scope)

        let keys = KeyIndex(
            organisations: try await around.secretariat_key.map { [record.$secretariat.id!: $0] } ?? [:],
            partnerships: [id: record.key])
        let partnership = record.domain(keys)

        var current: [Member] = []
        var past: [Member] = []
        for member in try await memberships {
            if member.endedOn.map({ $0 < today }) ?? false { past.append(member) } else { current.append(member) }
        }
        let roleOrder = Dictionary(uniqueKeysWithValues: MembershipRole.allCases.enumerated().map { ($1, $0) })
        current.sort { (roleOrder[$0.role]!, $0.name) < (roleOrder[$1.role]!, $1.name) }
        past.sort { ($0.endedOn ?? today) > ($1.endedOn ?? today) }
        let (out, inc) = try await relations

        // The footprint's districts and every area they lie in.
        let codes = partnership.footprint
        var footprint = FootprintResolution(
            policeForceAreas: [], upperTierAuthorities: [], integratedCareBoards: [], districts: [])
        var footprintNames: [String] = []
        var icbFit: ICBFit? = partnership.type == .combatingDrugsPartnership ? .unknown : nil
        if !codes.isEmpty {
            let links = try await AreaLinkRecord.query(on: scope.db).group(.or) {
                $0.filter(\.$districtCode ~~ codes).filter(\.$areaCode ~~ codes)
            }.all().map(\.domain)
            let districts = Set(links.map(\.districtCode)).union(codes)
            let allLinks = try await AreaLinkRecord.query(on: scope.db).filter(\.$districtCode ~~ districts).all().map(
                \.domain)
            let areaCodes = districts.union(allLinks.map(\.areaCode))
            let areas = try await AreaRecord.query(on: scope.db).filter(\.$code ~~ areaCodes).all().map(\.domain)
            let parents = Set(areas.compactMap(\.parentCode)).subtracting(areaCodes)
            let parentAreas =
                parents.isEmpty
                ? [] : try await AreaRecord.query(on: scope.db).filter(\.$code ~~ parents).all().map(\.domain)
            footprint = Footprint.resolve(codes, areas: areas + parentAreas, links: allLinks)
            let names = Dictionary((areas + parentAreas).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            footprintNames = codes.map { code in names[code].map { "\($0) (\(code))" } ?? code }
            if partnership.type == .combatingDrugsPartnership {
                icbFit = try await fitAgainstICBs(
                    codes, areas: areas + parentAreas, links: allLinks, footprint, in: scope)
            }
        }
        let named = try await around
        let forceArea = partnership.forceAreaCode.map { named.force_area_name ?? $0 }

        return PartnershipPageModel(
            context: context, partnership: partnership,
            secretariat: named.secretariat_key.map {
                (named.secretariat_name ?? "", RegisterPath.organisation($0).href)
            },
            forceArea: forceArea, current: current, past: past,
            chain: try await chain(from: id, in: scope), outgoing: out, incoming: inc,
            footprint: footprint, footprintNames: footprintNames, icbFit: icbFit,
            terms: try await terms.map { $0.domain(KeyIndex(partnerships: [id: record.key])) }, today: today,
            isPublished: record.publishedAt != nil,
            hasGuidance: named.has_guidance, agreements: try await agreements, interests: try await interests)
    }

    /// What the page says around the record: its secretariat, its force area's name and whether guidance applies to
    /// its type, in one statement.
    private struct Around: Decodable {
        var secretariat_key: String?; var secretariat_name: String?; var force_area_name: String?
        var has_guidance: Bool
    }

    private static func around(_ record: PartnershipRecord, in scope: Scope) async throws -> Around {
        let secretariat = record.$secretariat.id
        return try await scope.sql.raw(
            """
            SELECT (SELECT key FROM organisations WHERE id = \(bind: secretariat)) AS secretariat_key,
                (SELECT name FROM organisations WHERE id = \(bind: secretariat)) AS secretariat_name,
                (SELECT name FROM areas WHERE code = \(bind: record.forceAreaCode)) AS force_area_name,
                EXISTS (SELECT 1 FROM guidance_templates WHERE partnership_type = \(bind: record.type)) AS has_guidance
            """
        ).first(decoding: Around.self)!
    }

    /// A partnership's members, past and present, with who each is, whom they represent and their substitute: one
    /// statement.
    private static func members(of id: UUID, in scope: Scope) async throws -> [Member] {
        struct Row: Decodable {
            var key: String; var role: String; var voting_right: Bool; var started_on: String?; var ended_on: String?
            var person_key: String?; var person_name: String?; var role_title: String?
            var organisation_key: String?; var organisation_name: String?
            var represents_key: String?; var represents_name: String?
            var employer_key: String?; var employer_name: String?
            var substitute_key: String?; var substitute_name: String?
        }
        let rows = try await scope.sql.raw(
            """
            SELECT m.key, m.role, m.voting_right, m.started_on, m.ended_on,
                pe.key AS person_key, pe.name AS person_name, pe.role_title,
                o.key AS organisation_key, o.name AS organisation_name,
                r.key AS represents_key, r.name AS represents_name,
                e.key AS employer_key, e.name AS employer_name,
                s.key AS substitute_key, s.name AS substitute_name
            FROM memberships m
            LEFT JOIN persons pe ON pe.id = m.person_id
            LEFT JOIN organisations e ON e.id = pe.organisation_id
            LEFT JOIN organisations o ON o.id = m.organisation_id
            LEFT JOIN organisations r ON r.id = m.represents_id
            LEFT JOIN persons s ON s.id = m.substitute_id
            WHERE m.workspace_id = \(bind: scope.workspaceID) AND m.partnership_id = \(bind: id)
            """
        ).all(decoding: Row.self)
        return rows.map { m in
            let represents =
                m.represents_key.map { ($0, m.represents_name ?? "") }
                ?? m.employer_key.map { ($0, m.employer_name ?? "") }
            return Member(
                key: m.key,
                name: m.person_name ?? m.organisation_name ?? "Unknown",
                href: m.person_key.map { RegisterPath.person($0).href } ?? m.organisation_key.map {
                    RegisterPath.organisation($0).href
                } ?? "#",
                roleTitle: m.role_title, role: MembershipRole(rawValue: m.role) ?? .member,
                represents: represents.map { ($0.1, RegisterPath.organisation($0.0).href) },
                voting: m.voting_right,
                substitute: m.substitute_key.map { (m.substitute_name ?? "", RegisterPath.person($0).href) },
                startedOn: Day(stored: m.started_on), endedOn: Day(stored: m.ended_on))
        }
    }

    /// The partnership's relations both ways, with the name of the partnership at the other end: one statement.
    private static func relations(of id: UUID, in scope: Scope) async throws -> (outgoing: [Link], incoming: [Link]) {
        struct Row: Decodable {
            var kind: String; var outgoing: Bool; var key: String; var name: String
        }
        let rows = try await scope.sql.raw(
            """
            SELECT r.kind, r.from_id = \(bind: id) AS outgoing,
                CASE WHEN r.from_id = \(bind: id) THEN t.key ELSE f.key END AS key,
                CASE WHEN r.from_id = \(bind: id) THEN t.name ELSE f.name END AS name
            FROM partnership_relations r
            JOIN partnerships f ON f.id = r.from_id
            JOIN partnerships t ON t.id = r.to_id
            WHERE r.workspace_id = \(bind: scope.workspaceID) AND (r.from_id = \(bind: id) OR r.to_id = \(bind: id))
            ORDER BY name, key, r.kind
            """
        ).all(decoding: Row.self)
        func link(_ row: Row) -> Link {
            Link(key: row.key, name: row.name, kind: RelationKind(rawValue: row.kind) ?? .reportsTo)
        }
        return (rows.filter(\.outgoing).map(link), rows.filter { !$0.outgoing }.map(link))
    }

    /// The footprint against the ICBs it touches, with every district of those ICBs read (to tell a footprint that
    /// is an ICB's from one inside it).
    private static func fitAgainstICBs(
        _ codes: [String], areas: [Area], links: [AreaLink], _ footprint: FootprintResolution, in scope: Scope
    ) async throws -> ICBFit {
        let boards = footprint.integratedCareBoards.map(\.code)
        guard !boards.isEmpty else { return .unknown }
        let boardLinks = try await AreaLinkRecord.query(on: scope.db).filter(\.$areaCode ~~ boards).all().map(\.domain)
        let known = Set(areas.map(\.code))
        let missing = Set(boardLinks.map(\.districtCode)).subtracting(known)
        let districts =
            missing.isEmpty
            ? [] : try await AreaRecord.query(on: scope.db).filter(\.$code ~~ missing).all().map(\.domain)
        return Footprint.icbFit(codes, areas: areas + districts, links: Array(Set(links + boardLinks)))
    }

    /// Follows "reports to" (or else "sub-group of") upwards, one statement a step; the cycle check guarantees it ends.
    private static func chain(from id: UUID, in scope: Scope) async throws -> [Link] {
        struct Up: Decodable { var kind: String; var to_id: UUID; var key: String; var name: String }
        var chain: [Link] = []
        var seen: Set<UUID> = [id]
        var node = id
        while true {
            let ups = try await scope.sql.raw(
                """
                SELECT r.kind, r.to_id, t.key, t.name FROM partnership_relations r
                JOIN partnerships t ON t.id = r.to_id
                WHERE r.workspace_id = \(bind: scope.workspaceID) AND r.from_id = \(bind: node)
                    AND r.kind IN (\(bind: RelationKind.reportsTo.rawValue), \(bind: RelationKind.subGroupOf.rawValue))
                """
            ).all(decoding: Up.self)
            guard let up = ups.sorted(by: { $0.kind > $1.kind }).first, seen.insert(up.to_id).inserted else { break }
            chain.append(Link(key: up.key, name: up.name, kind: RelationKind(rawValue: up.kind) ?? .reportsTo))
            node = up.to_id
        }
        return chain
    }
}
