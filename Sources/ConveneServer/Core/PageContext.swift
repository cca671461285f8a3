import ConveneDomain
import Vapor

/// What every page needs from its request: who is signed in, the form token and the path asked for.
/// Made once per request (`req.pageContext`) and carried by the page's model into its view; a view reads
/// nothing else about the request.
struct PageContext: Sendable {
    var principal: Principal?
    var csrfToken: String?
    var path: String

    /// Whether the page may offer the workspace-wide edit controls (adding records); a page about one
    /// partnership asks `PartnershipGrants.mayEdit` instead.
    var mayEdit: Bool { (principal?.role ?? .viewer) >= .editor }
    /// Whether the workspace holds the demo's data: the pages say so.
    var isDemo: Bool { principal?.hasDemoData ?? false }
}

extension Request {
    /// The context of the page this request asks for; `CSRFMiddleware` has put the form token in the session.
    var pageContext: PageContext {
        PageContext(principal: principal, csrfToken: hasSession ? session.data["csrf"] : nil, path: url.path)
    }
}
