import Fluent
import Foundation

/// A progress report as made: the document itself (HTML, and the PDF printed from it), kept with the day it was made,
/// who made it and the version of the data it was made from, so a report sent months ago can be read as it was.
final class ProgressReportRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "progress_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "partnership_id") var partnership: PartnershipRecord
    @Field(key: "key") var key: String
    /// The year's first calendar year: 2025 for 2025/26.
    @Field(key: "year_start") var yearStart: Int
    @Field(key: "made_at") var madeAt: Date
    @Field(key: "made_by") var madeBy: String
    /// "1,234 audit entries, the last at 2026-06-16 10:00": the state of the register the figures come from.
    @Field(key: "data_version") var dataVersion: String
    @Field(key: "html") var html: String
    @OptionalField(key: "pdf") var pdf: Data?

    static var workspacePath: KeyPath<ProgressReportRecord, ParentProperty<ProgressReportRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}
