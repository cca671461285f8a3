import ConveneDomain
import ConveneServer
import Fluent
import Foundation

/// The demo's data sharing, around the Cambridgeshire and Peterborough CDP: the agreement its partners share drug
/// harm data under, signed two years before the demo's day and now past its review date; a year of the
/// Commissioner's office's requests for data, one unanswered past its due day; the Director of Public Health's
/// declared interest, which flags the mental health items on the agendas of every board they sit on; and what the
/// office shares with the network: its partnership lead (the Director for Strategic Partnerships, by role title)
/// and its partners' survey. The reports name no agreement, request or interest: these are illustrative, and say so.
enum DemoSharing {
    static let opcc = "office-of-the-police-and-crime-commissioner-for-cambridgeshire"

    /// Loads them the first time only (when the workspace has no agreement).
    static func load(on db: Database, today: Day, workspace: String) async throws {
        guard try await !Tasks.hasAgreements(db: db, workspace: workspace) else { return }
        let now = Now.fixed(today)
        let agreement = try await Tasks.addAgreement(
            DataSharingAgreement(
                key: "", title: "Cambridgeshire and Peterborough drug harm information sharing agreement",
                partyKeys: [
                    "cambridgeshire-constabulary", "cambridgeshire-county-council", "peterborough-city-council",
                    opcc
                ],
                partnershipKeys: [DemoOutcomes.partnership],
                purpose:
                    "The joint needs assessment and the performance framework: drug-related deaths, treatment and "
                    + "criminal justice referrals (illustrative, for the demo)",
                dataCategories: [.personal, .aggregate], lawfulBasis: "public-task",
                legalGateway: LegalGateway.known[0], dpiaOn: today.adding(days: -760),
                signedOn: today.adding(days: -730), reviewOn: today.adding(days: -20), status: .active),
            db: db, workspace: workspace, now: now)
        let requests: [(String, String, Int, Int, Int?, RequestOutcome?)] = [
            (
                "cambridgeshire-constabulary", "Arrests for drug possession by month, with drug testing results", 120,
                28, 12, .provided
            ),
            (
                "cambridgeshire-county-council", "Numbers starting treatment referred from the criminal justice system",
                90, 28, 40, .partly
            ),
            ("peterborough-city-council", "Rough sleepers engaged with outreach who use drugs", 60, 21, 15, .provided),
            ("cambridgeshire-county-council", "Drug-related deaths reviewed by the panel, by quarter", 45, 30, nil, nil)
        ]
        for (partner, what, daysAgo, allowed, answeredAfter, outcome) in requests {
            let asked = today.adding(days: -daysAgo)
            try await Tasks.addRequest(
                DataRequest(
                    key: "", requesterOrganisationKey: opcc, partnerKey: partner, what: what,
                    purpose: "The CDP's performance framework (illustrative, for the demo)", agreementKey: agreement,
                    askedOn: asked, dueBy: asked.adding(days: allowed),
                    answeredOn: answeredAfter.map(asked.adding(days:)),
                    outcome: outcome),
                db: db, workspace: workspace, now: now)
        }
        try await Tasks.declareInterest(
            InterestDeclaration(
                key: "", personKey: "director-of-public-health-cambridgeshire-county-council", kind: .directorship,
                matter: "Non-executive director of the area's mental health trust (illustrative, for the demo)",
                from: today.adding(days: -400)),
            db: db, workspace: workspace, now: now)
        try await Tasks.nameLead(
            PartnershipLead(
                forceAreaCode: "E23000023", office: "Director for Strategic Partnerships",
                organisation: "Office of the Police and Crime Commissioner for Cambridgeshire and Peterborough"),
            db: db, workspace: workspace, now: now)
        try await Tasks.shareTemplate(
            "survey:\(DemoReview.surveyKey)",
            note: "The APCC's statements, asked of our partners in 2026; 30 answered (illustrative, for the demo).",
            db: db, workspace: workspace, now: now)
    }
}
