import Foundation

extension ReviewFindings {
    /// Terms of reference with no review date fall due for review this many months after their approval: a yearly
    /// review is what the CDP guidance and most boards' own terms ask for.
    public static let termsOfReferenceReviewMonths = 12

    /// The findings of `period` as known on `today`, by calling the analyses: the cost audit, attendance quality,
    /// delivery, membership overlap (on the period's last day, or today if sooner) and duplicate discussions, with
    /// `settings`; alignment from `alignment` (`Alignment.run` over the workspace's strategies and priorities; nil
    /// when not assessed); terms of reference from the register; survey results as given, by partnership key.
    ///
    /// Of `partnershipKeys`, or of every partnership that has not ended (merged or discontinued). By name, then key.
    public static func gather(
        from data: AnalyticsData, period: Period, settings: AnalyticsSettings = AnalyticsSettings(), today: Day,
        partnershipKeys: Set<String>? = nil, alignment: Alignment.Report? = nil,
        surveySignals: [String: [ReviewSurveySignal]] = [:]
    ) -> [ReviewFindings] {
        let asOf = min(period.to, today)
        let reviewed = data.partnerships.filter { partnershipKeys?.contains($0.key) ?? !$0.status.hasEnded }
            .sorted { ($0.name, $0.key) < ($1.name, $1.key) }
        let keys = Set(reviewed.map(\.key))

        let cost = CostAudit.run(data, period: period, settings: settings, today: today, only: keys)
        let costs = Dictionary(cost.partnerships.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let held = Dictionary(grouping: cost.meetings, by: \.partnershipKey)
        let attendance = Dictionary(
            AttendanceQuality.run(data, period: period, today: today).partnerships.map { ($0.key, $0.figures) },
            uniquingKeysWith: { a, _ in a })
        // Every partnership's delivery: a merge is decided by the other partnership's too.
        let delivery = Dictionary(
            Delivery.run(data, period: period, today: today).partnerships.map { ($0.key, $0.figures) },
            uniquingKeysWith: { a, _ in a })
        let overlap = MembershipOverlap.run(data, on: asOf)
        let duplicates = DuplicateDiscussions.run(data, period: period, settings: settings, today: today, only: keys)

        return reviewed.map { p in
            let meetings = (held[p.key] ?? []).map {
                ReviewEvidence(.meeting, $0.meetingKey, "\($0.name), \($0.day.longDescription)")
            }
            return ReviewFindings(
                partnershipKey: p.key, name: p.name, type: p.type, status: p.status, statutoryBasis: p.statutoryBasis,
                startedOn: p.startedOn, footprint: p.footprint, themes: p.themes, period: period, asOf: asOf,
                cost: costFigures(costs[p.key], period: period, meetings: meetings),
                attendance: AttendanceFigures(
                    figures: attendance[p.key], evidence: [ReviewEvidence.attendanceQuality] + meetings),
                delivery: deliveryFigures(
                    data, p.key, delivery[p.key] ?? Delivery.Figures(), held: held[p.key] ?? [], period: period,
                    asOf: asOf),
                overlap: overlapFigures(data, p, overlap, delivery),
                duplication: duplicationFigures(p.key, duplicates),
                alignment: alignmentFigures(p.key, alignment),
                termsOfReference: termsFigures(data, p, asOf: asOf),
                survey: surveySignals[p.key] ?? [])
        }
    }

    static func costFigures(_ c: CostAudit.PartnershipCost?, period: Period, meetings: [ReviewEvidence]) -> CostFigures
    {
        let days = period.days
        guard let c else {
            return CostFigures(
                meetingsHeld: 0, personMinutes: 0, cost: .zero, plannedMeetings: 0, plannedCost: .zero,
                annualCost: .zero, annualPersonHours: 0, evidence: [.costAudit] + meetings)
        }
        return CostFigures(
            meetingsHeld: c.meetings, personMinutes: c.personMinutes, cost: c.cost, plannedMeetings: c.plannedMeetings,
            plannedCost: c.plannedCost,
            annualCost: Money(sixtiethsOfPenny: Money.divide(c.total.sixtiethsOfPenny * 365, by: days)),
            annualPersonHours: c.personHours * 365 / Double(days), evidence: [.costAudit] + meetings)
    }

    /// The decided items of the held meetings, and the actions raised in the period and overdue at its end: the
    /// records `Delivery` counts.
    static func deliveryFigures(
        _ data: AnalyticsData, _ key: String, _ figures: Delivery.Figures, held: [CostAudit.MeetingCost],
        period: Period, asOf: Day
    ) -> DeliveryFigures {
        let decided = held.flatMap { data.itemsByMeeting[$0.meetingKey] ?? [] }.filter {
            data.decidedItems.contains($0.key)
        }
        let overdue = data.actions.filter {
            $0.partnershipKey == key && period.contains($0.raisedOn) && $0.isOverdue(on: asOf)
        }.sorted { ($0.dueOn ?? $0.raisedOn, $0.key) < ($1.dueOn ?? $1.raisedOn, $1.key) }
        return DeliveryFigures(
            figures: figures, decidedItemKeys: decided.map(\.key), overdueActionKeys: overdue.map(\.key),
            evidence: [.delivery] + decided.map { ReviewEvidence(.agendaItem, $0.key, $0.title) }
                + overdue.map { ReviewEvidence(.action, $0.key, $0.title) })
    }

    static func overlapFigures(
        _ data: AnalyticsData, _ p: Partnership, _ report: MembershipOverlap.Report,
        _ delivery: [String: Delivery.Figures]
    ) -> OverlapFigures? {
        let pair = report.pairs(of: p.key).first { pair in
            let other = pair.aKey == p.key ? pair.bKey : pair.aKey
            return data.partnershipsByKey[other].map { !$0.status.hasEnded } ?? false
        }
        guard let pair else { return nil }
        let isA = pair.aKey == p.key
        let other = data.partnershipsByKey[isA ? pair.bKey : pair.aKey]!
        let figures = delivery[other.key] ?? Delivery.Figures()
        return OverlapFigures(
            otherKey: other.key, otherName: other.name, sharedPeople: pair.people.shared.count,
            members: isA ? pair.people.aCount : pair.people.bCount,
            otherMembers: isA ? pair.people.bCount : pair.people.aCount, overlap: pair.people.overlap,
            jaccard: pair.people.jaccard, otherStatutoryBasis: other.statutoryBasis, otherDecisions: figures.decisions,
            otherMeetings: figures.meetings, otherCompletion: figures.completion,
            sameFootprint: !p.footprint.isEmpty && Set(p.footprint) == Set(other.footprint),
            sharedThemes: Set(p.themes).intersection(other.themes).sorted(),
            evidence: [ReviewEvidence(.partnership, other.key, other.name), .overlap])
    }

    static func duplicationFigures(_ key: String, _ report: DuplicateDiscussions.Report) -> DuplicationFigures {
        guard let row = report.row(key) else {
            return DuplicationFigures(items: 0, duplicated: 0, elsewhere: [], evidence: [.duplicates])
        }
        let findings = report.findings(of: key)
        let elsewhere = row.elsewhere.map { place in
            let here = findings.filter {
                $0.a.partnershipKey == place.partnershipKey || $0.b.partnershipKey == place.partnershipKey
            }
            var seen: Set<String> = []
            let items = here.flatMap { [$0.a, $0.b] }.filter { seen.insert($0.itemKey).inserted }
            let own = items.filter { $0.partnershipKey == key }.map(\.itemKey).sorted()
            return Elsewhere(
                partnershipKey: place.partnershipKey, name: place.name, items: place.items, discussions: here.count,
                itemKeys: own,
                evidence: [ReviewEvidence(.partnership, place.partnershipKey, place.name)]
                    + items.map { ReviewEvidence(.agendaItem, $0.itemKey, "\($0.title), \($0.day.longDescription)") })
        }
        return DuplicationFigures(
            items: row.items, duplicated: row.duplicated, elsewhere: elsewhere,
            evidence: [.duplicates] + elsewhere.map { ReviewEvidence(.partnership, $0.partnershipKey, $0.name) })
    }

    static func alignmentFigures(_ key: String, _ report: Alignment.Report?) -> AlignmentFigures {
        guard let report else {
            return AlignmentFigures(state: .notAssessed, priorities: 0, aligned: 0, planPriorityKeys: [], evidence: [])
        }
        guard report.planState == .one else {
            return AlignmentFigures(
                state: .noPlan, priorities: 0, aligned: 0, planPriorityKeys: [], evidence: [.alignment])
        }
        let rows = report.rows.filter { $0.owner == .partnership(key) }
        let planColumns = report.columns.indices.filter { report.columns[$0].kind == .planPriority }
        let aligned = rows.filter { row in planColumns.contains { row.cells[$0] != nil } }
        let carried = planColumns.filter { column in aligned.contains { $0.cells[column] != nil } }.map {
            report.columns[$0]
        }
        var strategies: Set<String> = []
        let evidence =
            [ReviewEvidence.alignment]
            + rows.filter { strategies.insert($0.strategyKey).inserted }.map {
                ReviewEvidence(.strategy, $0.strategyKey, $0.strategyName)
            }
            + aligned.map { ReviewEvidence(.priority, $0.priorityKey, $0.title) }
            + carried.map { ReviewEvidence(.priority, $0.key, $0.title) }
        return AlignmentFigures(
            state: rows.isEmpty ? .noPrioritiesRecorded : .assessed, priorities: rows.count, aligned: aligned.count,
            planPriorityKeys: carried.map(\.key), evidence: evidence)
    }

    static func termsFigures(_ data: AnalyticsData, _ p: Partnership, asOf: Day) -> TermsOfReferenceFigures {
        let terms = data.termsOfReference.filter {
            $0.partnershipKey == p.key && ($0.approvedOn.map { $0 <= asOf } ?? true)
        }.max { $0.version < $1.version }
        guard let terms else {
            return TermsOfReferenceFigures(
                state: .unknown, version: nil, approvedOn: nil, reviewDue: nil, dueOn: nil,
                evidence: [ReviewEvidence(.partnership, p.key, p.name)])
        }
        let dueOn = terms.reviewDue ?? terms.approvedOn.map { monthsLater($0, termsOfReferenceReviewMonths) }
        // Overdue once the day has come, as `TermsOfReference.reviewState` says "review due".
        let state: TermsOfReferenceFigures.State = dueOn.map { $0 <= asOf ? .overdue : .current } ?? .unknown
        return TermsOfReferenceFigures(
            state: state, version: terms.version, approvedOn: terms.approvedOn, reviewDue: terms.reviewDue,
            dueOn: dueOn,
            evidence: [
                ReviewEvidence(
                    .termsOfReference, "\(p.key)#\(terms.version)", "Terms of reference, version \(terms.version)")
            ])
    }

    /// The same day `months` later; the month's last day when it is shorter (31 January → 28 or 29 February).
    static func monthsLater(_ day: Day, _ months: Int) -> Day {
        let index = day.year * 12 + day.month - 1 + months
        let (year, month) = (index / 12, index % 12 + 1)
        var d = day.day
        while d > 28, Day(year: year, month: month, day: d) == nil { d -= 1 }
        return Day(year: year, month: month, day: d) ?? day
    }
}
