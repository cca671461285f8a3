import Foundation

// The figures of `ReviewFindings` read as the signals of `ReviewRules`, each with its sentence.
extension ReviewRules {
    /// A benefit signal: poor or sound, and why, with the figures.
    struct Signal {
        var poor: Bool
        var reasons: [Reason]
    }

    /// "Met 6 times from 1 June 2025 to 31 May 2026 at a cost of £14,200 in salaries (84 person-hours)".
    static func costReason(_ f: ReviewFindings) -> Reason {
        let c = f.cost
        guard c.meetingsHeld > 0 else {
            let planned =
                c.plannedMeetings > 0
                ? "; \(count(c.plannedMeetings, "planned meeting")) \(verb(c.plannedMeetings, "is", "are")) priced at "
                    + c.plannedCost.wholePounds
                : ""
            return Reason("Held no meetings from \(f.period)" + planned, c.evidence)
        }
        return Reason(
            "Met \(times(c.meetingsHeld)) from \(f.period) at a cost of \(c.cost.wholePounds) in salaries "
                + "(\(count(Int(c.personHours.rounded()), "person-hour")))",
            c.evidence)
    }

    /// Poor below `fewDecisionsPerMeeting`; unknown without a held meeting.
    static func decisions(_ f: ReviewFindings) -> Signal? {
        let d = f.delivery.figures
        guard d.meetings > 0 else { return nil }
        let at = d.meetings == 1 ? "its one meeting" : "its \(d.meetings) meetings"
        let decided = f.delivery.evidence.filter { $0.kind == .agendaItem }
        guard d.decisions > 0 else {
            return Signal(
                poor: true, reasons: [Reason("Made no decisions at \(at)", [.delivery] + f.cost.evidence.dropFirst())])
        }
        let poor = Double(d.decisions) < fewDecisionsPerMeeting * Double(d.meetings)
        let sentence =
            "Made \(count(d.decisions, "decision")) at \(at)" + (poor ? ": fewer than one every two meetings" : "")
        return Signal(poor: poor, reasons: [Reason(sentence, [.delivery] + decided)])
    }

    /// Poor with meetings and no live actions, or `overdueShare` of them overdue; unknown with neither.
    static func delivery(_ f: ReviewFindings) -> Signal? {
        let d = f.delivery.figures
        let overdue = f.delivery.evidence.filter { $0.kind == .action }
        guard d.actions > 0 else {
            guard d.meetings > 0 else { return nil }
            let at = d.meetings == 1 ? "its one meeting" : "its \(d.meetings) meetings"
            return Signal(poor: true, reasons: [Reason("Raised no actions at \(at)", [.delivery])])
        }
        let live = d.actions - d.dropped
        guard live > 0 else {
            return Signal(
                poor: true,
                reasons: [Reason("Dropped all \(count(d.actions, "action")) it raised in the period", [.delivery])])
        }
        let share = Double(d.overdue) / Double(live)
        if share >= overdueShare {
            return Signal(
                poor: true,
                reasons: [
                    Reason(
                        "\(portion(d.overdue, of: live, "action")) it raised in the period "
                            + "\(verb(d.overdue, "is", "are")) overdue (\(percent(share)))",
                        [.delivery] + overdue)
                ])
        }
        return Signal(
            poor: false,
            reasons: [
                Reason(
                    "\(portion(d.done, of: live, "action")) it raised in the period \(verb(d.done, "is", "are")) done"
                        + (d.overdue == 0 ? "" : ", and \(d.overdue) overdue"),
                    [.delivery] + overdue)
            ])
    }

    /// Poor on any of seniority, empty seats and quoracy; unknown without a held meeting, or with no member seats to
    /// fill (a partnership whose members the register does not record says nothing of its attendance).
    static func attendance(_ f: ReviewFindings) -> Signal? {
        guard let a = f.attendance.figures, a.meetings > 0, a.seats > 0 else { return nil }
        let evidence = f.attendance.evidence
        let of = a.meetings == 1 ? "its one meeting" : "its \(a.meetings) meetings"
        let senior = "someone of director rank or above was at \(a.seniorPresent) of \(of)"
        var poor: [Reason] = []
        if let share = a.seniorShare, share < seniorShare {
            poor.append(Reason(capitalised(senior) + " (\(percent(share)))", evidence))
        }
        if let share = a.missedShare, share >= missedShare {
            poor.append(
                Reason(
                    "\(a.missed) of its \(count(a.seats, "member seat")) (\(percent(share))) "
                        + "were empty: neither the member nor a substitute came",
                    evidence))
        }
        if let share = a.quorateShare, share < quorateShare {
            poor.append(
                Reason(
                    "It was quorate at \(a.quorate) of the \(count(a.quorumKnown, "meeting")) "
                        + "whose terms of reference set a quorum (\(percent(share)))",
                    evidence))
        }
        guard poor.isEmpty else { return Signal(poor: true, reasons: poor) }
        var sentence = capitalised(senior)
        if a.seats > 0 {
            sentence += ", and members or their substitutes filled \(a.byMember + a.bySubstitute) of \(a.seats) seats"
        }
        return Signal(poor: false, reasons: [Reason(sentence, evidence)])
    }

