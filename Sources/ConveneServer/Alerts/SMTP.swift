import ConveneDomain
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Where mail goes: `CONVENE_SMTP_URL` (`smtp://user:password@host:port`, `smtps://` for TLS from the start,
/// `?starttls=1` to upgrade a plain connection, `ca_file=/path/ca.pem` to trust a private certificate authority as
/// well as the system's) and `CONVENE_MAIL_FROM`.
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: Sendable, Equatable { case none, startTLS, implicitTLS }

    public var host: String
    public var port: Int
    public var user: String?
    public var password: String?
    public var security: Security
    public var from: String
    /// A PEM file of the certificate authorities to trust instead of the system's, for a relay with a private one.
    public var caFile: String? = nil

    /// The settings a URL gives, or why it gives none.
    public static func parse(url text: String, from: String) -> Result<SMTPSettings, SMTPError> {
        guard let url = URLComponents(string: text), let scheme = url.scheme, ["smtp", "smtps"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            return .failure(
                SMTPError("CONVENE_SMTP_URL '\(text)' is not smtp://[user:password@]host[:port] or smtps://…"))
        }
        guard from.contains("@") else {
            return .failure(SMTPError("CONVENE_MAIL_FROM '\(from)' is not an email address"))
        }
        let startTLS = url.queryItems?.contains {
            $0.name == "starttls" && ["1", "true", "yes"].contains($0.value ?? "")
        }
        let security: Security = scheme == "smtps" ? .implicitTLS : startTLS == true ? .startTLS : .none
        let caFile = url.queryItems?.first { $0.name == "ca_file" }?.value
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            return .failure(SMTPError("CONVENE_SMTP_URL's ca_file '\(caFile)' cannot be read"))
        }
        return .success(
            SMTPSettings(
                host: host, port: url.port ?? (scheme == "smtps" ? 465 : 25), user: url.user?.removingPercentEncoding,
                password: url.password?.removingPercentEncoding, security: security, from: from, caFile: caFile))
    }
}

public struct SMTPError: Error, CustomStringConvertible, Equatable {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// One plain-text email.
struct Mail: Sendable {
    var to: String
    var subject: String
    var body: String

    /// The message as sent: headers (the subject encoded when it is not ASCII), a blank line, the body with CRLF line
    /// ends and every line that starts with a dot doubled (RFC 5321 §4.5.2).
    func message(from: String, date: Date, id: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let encodedSubject =
            subject.allSatisfy(\.isASCII) ? subject : "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        let headers = [
            "From: \(from)", "To: \(to)", "Subject: \(encodedSubject)", "Date: \(formatter.string(from: date))",
            "Message-ID: <\(id)@convene>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit"
        ]
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        return (headers + [""] + lines).joined(separator: "\r\n")
    }
}

/// A reply of the server: its code and its lines' text.
struct SMTPReply: Sendable {
    var code: Int
    var text: String
}

/// Reads the server's replies, line by line, a multi-line reply ("250-…" then "250 …") as one.
final class SMTPReplyHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    // Touched on the channel's event loop only.
    private var pending = ""
    private var lines: [String] = []
    private var replies: [SMTPReply] = []
    private var waiting: [EventLoopPromise<SMTPReply>] = []
    private var failure: Error?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending += buffer.readString(length: buffer.readableBytes) ?? ""
        while let end = pending.range(of: "\r\n") {
            let line = String(pending[..<end.lowerBound])
            pending.removeSubrange(..<end.upperBound)
            lines.append(line)
            let bytes = Array(line.utf8)
            if bytes.count >= 4 && bytes[3] == UInt8(ascii: "-") { continue }
            let reply = SMTPReply(code: Int(line.prefix(3)) ?? 0, text: lines.joined(separator: " "))
            lines = []
            if waiting.isEmpty { replies.append(reply) } else { waiting.removeFirst().succeed(reply) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPError("The mail server closed the connection"))
        context.fireChannelInactive()
    }

    private func fail(_ error: Error) {
        failure = failure ?? error
        for promise in waiting { promise.fail(error) }
        waiting = []
    }

    /// How long a reply may take (RFC 5321 section 4.5.3.2 suggests minutes; a digest has no one waiting, but a
    /// server that says nothing must not hold the command for ever).
    static let replyTimeout = TimeAmount.seconds(60)

    /// The next reply, or a failure when none comes within `timeout`; call on the channel's event loop.
    func next(on loop: EventLoop, timeout: TimeAmount = replyTimeout) -> EventLoopFuture<SMTPReply> {
        if !replies.isEmpty { return loop.makeSucceededFuture(replies.removeFirst()) }
        if let failure { return loop.makeFailedFuture(failure) }
        let promise = loop.makePromise(of: SMTPReply.self)
        waiting.append(promise)
        let late = loop.scheduleTask(in: timeout) {
            guard let index = self.waiting.firstIndex(where: { $0.futureResult === promise.futureResult }) else {
                return
            }
            self.waiting.remove(at: index)
            promise.fail(
                SMTPError("The mail server did not answer within \(timeout.nanoseconds / 1_000_000_000) seconds"))
        }
        promise.futureResult.whenComplete { _ in late.cancel() }
        return promise.futureResult
    }
}

