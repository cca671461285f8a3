import ConveneDomain
import Crypto
import Fluent
import Foundation
import Vapor

/// Writes of surveys, each with its audit entry in one transaction: a survey made (blank or from a template), its
/// questions while it is a draft, opened and closed, its personal links, a respondent's answers, and answers
/// imported from another tool's export.
enum SurveyBusiness {
    /// What the audit log keeps of a survey: everything but who answered.
    typealias Audited = Survey

    static func find(_ key: String, in scope: Scope) async throws -> SurveyRecord {
        guard let record = try await SurveyRecord.query(in: scope).filter(\.$key == key).first() else {
            throw Problem.notFound("The survey '\(key)'")
        }
        return record
    }

    /// Makes a survey, with the template's questions when one is named; its key is made from the title.
    static func create(_ survey: Survey, in scope: Scope) async throws -> Result<String, Refusal> {
        var errors = survey.validate().filter { $0.field != "questions" }
        if let previous = survey.previousKey,
            try await SurveyRecord.query(in: scope).filter(\.$key == previous).first() == nil
        {
            errors.append(FieldError("previous_key", "There is no survey '\(previous)' to compare with"))
        }
        if let closes = survey.closesOn, closes < scope.now.today {
            errors.append(FieldError("closes_on", "The closing date must be today or in the future"))
        }
        guard errors.isEmpty else { return .failure(Refusal(errors)) }
        let key = try await scope.withUnusedKey(Key.slug(survey.title), SurveyRecord.self, key: \.$key) { key in
            try await scope.audited { scope, audit in
                let record = SurveyRecord()
                scope.claim(record)
                record.key = key
                record.set(survey)
                record.createdAt = scope.now()
                record.createdBy = scope.actor
                try await record.create(on: scope.db)
                var kept = survey
                kept.key = key
                audit.note("create", "survey", key, before: nil as Audited?, after: kept)
                return key
            }
        }
        return .success(key)
    }

    /// Changes a survey by `change`, audited; refused with field errors when the result does not hold.
    static func change(
        _ key: String, in scope: Scope, _ change: @escaping @Sendable (inout Survey, Day) throws(Refusal) -> Void
    ) async throws -> [FieldError] {
        try await scope.auditedChecking { scope, audit in
            let record = try await find(key, in: scope)
            try await scope.lock(SurveyRecord.self, ids: [try record.requireID()])
            let before = record.domain
            var after = before
            try change(&after, scope.now.today)
            let errors = after.validate().filter { $0.field != "questions" || after.status != .draft }
            if !errors.isEmpty { throw Refusal(errors) }
            record.set(after)
            try await record.save(on: scope.db)
            audit.note("update", "survey", key, before: before, after: after)
        }
    }

    static func addQuestion(_ question: SurveyQuestion, to key: String, in scope: Scope) async throws -> [FieldError] {
        try await change(key, in: scope) { survey, _ throws(Refusal) in
            guard survey.status == .draft else {
                throw Refusal([FieldError("text", "Questions can be added only while the survey is a draft")])
            }
            var added = question
            added.key = Key.unused("q\(survey.questions.count + 1)", taken: Set(survey.questions.map(\.key)))
            let errors = added.validate().map { FieldError($0.field, "The question: \($0.message)") }
            if !errors.isEmpty { throw Refusal(errors) }
            survey.questions.append(added)
        }
    }

    static func removeQuestion(_ question: String, from key: String, in scope: Scope) async throws -> [FieldError] {
        try await change(key, in: scope) { survey, _ throws(Refusal) in
            guard survey.status == .draft else {
                throw Refusal([FieldError("question", "Questions can be removed only while the survey is a draft")])
            }
            survey.questions.removeAll { $0.key == question }
        }
    }

    /// Opens a draft (or reopens a closed survey whose closing date has not passed) or closes an open one.
    static func setStatus(_ status: SurveyStatus, of key: String, in scope: Scope) async throws -> [FieldError] {
        try await change(key, in: scope) { survey, today throws(Refusal) in
            switch status {
            case .open:
                if survey.questions.isEmpty { throw Refusal([FieldError("status", "Add a question first")]) }
                if let closes = survey.closesOn, closes < today {
                    throw Refusal([FieldError("status", "The closing date has passed: set a later one first")])
                }
            case .closed:
                if survey.status != .open { throw Refusal([FieldError("status", "Only an open survey can close")]) }
            case .draft:
                throw Refusal([FieldError("status", "A survey cannot go back to being a draft")])
            }
            survey.status = status
        }
    }

    // MARK: Links

    /// A link made: to whom, and its address's secret, which is shown this once.
    struct Made: Sendable {
        var recipient: String
        var secret: String
    }

