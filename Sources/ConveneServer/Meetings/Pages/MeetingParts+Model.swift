import ConveneDomain
import Fluent
import Foundation

/// A partnership as a meetings page shows it: its key, name and whether it is demo data.
struct PartnershipRef: Sendable, Hashable {
    var key: String
    var name: String
    var isDemo = false
}

/// A meeting as a link to it: key, name and when it starts.
struct MeetingRef: Sendable {
    var key: String
    var name: String
    var startsAt: Date
}

/// One meeting as its pages show it: `MeetingStore.Detail` with plain values in place of its records.
struct MeetingDetail: Sendable {
    struct Paper: Sendable { var key: String; var title: String; var fileName: String?; var size: Int? }
    struct Item: Sendable {
        var item: AgendaItem
        var presenter: MeetingStore.PersonRef?
        var papers: [Paper]
        var decision: Decision?
    }

    var partnership: PartnershipRef
    var meeting: Meeting
    var seriesName: String?
    var partnerships: [(key: String, name: String)]
    var items: [Item]
    var members: [MeetingStore.Row]
    var others: [MeetingStore.Row]
    var quorum: QuorumCheck
    var minutes: Minutes?
    var minutesApprovedAt: (key: String, name: String, startsAt: Date)?
    var arising: [ActionItem]
    var mattersArising: [ActionItem]
    var previous: (meeting: Meeting, minutes: Minutes?)?
    var persons: [String: MeetingStore.PersonRef]
    var organisations: [String: String]

    var overrun: Int? { Agenda.overrun(items.map(\.item), meetingMinutes: meeting.durationMinutes) }
    var plannedMinutes: Int { Agenda.plannedMinutes(items.map(\.item)) }
    /// Approved or locked minutes settle the meeting: its agenda and attendance no longer change.
    var isSettled: Bool { (minutes?.state ?? .draft) != .draft }
}

extension PartnershipRef {
    init(_ record: PartnershipRecord) { self.init(key: record.key, name: record.name, isDemo: record.isDemo) }
}

extension MeetingRef {
    init(_ record: MeetingRecord) { self.init(key: record.key, name: record.name, startsAt: record.startsAt) }
}

extension MeetingDetail {
    init(_ d: MeetingStore.Detail) {
        self.init(
            partnership: PartnershipRef(d.partnership), meeting: d.meeting, seriesName: d.seriesName,
            partnerships: d.partnerships,
            items: d.items.map { i in
                Item(
                    item: i.item, presenter: i.presenter,
                    papers: i.papers.map { Paper(key: $0.key, title: $0.title, fileName: $0.fileName, size: $0.size) },
                    decision: i.decision)
            },
            members: d.members, others: d.others, quorum: d.quorum, minutes: d.minutes,
            minutesApprovedAt: d.minutesApprovedAt, arising: d.arising, mattersArising: d.mattersArising,
            previous: d.previous, persons: d.persons, organisations: d.organisations)
    }

    /// The meeting with everything its pages show.
    static func load(
        partnership: PartnershipRecord, meeting: MeetingRecord,
        in scope: Scope
    ) async throws -> MeetingDetail {
        MeetingDetail(try await MeetingStore.detail(meeting, of: partnership, in: scope))
    }
}

/// What the meetings pages read about who may change a partnership's business, from the page context.
enum MeetingAccess {
    /// Whether the signed-in user may change this partnership's record and business (as `PartnershipGrants.mayEdit`).
    static func mayEdit(_ partnershipKey: String, context: PageContext, in scope: Scope) async throws -> Bool {
        guard let principal = context.principal else { return false }
        if principal.role >= .editor { return true }
        guard principal.role == .secretariat else { return false }
        return try await PartnershipGrants.keysGiven(to: principal.userID, in: scope).contains(partnershipKey)
    }

    /// The partnership's proposed items (not yet on a meeting's agenda), by key.
    static func backlog(of partnership: PartnershipRecord, in scope: Scope) async throws -> [BacklogItem] {
        try await AgendaItemRecord.query(in: scope).filter(\.$partnership.$id == partnership.requireID())
            .filter(\.$meeting.$id == nil).sort(\.$key).all()
            .map { BacklogItem(key: $0.key, title: $0.title, kind: $0.kind, durationMinutes: $0.durationMinutes) }
    }
}

/// A proposed item waiting for a meeting.
struct BacklogItem: Sendable {
    var key: String
    var title: String
    /// The stored kind; shown by its label when it is a known `AgendaItemKind`.
    var kind: String
    var durationMinutes: Int?
}
