import ConveneDomain
import Foundation

// The analysis pages' models: each holds exactly what its page shows (the request's context, the period asked
// for and the analysis's report, with the data behind its links), built by the handler in `AnalysisPages` or
// `DuplicationPages` and rendered by `AnalysisViews` or `DuplicationViews`.

/// The list of analyses; its links keep the period asked for.
struct AnalysisIndexModel {
    var context: PageContext
    var asked: AnalysisPages.Asked
}

/// What the partnerships' meetings cost.
struct CostPageModel {
    var context: PageContext
    var asked: AnalysisPages.Asked
    var report: CostAudit.Report
    var data: AnalyticsData
}

/// The held meetings behind a cost figure, and a partnership's support costs with the form to add one.
struct CostMeetingsModel {
    var context: PageContext
    var asked: AnalysisPages.Asked
    var report: CostAudit.Report
    var data: AnalyticsData
    var filter: AnalysisPages.CostFilter
    /// Whether the support form is offered: only on a partnership's meetings, and only to an editor.
    var mayEdit: Bool
    var errors: [FieldError] = []
    var input = AnalysisViews.SupportInput()
}

/// Meetings and hours per person and organisation.
struct LoadPageModel {
    var context: PageContext
    var asked: AnalysisPages.Asked
    var report: Load.Report
    var data: AnalyticsData
}

/// One person's meeting load, week by week.
struct PersonLoadModel {
    var context: PageContext
    var asked: AnalysisPages.Asked
    var person: Person
    /// The person's load, or nil when they had no meetings in the period.
    var load: Load.PersonLoad?
    var report: Load.Report
    var data: AnalyticsData
}

/// The quality of attendance at each partnership's meetings.
struct AttendancePageModel {
    var context: PageContext
    var asked: AnalysisPages.Asked
    var report: AttendanceQuality.Report
}

/// Decisions and actions per meeting.
struct DeliveryPageModel {
    var context: PageContext
    var asked: AnalysisPages.Asked
    var report: Delivery.Report
    var data: AnalyticsData
}

/// A person's invitations triaged to fit a capacity, and their saved plan.
struct TriagePageModel {
    var context: PageContext
    var asked: AnalysisPages.Asked
    /// The triage of `person`'s invitations; nil when no person is chosen.
    var report: Triage.Report?
    var person: Person?
    /// Everyone who may be chosen: key and name.
    var people: [(String, String)]
    /// The capacity as typed (or the default).
    var capacity: String
    var plan: AnalysisPages.SavedPlan?
    /// Whether the plan was saved just now.
    var saved: Bool
}

/// The assumptions every analysis rests on, as values to show or change.
struct AnalysisSettingsModel {
    var context: PageContext
    /// Each setting's value by key: as saved, or as typed when the form has errors.
    var values: [String: String]
    var errors: [FieldError]
    /// Whether the settings were saved just now.
    var saved: Bool
}

/// Partnerships whose members are largely the same.
struct OverlapPageModel {
    var context: PageContext
    var asked: AnalysisPages.Asked
    var report: MembershipOverlap.Report
    var data: AnalyticsData
}

/// The same people discussing the same thing at different partnerships' meetings.
struct DuplicateDiscussionsModel {
    var context: PageContext
    var asked: AnalysisPages.Asked
    var report: DuplicateDiscussions.Report
    var data: AnalyticsData
}

/// Strategies' priorities that say nearly the same.
struct PriorityDuplicatesModel {
    var context: PageContext
    var asked: AnalysisPages.Asked
    var report: PriorityDuplicates.Report
    /// The strategies' names by key.
    var strategyNames: [String: String]
}

/// The PCC's involvement in each force area's CDPs, with the evidence of every yes.
struct InvolvementPageModel {
    var context: PageContext
    var report: PCCInvolvement.Report
}

/// The CDPs' Senior Responsible Owners by role.
struct SROsPageModel {
    var context: PageContext
    var report: SeniorResponsibleOwners.Report
}

/// The CDPs' footprints against councils and ICBs.
struct FootprintsPageModel {
    var context: PageContext
    var report: CDPFootprints.Report
}