    /// Makes a personal link for each person and organisation named by key, or says which keys are not in the register.
    static func makeLinks(
        _ survey: String, persons: [String], organisations: [String], in scope: Scope
    ) async throws -> Result<[Made], Refusal> {
        let record = try await find(survey, in: scope)
        if record.domain.status == .closed {
            return .failure(Refusal([FieldError("persons", "The survey is closed")]))
        }
        let people = try await PersonRecord.query(in: scope).with(\.$organisation).all(\.$key, in: persons)
        let bodies = try await OrganisationRecord.query(in: scope).all(\.$key, in: organisations)
        var errors: [FieldError] = []
        for key in Set(persons).subtracting(people.map(\.key)).sorted() {
            errors.append(FieldError("persons", "There is no person '\(key)'"))
        }
        for key in Set(organisations).subtracting(bodies.map(\.key)).sorted() {
            errors.append(FieldError("organisations", "There is no organisation '\(key)'"))
        }
        if people.isEmpty && bodies.isEmpty && errors.isEmpty {
            errors.append(FieldError("persons", "Choose at least one person or organisation"))
        }
        guard errors.isEmpty else { return .failure(Refusal(errors)) }
        let recipients: [(person: PersonRecord?, organisation: OrganisationRecord?, name: String, sector: String?)] =
            people.sorted { $0.name < $1.name }.map { ($0, nil, $0.name, $0.organisation?.sector) }
            + bodies.sorted { $0.name < $1.name }.map { (nil, $0, $0.name, $0.sector) }
        let made = recipients.map { (recipient: $0, secret: APITokenRecord.newSecret()) }
        try await scope.retryingCollisions(on: ["key"]) {
            try await scope.audited { scope, audit in
                let taken = Set(
                    try await SurveyLinkRecord.query(in: scope).filter(\.$survey.$id == record.requireID()).all(\.$key))
                var used = taken
                for (recipient, secret) in made {
                    let link = SurveyLinkRecord()
                    scope.claim(link)
                    link.$survey.id = try record.requireID()
                    link.key = Key.unused(Key.slug(recipient.name), taken: used, numbered: true)
                    used.insert(link.key)
                    link.$person.id = try recipient.person?.requireID()
                    link.$organisation.id = try recipient.organisation?.requireID()
                    link.recipient = recipient.name
                    link.sector = recipient.sector
                    link.secretHash = SurveyLinks.hash(secret)
                    link.createdAt = scope.now()
                    try await link.create(on: scope.db)
                    audit.note(
                        "create", "survey-link", "\(survey)/\(link.key)", before: nil as String?, after: link.recipient)
                }
            }
        }
        return .success(made.map { Made(recipient: $0.recipient.name, secret: $0.secret) })
    }
}

/// A respondent's way in: the secret in their link. The link is found by one fingerprint of it and their answers by
/// another, so an anonymous survey's answers cannot be joined to the link, and so to a person, without the secret.
enum SurveyLinks {
    static func hash(_ secret: String) -> String { SHA256.hash(data: Data("link:\(secret)".utf8)).lowercaseHex }
    static func locator(_ secret: String) -> String {
        SHA256.hash(data: Data("answers:\(secret)".utf8)).lowercaseHex
    }

    /// The link, its survey and the workspace's scope, for anyone holding the secret.
    struct Opened: Sendable {
        var link: SurveyLinkRecord
        var survey: Survey
        var surveyID: UUID
        var scope: Scope
    }

    static func open(_ secret: String, on db: Database, now: Now) async throws -> Opened {
        guard let link = try await SurveyLinkSecrets.find(secret: secret, on: db),
            let survey = try await SurveyRecord.find(link.$survey.id, on: db)
        else {
            throw Problem(
                title: "Not found", status: 404,
                detail: "This survey link does not work. Check that you copied the whole link, or ask whoever sent it.")
        }
        let actor = survey.anonymous ? "anonymous respondent" : "respondent: \(link.recipient)"
        return Opened(
            link: link, survey: survey.domain, surveyID: try survey.requireID(),
            scope: Scope(db: db, workspaceID: link.$workspace.id, actor: actor, now: now))
    }

    /// The link holder's answers so far.
    static func answers(_ opened: Opened, secret: String) async throws -> (SurveyResponse, submitted: Bool)? {
        try await SurveyResponseRecord.query(in: opened.scope).filter(\.$survey.$id == opened.surveyID)
            .filter(\.$locator == locator(secret)).first().map { ($0.response(for: opened.survey), $0.submitted) }
    }

    /// Keeps the answers given on one page (merged into those kept), sending them all when `submit`; refused when the
    /// survey no longer takes answers. Answers the form could not read are the caller's to show; they are not kept.
    static func save(
        _ given: [String: SurveyAnswer], submit: Bool, _ opened: Opened, secret: String
    ) async throws -> [FieldError] {
        try await opened.scope.auditedChecking { scope, audit in
            let survey = try await SurveyRecord.find(opened.surveyID, on: scope.db)
            guard let survey, survey.domain.takesAnswers(on: scope.now.today) else {
                throw Refusal([FieldError("survey", "This survey is not taking answers")])
            }
            let found = try await SurveyResponseRecord.query(in: scope).filter(\.$survey.$id == opened.surveyID)
                .filter(\.$locator == locator(secret)).first()
            let record = found ?? SurveyResponseRecord()
            var answers = found?.response(for: opened.survey).answers ?? [:]
            for (key, answer) in given { answers[key] = answer }
            if submit {
                let missing = SurveyResponse(answers: answers).missing(opened.survey.questions)
                if !missing.isEmpty { throw Refusal(missing) }
            }
            if found == nil {
                scope.claim(record)
                record.$survey.id = opened.surveyID
                record.locator = locator(secret)
                // Only a survey that is not anonymous names the link, and keeps the link's sector with it.
                record.$link.id = survey.anonymous ? nil : try opened.link.requireID()
                record.sector = opened.link.sector
                record.submitted = false
            }
            record.answers = SurveyResponseRecord.json(answers)
            record.submitted = record.submitted || submit
            try await record.save(on: scope.db)
            audit.note(
                submit ? "submit" : "answer", "survey-response", opened.survey.key, before: nil as Int?,
                after: answers.count)
        }
    }
}
