import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Papers, and who may do what.
extension MeetingTests {
    // MARK: 8. Papers

    @Test func aPaperIsWhatItsNameSaysAndIsDownloadedAsAnAttachment() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            let meeting = try await Self.schedule(app, "cdp", on: Self.day(7), name: "CDP board")
            let base = "/partnerships/cdp/meetings/\(meeting)"
            _ = try await app.send(.POST, base + "/agenda", form: "title=Needs+assessment&kind=for-discussion")
            let scope = try await Self.scope(app)
            let item = try #require(try await AgendaItemRecord.query(in: scope).first())
            var pdf = Data("%PDF-1.7\n%".utf8)
            pdf.append(contentsOf: [0xE2, 0xE3, 0xCF, 0xD3, 0x0A, 0x00, 0xFF])
            pdf.append(Data("1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8))
            var large = Data("%PDF-1.7\n".utf8)
            large.append(Data(repeating: 0x20, count: MeetingBusiness.maximumPaperSize + 1 - large.count))

            // Act
            let added = try await Self.postFile(
                app, base + "/agenda/\(item.key)/papers", fields: [("paper_title", "Needs assessment 2026")],
                name: "needs-assessment.pdf", data: pdf)
            let fake = try await Self.postFile(
                app, base + "/agenda/\(item.key)/papers", name: "minutes.pdf", data: Data("Just some text".utf8))
            let tooLarge = try await Self.postFile(
                app, base + "/agenda/\(item.key)/papers", name: "huge.pdf", data: large)
            let papers = try await PaperRecord.query(in: scope).all()
            let paper = try #require(papers.first)
            let download = try await app.send(.GET, base + "/papers/\(paper.key)")
            let page = try await app.send(.GET, base)

            // Check
            #expect(added.status == .seeOther, "\(added.status): \(added.text.prefix(400))")
            #expect(fake.status == .unprocessableEntity)
            #expect(fake.text.contains("be what its name says"), "the refusal says why")
            #expect(
                tooLarge.status == .unprocessableEntity || tooLarge.status == .payloadTooLarge, "\(tooLarge.status)")
            if tooLarge.status == .unprocessableEntity { #expect(tooLarge.text.contains("smaller than 10 MB")) }
            #expect(papers.count == 1)
            #expect(
                paper.title == "Needs assessment 2026" && paper.contentType == "application/pdf"
                    && paper.size == pdf.count)
            #expect(download.status == .ok)
            #expect(
                download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true,
                "\(download.headers.first(name: .contentDisposition) ?? "no Content-Disposition")")
            #expect(download.headers.first(name: .contentDisposition)?.contains("needs-assessment.pdf") == true)
            #expect(download.headers.contentType?.description == "application/pdf")
            #expect(Data(buffer: download.body) == pdf, "the same bytes come back")
            #expect(page.text.contains(base + "/papers/\(paper.key)") && page.text.contains("Needs assessment 2026"))
        }
    }

    // MARK: 9. Who may do what

    @Test func aSecretariatRunsOnlyItsOwnPartnershipsAndAViewerChangesNothing() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            let boardMeeting = try await Self.schedule(app, "board", on: Self.day(7), name: "Strategic board")
            let secretariat = try await Self.signIn(app, .secretariat, given: ["cdp"])
            let viewer = try await Self.signIn(app, .viewer)
            let form =
                "name=CDP+board&date=\(Self.day(21))&start=10:00&duration=90&format=in-person&place=County+Hall&status=scheduled"
            let audits = try await Self.auditCount(app)

            // Act
            let own = try await Self.send(app, as: secretariat, .POST, "/partnerships/cdp/meetings/new", form: form)
            let jointWithOther = try await Self.send(
                app, as: secretariat, .POST, "/partnerships/cdp/meetings/new",
                form: form + "&joint_with%5B%5D=board")
            let other = try await Self.send(app, as: secretariat, .POST, "/partnerships/board/meetings/new", form: form)
            let otherForm = try await Self.send(app, as: secretariat, .GET, "/partnerships/board/meetings/new")
            let otherSeries = try await Self.send(
                app, as: secretariat, .POST, "/partnerships/board/series/new",
                form:
                    "name=Board&first_day=\(Self.day(30))&start=10:00&duration=60&repeats=weekly-1&count=3&format=in-person&place=HQ"
            )
            let viaOwnPath = try await Self.send(
                app, as: secretariat, .POST, "/partnerships/cdp/meetings/\(boardMeeting)/minutes", form: "text=Hijacked"
            )
            let read = try await Self.send(app, as: secretariat, .GET, "/partnerships/board/meetings/\(boardMeeting)")
            let afterSecretariat = try await Self.auditCount(app)
            let viewerMeeting = try await Self.send(
                app, as: viewer, .POST, "/partnerships/cdp/meetings/new", form: form)
            let viewerAction = try await Self.send(
                app, as: viewer, .POST, "/partnerships/cdp/actions/new",
                form: "title=Anything&owner=person:dph&due_on=\(Self.day(30))")
            let viewerMinutes = try await Self.send(
                app, as: viewer, .POST, "/partnerships/board/meetings/\(boardMeeting)/minutes", form: "text=Mine")
            let viewerTheme = try await Self.send(app, as: viewer, .POST, "/themes", form: "name=Knife+crime")
            let viewerReads = try await Self.send(app, as: viewer, .GET, "/partnerships/cdp/meetings")
            let viewerPage = try await Self.send(app, as: viewer, .GET, "/partnerships/board/meetings/\(boardMeeting)")

            // Check
            #expect(
                own.headers.first(name: .location)?.hasPrefix("/partnerships/cdp/meetings/") == true,
                "\(own.status): \(own.text.prefix(300))")
            #expect(other.status == .forbidden && otherForm.status == .forbidden && otherSeries.status == .forbidden)
            #expect(
                jointWithOther.status == .unprocessableEntity
                    && jointWithOther.text.contains("You are not the secretariat of"),
                "a joint meeting changes the other partnership's meetings too")
            #expect(
                viaOwnPath.status == .notFound, "another partnership's meeting is not found under the secretariat's own"
            )
            #expect(read.status == .ok, "reading is for everyone in the workspace")
            #expect(afterSecretariat == audits + 1, "only the secretariat's own meeting was written")
            #expect(
                viewerMeeting.status == .forbidden && viewerAction.status == .forbidden
                    && viewerMinutes.status == .forbidden)
            #expect(viewerTheme.status == .forbidden)
            #expect(viewerReads.status == .ok && viewerPage.status == .ok)
            #expect(
                !viewerPage.text.contains("Write the minutes") && !viewerPage.text.contains("Change the meeting"),
                "no edit controls for a viewer")
            #expect(try await Self.auditCount(app) == afterSecretariat)
            #expect(try await Self.meetings(app, of: "board").count == 1)
            let scope = try await Self.scope(app)
            #expect(try await MinutesRecord.query(in: scope).count() == 0)
        }
    }
}
