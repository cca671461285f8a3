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

    static func load(key: String, context: PageContext, in scope: Scope) async throws -> PartnershipPageModel {
        let today = scope.now.today
        let record = try await RegisterQueries.partnership(key, in: scope)
        let id = try record.requireID()
        async let memberships = MembershipRecord.query(in: scope).filter(\.$partnership.$id == id)
            .with(\.$person) { $0.with(\.$organisation) }.with(\.$organisation).with(\.$represents).with(\.$substitute)
            .all()
        async let outgoing = RelationRecord.query(in: scope).filter(\.$from.$id == id).with(\.$to).all()
        async let incoming = RelationRecord.query(in: scope).filter(\.$to.$id == id).with(\.$from).all()
        async let terms = TermsOfReferenceRecord.query(in: scope).filter(\.$partnership.$id == id).sort(
            \.$version, .descending
        ).all()
        async let secretariat = record.$secretariat.get(on: scope.db)

        let keys = KeyIndex(
            organisations: try await secretariat.map { [$0.id!: $0.key] } ?? [:], partnerships: [id: record.key])
        let partnership = record.domain(keys)

        var current: [Member] = []
        var past: [Member] = []
        for m in try await memberships {
            let member = Member(
                key: m.key,
                name: m.person?.name ?? m.organisation?.name ?? "Unknown",
                href: m.person.map { RegisterPath.person($0.key).href } ?? m.organisation.map {
                    RegisterPath.organisation($0.key).href
                } ?? "#",
                roleTitle: m.person?.roleTitle, role: MembershipRole(rawValue: m.role) ?? .member,
                represents: (m.represents ?? m.person?.organisation).map {
                    ($0.name, RegisterPath.organisation($0.key).href)
                },
                voting: m.votingRight,
                substitute: m.substitute.map { ($0.name, RegisterPath.person($0.key).href) },
                startedOn: Day(stored: m.startedOn), endedOn: Day(stored: m.endedOn))
            if member.endedOn.map({ $0 < today }) ?? false { past.append(member) } else { current.append(member) }
        }
        let roleOrder = Dictionary(uniqueKeysWithValues: MembershipRole.allCases.enumerated().map { ($1, $0) })
        current.sort { (roleOrder[$0.role]!, $0.name) < (roleOrder[$1.role]!, $1.name) }
        past.sort { ($0.endedOn ?? today) > ($1.endedOn ?? today) }

        let out = try await outgoing.map {
            Link(key: $0.to.key, name: $0.to.name, kind: RelationKind(rawValue: $0.kind) ?? .reportsTo)
        }
        let inc = try await incoming.map {
            Link(key: $0.from.key, name: $0.from.name, kind: RelationKind(rawValue: $0.kind) ?? .reportsTo)
        }

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
        let forceArea = try await partnership.forceAreaCode.asyncMap {
            try await RegisterQueries.areaNames([$0], in: scope)[$0] ?? $0
        }

        return PartnershipPageModel(
            context: context, partnership: partnership,
            secretariat: try await secretariat.map { ($0.name, RegisterPath.organisation($0.key).href) },
            forceArea: forceArea, current: current, past: past,
            chain: try await chain(from: id, in: scope), outgoing: out, incoming: inc,
            footprint: footprint, footprintNames: footprintNames, icbFit: icbFit,
            terms: try await terms.map { $0.domain(KeyIndex(partnerships: [id: record.key])) }, today: today,
            isPublished: record.publishedAt != nil,
            hasGuidance: try await GuidanceStore.hasTemplate(for: partnership.type, on: scope.db))
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

    /// Follows "reports to" (or else "sub-group of") upwards; the cycle check guarantees it ends.
    private static func chain(from id: UUID, in scope: Scope) async throws -> [Link] {
        var chain: [Link] = []
        var seen: Set<UUID> = [id]
        var node = id
        while true {
            let ups = try await RelationRecord.query(in: scope).filter(\.$from.$id == node)
                .filter(\.$kind ~~ [RelationKind.reportsTo.rawValue, RelationKind.subGroupOf.rawValue]).with(\.$to)
                .all()
            guard let up = ups.sorted(by: { $0.kind > $1.kind }).first, seen.insert(up.$to.id).inserted else { break }
            chain.append(Link(key: up.to.key, name: up.to.name, kind: RelationKind(rawValue: up.kind) ?? .reportsTo))
            node = up.$to.id
        }
        return chain
    }
}
