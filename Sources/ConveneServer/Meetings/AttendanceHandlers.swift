import ConveneDomain
import Fluent
import Foundation
import Vapor

/// The attendance register's handlers: the form, reading it as posted, and recording it.
extension MeetingPages {
    @Sendable static func attendanceForm(req: Request) async throws -> Response {
        let c = try await context(req)
        let detail = try await MeetingDetail.load(partnership: c.partnership, meeting: c.meeting, in: req.scope)
        let model = try await AttendanceFormModel.load(detail, context: req.pageContext, in: req.scope)
        return AttendanceFormView.render(model).response()
    }

    /// Reads the register as posted: per member `status-KEY` (present, present-online, substitute meaning "sent a
    /// substitute", apologies, absent), `substitute-KEY`, `preparation-KEY`, `travel-KEY` and `attended-KEY` (the
    /// minutes there, for someone there for part of the meeting); and up to five others as `other-N` with
    /// `other-status-N`.
    static func parseAttendance(_ form: [String: String], detail: MeetingStore.Detail) -> ([Attendance], [FieldError]) {
        var reader = FormReader()
        var rows: [Attendance] = []
        func minutes(_ name: String, _ key: String) -> Int? {
            reader.number(form["\(name)-\(key)"], "\(name)-\(key)", "The \(name) time")
        }
        for member in detail.members {
            let key = member.person.key
            guard let status = reader.text(form["status-\(key)"]) else { continue }
            let prep = minutes("preparation", key)
            let travel = minutes("travel", key)
            let part = minutes("attended", key)
            guard let parsed = AttendanceStatus(rawValue: status) else {
                reader.errors.append(FieldError("status-\(key)", "'\(status)' is not a kind of attendance"))
                continue
            }
            if parsed == .substitute {
                guard let substitute = reader.text(form["substitute-\(key)"]) else {
                    reader.errors.append(
                        FieldError(
                            "substitute-\(key)",
                            "Select who attended in place of \(member.person.name)"))
                    continue
                }
                rows.append(Attendance(personKey: key, status: .apologies))
                rows.append(
                    Attendance(
                        personKey: substitute, status: .substitute, substituteForKey: key,
                        preparationMinutes: prep, travelMinutes: travel, attendedMinutes: part))
            } else {
                rows.append(
                    Attendance(
                        personKey: key, status: parsed, preparationMinutes: prep, travelMinutes: travel,
                        attendedMinutes: part))
            }
        }
        for n in 1...5 {
            guard let person = reader.text(form["other-\(n)"]) else { continue }
            let status = AttendanceStatus(rawValue: reader.text(form["other-status-\(n)"]) ?? "present") ?? .present
            rows.append(
                Attendance(
                    personKey: person, status: status == .substitute ? .present : status,
                    preparationMinutes: minutes("preparation", "other-\(n)"),
                    travelMinutes: minutes("travel", "other-\(n)"),
                    attendedMinutes: minutes("attended", "other-\(n)")))
        }
        return (rows, reader.errors)
    }

    @Sendable static func recordAttendance(req: Request) async throws -> Response {
        let c = try await context(req)
        let detail = try await MeetingStore.detail(c.meeting, of: c.partnership, in: req.scope)
        let form = try req.content.decode([String: String].self)
        var (rows, errors) = parseAttendance(form, detail: detail)
        if errors.isEmpty {
            errors = try await MeetingBusiness.recordAttendance(c.meeting, rows, detail: detail, in: req.scope)
        }
        if errors.isEmpty {
            return req.redirect(to: MeetingPath.meeting(c.partnership.key, c.meeting.key).href(fragment: "attendance"))
        }
        let model = try await AttendanceFormModel.load(
            MeetingDetail(detail), posted: form, errors: errors,
            context: req.pageContext, in: req.scope)
        return AttendanceFormView.render(model).response(status: .unprocessableEntity)
    }
}