/// Sends mail over SMTP (RFC 5321): EHLO, STARTTLS or TLS from the start when asked, AUTH PLAIN with credentials,
/// then each message, on one connection. A reply the conversation does not expect stops it with the server's words.
enum SMTPClient {
    static func send(_ mails: [Mail], with settings: SMTPSettings, now: Date, group: EventLoopGroup) async throws {
        guard !mails.isEmpty else { return }
        let handler = SMTPReplyHandler()
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile = settings.caFile { configuration.trustRoots = .file(caFile) }
        let tls = try NIOSSLContext(configuration: configuration)
        // A server named by its address is checked against the addresses its certificate names, and is sent no
        // server name (SNI carries host names only).
        let host: String? = (try? SocketAddress(ipAddress: settings.host, port: 0)) == nil ? settings.host : nil
        let implicit = settings.security == .implicitTLS
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicit {
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: tls, serverHostname: host))
                    }
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .connect(host: settings.host, port: settings.port).get()
        func expect(_ codes: Set<Int>, after what: String) async throws -> SMTPReply {
            let reply = try await channel.eventLoop.flatSubmit { handler.next(on: channel.eventLoop) }.get()
            guard codes.contains(reply.code) else {
                throw SMTPError("The mail server answered \(what) with \(reply.text)")
            }
            return reply
        }
        func say(_ line: String, expect codes: Set<Int>, shown: String? = nil) async throws {
            try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n")).get()
            _ = try await expect(codes, after: shown ?? line)
        }
        do {
            _ = try await expect([220], after: "the connection")
            try await say("EHLO convene", expect: [250])
            if settings.security == .startTLS {
                try await say("STARTTLS", expect: [220])
                // The TLS handler is made and added on the channel's own event loop: it is not Sendable.
                try await channel.eventLoop.submit {
                    try channel.pipeline.syncOperations.addHandler(
                        try NIOSSLClientHandler(context: tls, serverHostname: host), position: .first)
                }.get()
                try await say("EHLO convene", expect: [250])
            }
            if let user = settings.user {
                let token = Data("\0\(user)\0\(settings.password ?? "")".utf8).base64EncodedString()
                try await say("AUTH PLAIN \(token)", expect: [235], shown: "AUTH PLAIN")
            }
            for (index, mail) in mails.enumerated() {
                try await say("MAIL FROM:<\(settings.from)>", expect: [250])
                try await say("RCPT TO:<\(mail.to)>", expect: [250, 251])
                try await say("DATA", expect: [354])
                let id = "\(Int(now.timeIntervalSince1970))-\(index)-\(UUID().uuidString.prefix(8))"
                try await say(
                    mail.message(from: settings.from, date: now, id: id) + "\r\n.", expect: [250],
                    shown: "the message to \(mail.to)")
            }
            try await say("QUIT", expect: [221])
        } catch {
            try? await channel.close()
            throw error
        }
        try? await channel.close()
    }
}
