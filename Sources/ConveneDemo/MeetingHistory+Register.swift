import ConveneDomain
import Foundation

// The register of a generated board history: organisations, members and deputies, partnerships and their seats.
extension MeetingHistory {
    struct Seat: Sendable {
        /// Holders in order: person key, first day, last day.
        var holders: [(person: String, from: Day, until: Day?)]
        var deputy: String
        var role: MembershipRole

        func holder(on day: Day) -> String? {
            holders.first { $0.from <= day && ($0.until.map { day <= $0 } ?? true) }?.person
        }
    }

    struct RegisterPlan {
        var register: Register
        var seats: [[Seat]]
        var busyPerson: String
        var busyPartnerships: [String]
    }

    static func registerPlan(
        partnerships: Int, membersEach: Int, historyStart: Day, today: Day, rng: inout SeededRandom
    ) -> RegisterPlan {
        var register = Register(areas: PoliceForceAreas.all)
        let sectors = Sector.allCases
        let organisationCount = max(10, partnerships * 3 / 4)
        for o in 0..<organisationCount {
            register.organisations.append(
                Organisation(key: "agency-\(o)", name: "Agency \(o)", sector: sectors[o % sectors.count]))
        }
        // Members come from a pool smaller than the seats (people sit on several boards); deputies from another.
        let memberPool = max(membersEach * 2, partnerships * membersEach * 3 / 4)
        let deputyPool = max(membersEach, partnerships * membersEach / 4)
        let roles = [
            "Chief Executive", "Director of Public Health", "Superintendent", "Head of Community Safety",
            "Probation Delivery Unit Head",
            "Area Manager", "Head of Service", "Commissioner", "Policy Officer", "Chief Inspector"
        ]
        for i in 0..<memberPool {
            register.persons.append(
                Person(
                    key: "member-\(i)", name: "Member \(i)", roleTitle: roles[i % roles.count],
                    organisationKey: "agency-\(i % organisationCount)", seniority: SeniorityBand.allCases[i % 6]))
        }
        for i in 0..<deputyPool {
            register.persons.append(
                Person(
                    key: "deputy-\(i)", name: "Deputy \(i)", roleTitle: "Deputy " + roles[i % roles.count].lowercased(),
                    organisationKey: "agency-\(i % organisationCount)", seniority: .seniorManager))
        }
        let busy = "member-0"
        let step = max(1, partnerships / 6)
        let busyPartnerships = Set(stride(from: 0, to: partnerships, by: step).prefix(6))
        let types = PartnershipType.allCases
        let span = today.ordinal - historyStart.ordinal
        var seats: [[Seat]] = []
        for p in 0..<partnerships {
            let key = "board-\(p)"
            register.partnerships.append(
                Partnership(
                    key: key, name: "Board \(p) (\(types[p % types.count].label))", type: types[p % types.count],
                    status: .active,
                    startedOn: historyStart.adding(days: -365),
                    purpose: "A generated board with \(membersEach) members",
                    themes: [Themes.seeded[p % Themes.seeded.count]], pccRoles: p % 3 == 0 ? [.attends] : [.member],
                    meetingFrequency: .monthly, forceAreaCode: PoliceForceAreas.all[p % PoliceForceAreas.all.count].code
                ))
            register.termsOfReference.append(
                TermsOfReference(
                    partnershipKey: key, version: 1, purpose: "Generated terms",
                    quorum: membersEach / 2, meetingFrequency: .monthly,
                    approvedOn: historyStart.adding(days: -30), reviewDue: today.adding(days: 200)))
            var used: Set<Int> = [0]
            func draw(_ rng: inout SeededRandom) -> String {
                while true {
                    let i = rng.below(memberPool)
                    if used.insert(i).inserted { return "member-\(i)" }
                }
            }
            var row: [Seat] = []
            for s in 0..<membersEach {
                let role: MembershipRole = s == 0 ? .chair : s == 1 ? .viceChair : .member
                let deputy = "deputy-\((p * membersEach + s) % deputyPool)"
                var seat = Seat(holders: [], deputy: deputy, role: role)
                if s == 2 && busyPartnerships.contains(p) {
                    seat.holders = [(busy, historyStart.adding(days: -365), nil)]
                } else if rng.chance(40) {
                    let change = historyStart.adding(days: 30 + rng.below(max(1, span - 60)))
                    seat.holders = [
                        (draw(&rng), historyStart.adding(days: -365), change.adding(days: -1)),
                        (draw(&rng), change, nil)
                    ]
                } else {
                    seat.holders = [(draw(&rng), historyStart.adding(days: -365), nil)]
                }
                for (h, holder) in seat.holders.enumerated() {
                    let person = register.persons.first { $0.key == holder.person }
                    register.memberships.append(
                        Membership(
                            key: "\(key)-seat-\(s)-\(h + 1)", partnershipKey: key, personKey: holder.person, role: role,
                            representsKey: person?.organisationKey, votingRight: s < membersEach * 2 / 3,
                            startedOn: holder.from, endedOn: holder.until, substituteKey: deputy))
                }
                row.append(seat)
            }
            seats.append(row)
        }
        return RegisterPlan(
            register: register, seats: seats, busyPerson: busy,
            busyPartnerships: busyPartnerships.sorted().map { "board-\($0)" })
    }
}