    /// Poor when it has priorities and none carries a plan priority; unknown when it has none, or there is no plan.
    static func alignment(_ f: ReviewFindings) -> Signal? {
        let a = f.alignment
        guard a.state == .assessed, a.priorities > 0 else { return nil }
        guard a.aligned > 0 else {
            let sentence =
                a.priorities == 1
                ? "Its one priority carries no Police and Crime Plan priority"
                : "None of its \(a.priorities) priorities carries a Police and Crime Plan priority"
            return Signal(poor: true, reasons: [Reason(sentence, a.evidence)])
        }
        let which =
            a.priorities == 1
            ? "Its one priority carries"
            : a.aligned == a.priorities
                ? "All \(a.priorities) of its priorities carry"
                : "\(a.aligned) of its \(a.priorities) priorities \(verb(a.aligned, "carries", "carry"))"
        return Signal(
            poor: false,
            reasons: [Reason("\(which) a Police and Crime Plan priority (\(percent(a.share ?? 0)))", a.evidence)])
    }

    static func termsReason(_ f: ReviewFindings) -> Reason? {
        let t = f.termsOfReference
        guard t.state == .overdue, let version = t.version, let due = t.dueOn else { return nil }
        if t.reviewDue == nil, let approved = t.approvedOn {
            return Reason(
                "Its terms of reference (version \(version)), approved on \(approved.longDescription), "
                    + "have had no review in the \(ReviewFindings.termsOfReferenceReviewMonths) months since",
                t.evidence)
        }
        return Reason(
            "Its terms of reference (version \(version)) were due for review on \(due.longDescription)", t.evidence)
    }

    /// Its items also discussed elsewhere with the same people, leaving out the partnerships proposed to merge into
    /// it (the merge ends that duplication).
    static func duplicationReason(_ f: ReviewFindings, mergingIn: Set<String>) -> Reason? {
        let d = f.duplication
        let places = d.elsewhere.filter { !mergingIn.contains($0.partnershipKey) }
        let duplicated = Set(places.flatMap(\.itemKeys)).count
        guard d.items > 0, let first = places.first else { return nil }
        let share = Double(duplicated) / Double(d.items)
        guard share >= duplicatedShare else { return nil }
        let at =
            places.count == 1
            ? the(first.name) : "\(the(first.name)) and \(count(places.count - 1, "other partnership"))"
        return Reason(
            "\(duplicated) of its \(count(d.items, "item")) (\(percent(share))) \(verb(duplicated, "was", "were")) "
                + "also discussed at \(at), with the same people",
            [.duplicates] + places.flatMap(\.evidence))
    }

    static func surveyReasons(_ f: ReviewFindings) -> [Reason] {
        f.survey.filter { $0.respondents >= surveyMinimumRespondents && $0.agreeShare >= surveyConcernShare }
            .sorted { ($1.agreeShare, $0.surveyKey, $0.statement) < ($0.agreeShare, $1.surveyKey, $1.statement) }
            .map {
                Reason(
                    "\(percent($0.agreeShare)) of the \($0.respondents) respondents to “\($0.surveyTitle)” "
                        + "agreed that “\($0.statement)”",
                    [$0.evidence])
            }
    }

    // MARK: Words

    /// "67%".
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// "1 decision", "2 decisions", "1 priority", "3 priorities".
    static func count(_ n: Int, _ noun: String) -> String {
        guard n != 1 else { return "1 \(noun)" }
        return noun.hasSuffix("y") ? "\(n) \(noun.dropLast())ies" : "\(n) \(noun)s"
    }

    /// "Its one action", "All 3 actions", "2 of the 3 actions"; its verb agrees with `part`.
    static func portion(_ part: Int, of whole: Int, _ noun: String) -> String {
        if part == whole { return whole == 1 ? "Its one \(noun)" : "All \(count(whole, noun))" }
        return "\(part) of the \(count(whole, noun))"
    }

    /// The verb for one, or for more or none: "is" or "are".
    static func verb(_ n: Int, _ one: String, _ more: String) -> String { n == 1 ? one : more }

    /// "once", "twice", "6 times".
    static func times(_ n: Int) -> String { n == 1 ? "once" : n == 2 ? "twice" : "\(n) times" }

    /// "the Community Safety Partnership", unless the name has its own "The".
    static func the(_ name: String) -> String { DuplicationEvidence.the(name) }

    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
