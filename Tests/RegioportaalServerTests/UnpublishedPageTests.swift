import Foundation
@testable import RegioContent
@testable import Regioportaal
@testable import RegioportaalServer
import Testing

/// Issue 33: the preview shows drafts, and its 404 says why a page that exists is not there.
extension PreviewServerTests {
    static func update(_ slug: String, _ extra: String) -> (String, String) {
        ("Content/updates/\(slug).md",
         "---\ntitel: Bericht \(slug)\ndatum: 2026-11-01\nauteur: R\nsamenvatting: S\n\(extra)redactie: true\n---\nTekst van \(slug).\n")
    }

    static func projectWithUnpublishedUpdates() throws -> MiniProject {
        let project = try MiniProject()
        for (path, text) in [update("concept", "draft: true\n"), update("later", "publishDate: 2027-01-15\n"),
                             update("verlopen", "expiryDate: 2026-07-01\n"), update("later-concept", "draft: true\npublishDate: 2027-01-15\n")] {
            try project.write(text, to: path)
        }
        return project
    }

    @Test func thePreviewShowsDraftsAndSaysWhyOtherPagesAreMissing() async throws {
        let project = try Self.projectWithUnpublishedUpdates()
        defer { project.cleanUp() }
        try await withServer(project, configure: { $0.options.includeDrafts = true }) { http in
            let draft = try await http.request("/updates/concept/")
            #expect(draft.status == 200)

            let later = try await http.request("/updates/later/")
            #expect(later.status == 404)
            #expect(later.body.contains("<h2>Deze pagina bestaat, maar verschijnt pas op 15 januari 2027</h2>"))
            #expect(later.body.contains("In <code>Content/updates/later.md</code> staat <code>publishDate: 2027-01-15</code>."))
            #expect(later.body.contains("<code>regioportaal serve --now 2027-01-15</code>"))
            // A draft that is also scheduled: its date is why it is missing from the preview.
            let laterDraft = try await http.request("/updates/later-concept/index.html")
            #expect(laterDraft.body.contains("verschijnt pas op 15 januari 2027"))

            let expired = try await http.request("/updates/verlopen")
            #expect(expired.status == 404)
            #expect(expired.body.contains("<h2>Deze pagina bestaat, maar staat sinds 1 juli 2026 niet meer op de site</h2>"))
            #expect(expired.body.contains("<code>expiryDate: 2026-07-01</code>"))
            #expect(expired.body.contains("<code>regioportaal serve --now 2026-06-30</code>"))

            // Any other missing page gets no such note.
            let missing = try await http.request("/updates/bestaat-niet/")
            #expect(missing.status == 404)
            #expect(!missing.body.contains("preview-uitleg"))
        }
    }

    @Test func withoutDraftsThe404SaysThePageIsAConcept() async throws {
        let project = try Self.projectWithUnpublishedUpdates()
        defer { project.cleanUp() }
        try await withServer(project, configure: { $0.options.includeDrafts = false }) { http in
            let draft = try await http.request("/updates/concept/")
            #expect(draft.status == 404)
            #expect(draft.body.contains("<h2>Deze pagina bestaat, maar is een concept</h2>"))
            #expect(draft.body.contains("In <code>Content/updates/concept.md</code> staat <code>draft: true</code>."))
            #expect(draft.body.contains("--no-drafts"))
            #expect(draft.body.contains(LiveReload.scriptTag), "still reloads when the draft is published")

            // Without the site's 404.html (before a first good build), the plain page is Dutch too.
            try FileManager.default.removeItem(at: project.root.appendingPathComponent("_site/404.html"))
            let plain = try await http.request("/updates/concept/")
            #expect(plain.status == 404)
            #expect(plain.body.hasPrefix("<!doctype html><html lang=\"nl\">"))
            #expect(plain.body.contains("<h1>Pagina niet gevonden</h1><div class=\"preview-uitleg\" role=\"note\"><h2>Deze pagina bestaat, maar is een concept</h2>"))
            let other = try await http.request("/bestaat-niet/")
            #expect(other.body.contains("<title>Pagina niet gevonden</title>"))
            #expect(!other.body.contains("lang=\"en\""))
        }
    }

    @Test func theNoteGoesAfterTheFirstHeading() {
        let note = Data("<p>x</p>".utf8)
        #expect(String(decoding: PreviewResponder.insert(note, afterFirstHeadingOf: Data("<body><main><h1>Weg</h1><p>y</p>".utf8)), as: UTF8.self)
            == "<body><main><h1>Weg</h1><p>x</p><p>y</p>")
        #expect(String(decoding: PreviewResponder.insert(note, afterFirstHeadingOf: Data("<html><body class=\"a\"><p>y</p>".utf8)), as: UTF8.self)
            == "<html><body class=\"a\"><p>x</p><p>y</p>")
    }
}
