import Foundation
@testable import RegioContent
@testable import RegioRender
@testable import Regioportaal
import RegioportaalTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Mistaken options and hostile files: the output folder is the only thing a build may
/// replace, special files never hang it, and nothing is cut or published silently.
@Suite struct OutputSafetyTests {
    /// Every path below `folder` (links not followed), to show that nothing changed.
    func listing(_ folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String { paths.append(path) }
        return paths.sorted()
    }

    /// Builds into `output` and returns the refusal it must give.
    func refusal(_ site: TestSite, output: URL) throws -> Diagnostic {
        let failure = try #require(throws: BuildFailure.self) { try site.build { $0.output = output } }
        #expect(failure.diagnostics.count == 1)
        return try #require(failure.diagnostics.first)
    }

    @Test func theProjectFolderItselfIsRefusedAndKept() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let before = listing(site.root)
        let d = try refusal(site, output: site.root.appendingPathComponent("."))
        #expect(d.message == "schrijft de site niet in \(site.root.path): het is de projectmap")
        #expect(d.hint == "geef --output een eigen map, bijvoorbeeld _site")
        #expect(listing(site.root) == before)
    }

    @Test func contentTemplatesAndPublicAreRefused() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let before = listing(site.root)
        #expect(try refusal(site, output: site.root.appendingPathComponent("Content")).message.hasSuffix(": het is de inhoudsmap"))
        #expect(try refusal(site, output: site.root.appendingPathComponent("Templates")).message.hasSuffix(": het is de map met sjablonen"))
        #expect(try refusal(site, output: site.root.appendingPathComponent("Public/")).message.hasSuffix(": het is de map Public"))
        #expect(try refusal(site, output: site.root.appendingPathComponent("Content/site")).message.hasSuffix(": het ligt in de inhoudsmap"))
        #expect(try refusal(site, output: site.root.appendingPathComponent("Content/../Public/css")).message.hasSuffix(": het ligt in de map Public"))
        #expect(try refusal(site, output: site.root.deletingLastPathComponent()).message.contains(": het bevat de inhoudsmap"))
        #expect(listing(site.root) == before)
    }

    @Test func aFileOrAForeignFolderIsRefusedAndKept() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("notities\n", to: "notes.txt")
        try site.write("eigen werk\n", to: "mijn-map/brief.txt")
        let file = try refusal(site, output: site.root.appendingPathComponent("notes.txt"))
        #expect(file.message.hasSuffix("notes.txt: het is een bestand, geen map"))
        let folder = try refusal(site, output: site.root.appendingPathComponent("mijn-map"))
        #expect(folder.message.hasSuffix("mijn-map: de map bestaat al en is niet door regioportaal gemaakt (er staat geen .regioportaal-build in)"))
        #expect(try String(contentsOf: site.root.appendingPathComponent("notes.txt"), encoding: .utf8) == "notities\n")
        #expect(listing(site.root.appendingPathComponent("mijn-map")) == ["brief.txt"])
    }

    @Test func aSymbolicLinkAsOutputIsRefusedAndItsTargetKept() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("eigen werk\n", to: "elders/brief.txt")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("_site").path,
                                                   withDestinationPath: site.root.appendingPathComponent("elders").path)
        let d = try refusal(site, output: site.output)
        #expect(d.message.hasSuffix("_site: het is een symbolische koppeling"))
        #expect(listing(site.root.appendingPathComponent("elders")) == ["brief.txt"])
    }

    @Test func anEmptyFolderOrAPreviousBuildIsReplaced() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try site.build()
        #expect(try site.read(OutputFolder.markerName).contains("regioportaal-manifest 1\n"))
        try site.write("---\ntitel: Nieuw\nsamenvatting: S\n---\nTekst.\n", to: "Content/paginas/nieuw.md")
        try site.build()
        #expect(try site.read("nieuw/index.html").contains("Nieuw"))
    }

    /// Runs `body` on another thread and fails instead of hanging when it does not return.
    func withoutHanging<T: Sendable>(_ body: @escaping @Sendable () -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        DispatchQueue.global().async { box.value = body(); done.signal() }
        guard done.wait(timeout: .now() + 20) == .success, let value = box.value else {
            Issue.record("did not return within 20 s: a special file was opened")
            throw CancellationError()
        }
        return value
    }

    final class ResultBox<T>: @unchecked Sendable { var value: T? }

    @Test(arguments: ["Content/paginas/zz.md", "Content/paginas/zz", "Public/css/pipe.css", "Public/robots.txt", "Templates/partials/zz.mustache"])
    func aNamedPipeIsRefusedWithoutHanging(path: String) throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(mkfifo(site.root.appendingPathComponent(path).path, 0o644) == 0)
        let failure = try withoutHanging { () -> [Diagnostic] in
            do {
                try site.build()
                return []
            } catch let failure as BuildFailure {
                return failure.diagnostics
            } catch {
                return [.error(.outputFileProblem, "", "\(error)", at: nil)]
            }
        }
        let d = try #require(failure.first { $0.location?.file == path })
        #expect(d.message.contains("een named pipe, geen gewoon bestand"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func aNulByteInMarkdownIsAnErrorAtItsPosition() throws {
        let site = try TestSite(["Content/paginas/over.md": "---\ntitel: Over\nsamenvatting: S\n---\nEerste zin.\nTweede\u{0} zin.\n"], withTemplates: false)
        defer { site.cleanUp() }
        #expect(site.checkLines() == ["Content/paginas/over.md:7:7: error: in het bestand staat een NUL-teken (een onzichtbaar stuurteken)"])
    }

    @Test func aTemplateLinkIsRefusedAndItsTargetNeverPublished() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("geheim-wachtwoord\n", to: "../\(site.root.lastPathComponent)-secret.txt")
        defer { try? FileManager.default.removeItem(atPath: site.root.path + "-secret.txt") }
        let footer = site.root.appendingPathComponent("Templates/partials/footer.mustache")
        try FileManager.default.removeItem(at: footer)
        try FileManager.default.createSymbolicLink(atPath: footer.path, withDestinationPath: site.root.path + "-secret.txt")
        let failure = try #require(throws: BuildFailure.self) { try site.build() }
        #expect(failure.diagnostics.contains {
            $0.location?.file == "Templates/partials/footer.mustache" && $0.message == "dit is een symbolische koppeling: koppelingen worden niet gevolgd" && $0.code == .templateNotAFile
        })
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func csvCellsThatASpreadsheetWouldRunAreNeutralised() throws {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            #expect(CSV.neutralised(start + "1+1").hasPrefix("'" + start))
        }
        #expect(CSV.neutralised("2024-05-29") == "2024-05-29")
        #expect(CSV.neutralised("") == "")
        let site = try TestSite(["Content/besluiten/2024-05-29-besluit.md": """
            ---
            titel: '=HYPERLINK("https://kwaad.example","klik")'
            datum: 2024-05-29
            orgaan: "@raad"
            uitkomst: Aangenomen
            ---
            Tekst.

            """])
        defer { site.cleanUp() }
        try site.build()
        let row = try #require(try site.read("data/besluiten.csv").split(separator: "\r\n").dropFirst().first)
        #expect(row.hasPrefix("2024-05-29-besluit,2024-05-29,\"'=HYPERLINK(\"\"https://kwaad.example\"\",\"\"klik\"\")\",'@raad,"))
    }

    @Test func anInvalidBaseURLOptionIsNamedAsTheOption() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        let d = try #require(site.check(baseURL: "portaal.example.nl").first)
        #expect(d.message == "--base-url moet een webadres zijn dat begint met https://, gevonden \"portaal.example.nl\"")
        #expect(d.location == nil)
    }

    @Test func frontMatterDelimitersMayEndInBlanks() throws {
        #expect(try RobustnessTests().lines(["Content/paginas/over.md": "--- \ntitel: Over\nsamenvatting: S\nredactie: true\n---  \t\nTekst.\n"]) == [])
    }
}
