import ConveneDomain
import Foundation

// The wire types of terms of reference, relations between partnerships, ending a partnership or a membership,
// and publishing: what a GET gives, what a write takes, each mapped to and from the domain in one place.

/// A version of a partnership's terms of reference as the API gives it.
struct TermsOfReferenceResponse: Encodable, Sendable, WireType {
    var partnershipKey: String
    var version: Int
    var purpose: String?
    var quorum: Int?
    var meetingFrequency: MeetingFrequency?
    var approvedOn: Day?
    var reviewDue: Day?

    enum CodingKeys: CodingKey, CaseIterable {
        case partnershipKey, version, purpose, quorum, meetingFrequency, approvedOn, reviewDue
    }

    init(_ value: TermsOfReference) {
        partnershipKey = value.partnershipKey
        version = value.version
        purpose = value.purpose
        quorum = value.quorum
        meetingFrequency = value.meetingFrequency
        approvedOn = value.approvedOn
        reviewDue = value.reviewDue
    }
}

/// A new version: the partnership is the path's; the version is the next one unless given.
struct NewTermsOfReference: Decodable, WireType {
    var version: Int?
    var purpose: String?
    var quorum: Int?
    var meetingFrequency: MeetingFrequency?
    var approvedOn: Day?
    var reviewDue: Day?

    enum CodingKeys: CodingKey, CaseIterable { case version, purpose, quorum, meetingFrequency, approvedOn, reviewDue }

    func value(partnershipKey: String, next: Int) -> TermsOfReference {
        TermsOfReference(
            partnershipKey: partnershipKey, version: version ?? next, purpose: purpose, quorum: quorum,
            meetingFrequency: meetingFrequency, approvedOn: approvedOn, reviewDue: reviewDue)
    }
}

/// A correction of one version: its partnership and number stay as they are.
struct TermsOfReferencePatch: Decodable, WireType {
    var purpose: Change<String>
    var quorum: Change<Int>
    var meetingFrequency: Change<MeetingFrequency>
    var approvedOn: Change<Day>
    var reviewDue: Change<Day>

    enum CodingKeys: CodingKey, CaseIterable { case purpose, quorum, meetingFrequency, approvedOn, reviewDue }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        purpose = try c.change(.purpose)
        quorum = try c.change(.quorum)
        meetingFrequency = try c.change(.meetingFrequency)
        approvedOn = try c.change(.approvedOn)
        reviewDue = try c.change(.reviewDue)
    }

    func applied(to stored: TermsOfReference) -> TermsOfReference {
        var value = stored
        value.purpose = purpose.applied(to: value.purpose)
        value.quorum = quorum.applied(to: value.quorum)
        value.meetingFrequency = meetingFrequency.applied(to: value.meetingFrequency)
        value.approvedOn = approvedOn.applied(to: value.approvedOn)
        value.reviewDue = reviewDue.applied(to: value.reviewDue)
        return value
    }
}

/// A relation between two partnerships, as given and as taken.
struct PartnershipRelationResponse: Encodable, Sendable, WireType {
    var fromKey: String
    var kind: RelationKind
    var toKey: String

    enum CodingKeys: CodingKey, CaseIterable { case fromKey, kind, toKey }

    init(_ value: PartnershipRelation) {
        fromKey = value.fromKey
        kind = value.kind
        toKey = value.toKey
    }
}

struct NewPartnershipRelation: Decodable, WireType {
    var fromKey: String
    var kind: RelationKind
    var toKey: String

    enum CodingKeys: CodingKey, CaseIterable { case fromKey, kind, toKey }

    var value: PartnershipRelation { PartnershipRelation(fromKey, kind, toKey) }
}

/// Ending a partnership: discontinued by default, or merged into another.
struct EndPartnershipRequest: Decodable, WireType {
    var status: PartnershipStatus?
    var endedOn: Day?
    var mergedInto: String?

    enum CodingKeys: CodingKey, CaseIterable { case status, endedOn, mergedInto }
}

/// Ending a membership: today unless a day is given.
struct EndMembershipRequest: Decodable, WireType {
    var endedOn: Day?

    enum CodingKeys: CodingKey, CaseIterable { case endedOn }
}

/// What publishing or unpublishing answers: the partnership and whether it is now published ("yes" or "no").
struct PublishingResponse: Encodable, Sendable, WireType {
    var key: String
    var published: String

    enum CodingKeys: CodingKey, CaseIterable { case key, published }

    init(key: String, published: Bool) {
        self.key = key
        self.published = published ? "yes" : "no"
    }
}
