import Foundation
@testable import RegioContent
@testable import RegioRender
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

/// The link checker settles most links with one lookup in the links that resolve; that set
/// must give exactly the answers of the full resolution (file, folder index, anchor).
@Suite struct OutputLinkCheckerTests {
    private func checker(basePath: String) throws -> OutputLinkChecker {
        var diagnostics = Diagnostics()
        let templates = try #require(TemplateSet.load(TestSite.repository.appendingPathComponent("Templates"),
                                                      displayBase: TestSite.repository, diagnostics: &diagnostics))
        return OutputLinkChecker(basePath: basePath, templates: templates, severity: .error)
    }

    @Test(arguments: ["/", "/portaal/"])
    func theQuickLookupAgreesWithTheFullResolution(basePath: String) throws {
        let files: Set<String> = ["index.html", "a/index.html", "a/b/index.html", "data/updates.json", "kaart.svg"]
        let targets = OutputLinkChecker.Targets(files: files, ids: ["a/index.html": ["x"]], basePath: basePath, pagePaths: [])
        let checker = try checker(basePath: basePath)
        let resolving = ["", "a/", "a", "a/index.html", "a/b/", "a/b", "data/updates.json", "kaart.svg", "index.html"].map { basePath + $0 }
        let broken = ["b/", "b", "a/b/c", "data/updates.json/", "data/", "kaart.svg/", "a//", "A/"].map { basePath + $0 }
            + ["/elders/", String(basePath.dropLast()).isEmpty ? "//" : String(basePath.dropLast())]
        for link in resolving {
            #expect(OutputLinkChecker.resolves(link, in: targets), "\(link)")
            #expect(checker.problem(link, from: "a/index.html", targets: targets) == nil, "\(link)")
        }
        for link in broken {
            #expect(!OutputLinkChecker.resolves(link, in: targets), "\(link)")
            #expect(checker.problem(link, from: "a/index.html", targets: targets) != nil, "\(link)")
        }
        // Anchors and queries take the full resolution.
        #expect(!OutputLinkChecker.resolves(basePath + "a/#x", in: targets))
        #expect(checker.problem(basePath + "a/#x", from: "index.html", targets: targets) == nil)
        #expect(checker.problem(basePath + "a/#y", from: "index.html", targets: targets) == .missingAnchor)
        #expect(checker.problem(basePath + "a/?q=1", from: "index.html", targets: targets) == nil)
        // Even when a file name holds a "#", the link to it is read as a link with an anchor.
        let marked = OutputLinkChecker.Targets(files: ["index.html", "a#b.html"], ids: [:], basePath: basePath, pagePaths: [])
        #expect(!OutputLinkChecker.resolves(basePath + "a#b.html", in: marked))
        #expect(OutputLinkChecker.resolves(basePath, in: marked))
        #expect(!OutputLinkChecker.resolves(basePath + "a/", in: marked))
    }

    /// A preview edit checks only the pages it rendered; the others keep their findings, and
    /// the result equals a check of every page.
    @Test func aRecheckOfTheSamePagesChecksOnlyTheRenderedOnes() throws {
        let checker = try checker(basePath: "/")
        func page(_ path: String, links: Set<String>, ids: Set<String> = [], previous: [OutputLinkChecker.Problem]? = nil) -> OutputLinkChecker.Page {
            .init(path: path, template: "home", ids: ids, links: links, previousProblems: previous)
        }
        let first = checker.check([page("index.html", links: ["/a/", "/b/"]), page("a/index.html", links: ["/#top", "/a/#x"], ids: ["x"])],
                                  otherFiles: ["kaart.svg"])
        #expect(first.problems == [[.init(link: "/b/", problem: .broken)], []])
        // The second page is rendered again with a new broken anchor; the first is kept with its finding.
        let again = checker.check([page("index.html", links: ["/a/", "/b/"], previous: first.problems[0]),
                                   page("a/index.html", links: ["/a/#y"], ids: ["x"])],
                                  otherFiles: first.targets.files, previousTargets: first.targets)
        #expect(again.problems == [[.init(link: "/b/", problem: .broken)], [.init(link: "/a/#y", problem: .missingAnchor)]])
        #expect(again.targets == first.targets)
        // An id that went away makes every page be checked again.
        let removed = checker.check([page("index.html", links: ["/a/#x"], previous: []), page("a/index.html", links: [])],
                                    otherFiles: first.targets.files, previousTargets: first.targets)
        #expect(removed.problems == [[.init(link: "/a/#x", problem: .missingAnchor)], []])
    }
}
