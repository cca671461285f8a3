import ConveneDomain
import Fluent
import Foundation
import Vapor

/// Actions raised at meetings and their updates.
extension MeetingBusiness {
    // MARK: Actions

    static func addAction(
        _ input: ActionItem, partnership: PartnershipRecord, meeting: MeetingRecord?, item: AgendaItemRecord?,
        in scope: Scope
    ) async throws -> (errors: [FieldError], key: String?) {
        let stem = "\(partnership.key)-action"
        var action = input
        action.key = stem
        var errors = action.validate()
        let owner = try await personID(action.ownerPersonKey, field: "owner", in: scope, errors: &errors)
        var organisation: UUID?
        if let key = action.ownerOrganisationKey {
            organisation = try await OrganisationRecord.query(in: scope).filter(\.$key == key).first()?.id
            if organisation == nil { errors.append(FieldError("owner", "There is no organisation '\(key)'")) }
        }
        guard errors.isEmpty else { return (errors, nil) }
        let organisationID = organisation
        let checked = action
        // The key is chosen with the partnership locked, so that actions raised at once each get their own.
        let key = try await scope.retryingCollisions(on: ["key"]) {
            try await scope.audited { scope, audit in
                try await scope.lock(PartnershipRecord.self, ids: [partnership.requireID()])
                var action = checked
                action.key = try await scope.unusedKey(stem, ActionRecord.self, key: \.$key, numbered: true)
                let key = action.key
                let record = ActionRecord()
                scope.claim(record)
                record.$partnership.id = try partnership.requireID()
                record.$meeting.id = meeting?.id
                record.$item.id = item?.id
                record.$ownerPerson.id = owner
                record.$ownerOrganisation.id = organisationID
                record.key = key
                record.title = action.title
                record.raisedOn = action.raisedOn.description
                record.dueOn = action.dueOn?.description
                record.status = action.status.rawValue
                try await record.create(on: scope.db)
                audit.note("create", "action", key, before: nil as ActionItem?, after: action)
                return key
            }
        }
        return ([], key)
    }

    /// A dated update to an action, and with it perhaps a new status.
    static func updateAction(_ record: ActionRecord, text: String?, status: ActionStatus?, on day: Day, in scope: Scope)
        async throws -> [FieldError]
    {
        let text = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty || status != nil else {
            return [FieldError("text", "Write the update, or choose a new status")]
        }
        let newStatus = status.flatMap { $0.rawValue == record.status ? nil : $0 }
        guard !text.isEmpty || newStatus != nil else { return [] }
        let before = record.status
        try await scope.audited { scope, audit in
            let update = ActionUpdateRecord()
            scope.claim(update)
            update.$action.id = try record.requireID()
            update.on = day.description
            update.text = text
            update.status = newStatus?.rawValue
            try await update.create(on: scope.db)
            if let newStatus {
                record.status = newStatus.rawValue
                try await record.update(on: scope.db)
            }
            audit.note(
                "update", "action", record.key, before: ["status": before],
                after: ["status": record.status, "update": text, "on": day.description])
        }
        return []
    }
}
