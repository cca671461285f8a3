import ConveneDomain
import Fluent
import Foundation
import NIOCore
import Vapor

/// A user who chose the weekly digest in a workspace.
final class DigestChoiceRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "digest_choices"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "user_id") var user: UserRecord

    static var workspacePath: KeyPath<DigestChoiceRecord, ParentProperty<DigestChoiceRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

/// A digest sent: one a user, workspace and ISO week, so that a second run that week sends nothing.
final class DigestSentRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "digests_sent"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "user_id") var user: UserRecord
    @Field(key: "week") var week: String
    @Field(key: "sent_at") var sentAt: Date

    static var workspacePath: KeyPath<DigestSentRecord, ParentProperty<DigestSentRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

enum Digests {
    static func chosen(by user: UUID, in scope: Scope) async throws -> Bool {
        try await DigestChoiceRecord.query(in: scope).filter(\.$user.$id == user).count() > 0
    }

    /// Chooses the weekly digest, or stops it; audited.
    static func choose(_ weekly: Bool, user: UUID, email: String, in scope: Scope) async throws {
        try await scope.audited { scope, audit in
            let held = try await DigestChoiceRecord.query(in: scope).filter(\.$user.$id == user).first()
            if weekly, held == nil {
                let record = DigestChoiceRecord()
                scope.claim(record)
                record.$user.id = user
                try await record.create(on: scope.db)
                audit.note("create", "digest-choice", email, before: nil as String?, after: "weekly")
            } else if !weekly, let held {
                try await held.delete(on: scope.db)
                audit.note("delete", "digest-choice", email, before: "weekly", after: nil as String?)
            }
        }
    }

    /// Sends each user who chose it their digest for `day`'s week, unless it was sent already; how many were sent.
    /// A digest is recorded as sent once the server has taken it: a run stopped between the two sends it again.
    static func send(on day: Day, settings: SMTPSettings, site: String, db: Database, group: EventLoopGroup, now: Date)
        async throws -> Int
    {
        let week = Digest.week(of: day)
        var sent = 0
        for workspace in try await WorkspaceRecord.query(on: db).all() {
            let scope = Scope(db: db, workspaceID: try workspace.requireID(), actor: "digest")
            let choices = try await DigestChoiceRecord.query(in: scope).with(\.$user).all()
            for choice in choices {
                let done = try await DigestSentRecord.query(in: scope).filter(\.$user.$id == choice.$user.id)
                    .filter(\.$week == week).count()
                guard done == 0, let audience = try await AlertAudience.of(user: choice.$user.id, in: scope) else {
                    continue
                }
                let alerts = try await AlertStore.alerts(for: audience, on: day, in: scope)
                guard let digest = Digest.make(to: choice.user.email, alerts: alerts, on: day, site: site) else {
                    continue
                }
                try await SMTPClient.send(
                    [Mail(to: digest.to, subject: "\(digest.subject) (\(workspace.name))", body: digest.body)],
                    with: settings, now: now, group: group)
                let record = DigestSentRecord()
                scope.claim(record)
                record.$user.id = choice.$user.id
                record.week = week
                record.sentAt = now
                try await record.create(on: db)
                sent += 1
            }
        }
        return sent
    }
}

extension Tasks {
    /// `convene digest send`: the week's digests, over the SMTP server `CONVENE_SMTP_URL` names, from
    /// `CONVENE_MAIL_FROM`; how many were sent.
    public static func sendDigests(
        on day: Day, smtpURL: String?, from: String?, db: Database, now: Now = .system
    ) async throws -> Int {
        guard let smtpURL, !smtpURL.isEmpty else {
            throw Failure(
                "Set CONVENE_SMTP_URL to the mail server, like smtp://user:password@mail.example.org:587?starttls=1")
        }
        let settings: SMTPSettings
        switch SMTPSettings.parse(url: smtpURL, from: from ?? "") {
        case .success(let parsed): settings = parsed
        case .failure(let error): throw Failure(error.description)
        }
        return try await Digests.send(
            on: day, settings: settings, site: ProcessInfo.processInfo.environment["CONVENE_PUBLIC_URL"] ?? "",
            db: db, group: MultiThreadedEventLoopGroup.singleton, now: now())
    }
}
