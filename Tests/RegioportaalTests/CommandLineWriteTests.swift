import Foundation
@testable import Regioportaal
import RegioportaalTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What only shows with real processes: two builds at once, a volume mounted as output, a
/// preview that must not start, and the guards of the other commands that write.
@Suite(.serialized) struct CommandLineWriteTests {
    static let now = ["--now", "2026-11-22"]
    static let draft = """
        ---
        titel: Geheim concept
        datum: 2026-02-01
        auteur: Redactie
        samenvatting: Nog niet af.
        draft: true
        ---
        Concepttekst.

        """

    /// A reference build by the library into `name`, to compare the processes' output with.
    func reference(_ site: TestSite, _ name: String, drafts: Bool = false) throws -> [String: Data] {
        let folder = site.root.appendingPathComponent(name)
        try site.build { $0.output = folder; $0.includeDrafts = drafts }
        return files(in: folder)
    }

    @Test func twoBuildsAtOnceIntoOneOutputEndCompleteOrRefused() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let expected = try reference(site, "referentie")
        for round in 1...3 {
            let runs = try (0..<2).map { _ in try Binary.start(["build"] + Self.now, in: site.root) }
            let results = runs.map { $0.wait() }
            for result in results where result.status != 0 {
                #expect(result.status == 1 && result.stderr.contains("schrijft al naar _site"), "round \(round): \(result.stderr)")
            }
            #expect(results.contains { $0.status == 0 }, "round \(round)")
            #expect(files(in: site.output) == expected, "round \(round): the output is not one whole build")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).allSatisfy { !$0.hasPrefix(".regioportaal") })
    }

    @Test func buildsIntoOutputsWhoseNamesShareAPrefixBothEndComplete() throws {
        let site = try TestSite(["Content/updates/concept.md": Self.draft])
        defer { site.cleanUp() }
        let expected = try reference(site, "referentie")
        let expectedDrafts = try reference(site, "referentie-drafts", drafts: true)
        #expect(expected != expectedDrafts)
        for round in 1...3 {
            let plain = try Binary.start(["build", "--output", "site"] + Self.now, in: site.root)
            let drafts = try Binary.start(["build", "--output", "site-drafts", "--drafts"] + Self.now, in: site.root)
            let (a, b) = (plain.wait(), drafts.wait())
            #expect(a.status == 0 && b.status == 0, "round \(round): \(a.stderr) \(b.stderr)")
            #expect(files(in: site.root.appendingPathComponent("site")) == expected, "round \(round)")
            #expect(files(in: site.root.appendingPathComponent("site-drafts")) == expectedDrafts, "round \(round)")
        }
    }

    @Test func aBuildIsRefusedWhileAnotherProcessHoldsTheLock() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let lock = try OutputLock.acquire(site.output, displayBase: site.root)
        let refused = try Binary.run(["build"] + Self.now, in: site.root)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("een andere regioportaal (proces \(getpid())) schrijft al naar _site"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        lock.release()
        #expect(try Binary.run(["build"] + Self.now, in: site.root).status == 0)
    }

    /// Whether this machine lets an unprivileged process mount a file system in a namespace of its own.
    static let canMount: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-rm", "sh", "-c", "d=$(mktemp -d) && mount -t tmpfs none \"$d\" && umount \"$d\"; s=$?; rmdir \"$d\"; exit $s"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test(.enabled(if: canMount, "needs unshare and mount in a user namespace"))
    func aVolumeMountedAsOutputIsBuiltInto() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let expected = try reference(site, "referentie")
        let binary = try #require(Binary.url)
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("volume"), withIntermediateDirectories: true)
        // Two builds into a fresh tmpfs, then one with a foreign file in it; copied out before the namespace ends.
        let script = """
            set -e
            mount -t tmpfs none volume
            "$0" build --output volume \(Self.now.joined(separator: " "))
            "$0" build --output volume \(Self.now.joined(separator: " "))
            mkdir kopie && cp -a volume/. kopie/
            echo x > volume/CNAME
            if "$0" build --output volume \(Self.now.joined(separator: " ")) 2> geweigerd.txt; then exit 3; fi
            cmp -s volume/index.html kopie/index.html
            """
        let run = try Binary.start(["-rm", "sh", "-c", script, binary.path], in: site.root, executable: URL(fileURLWithPath: "/usr/bin/unshare")).wait()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(files(in: site.root.appendingPathComponent("kopie")) == expected)
        let refused = try String(contentsOf: site.root.appendingPathComponent("geweigerd.txt"), encoding: .utf8)
        #expect(refused.contains("volume/CNAME is niet door een eerdere build geschreven"), "\(refused)")
    }

    @Test func serveStopsWhenItsOutputIsRefused() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("eigen werk\n", to: "mijn-map/brief.txt")
        for output in [".", "Content", "mijn-map"] {
            let run = try Binary.start(["serve", "--output", output, "--port", "0"] + Self.now, in: site.root).wait(seconds: 60)
            #expect(run.status == 1, "serve --output \(output)")
            #expect(run.stderr.contains("schrijft de site niet in"), "\(run.stderr)")
            #expect(!run.stderr.contains("de preview staat op http"))
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func newRefusesAFolderThatIsNoContentFolder() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let typo = try Binary.run(["new", "update", "Nieuw bericht", "--content", "Contnet"] + Self.now, in: site.root)
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("de inhoudsmap Contnet bestaat niet"), "\(typo.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Contnet").path))
        let templates = try Binary.run(["new", "update", "Nieuw bericht", "--content", "Templates"] + Self.now, in: site.root)
        #expect(templates.stderr.contains("Templates is geen inhoudsmap: er staat geen site.yml in"), "\(templates.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Templates/updates").path))
        #expect(try Binary.run(["new", "update", "Nieuw bericht"] + Self.now, in: site.root).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/updates/2026-11-22-nieuw-bericht.md").path), "named after --now")
    }

    @Test func mapNeverOverwritesItsInputOrTheProject() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let graph = "nodes:\n  - id: a\n    titel: A\n  - id: b\n    titel: B\n    afhankelijk_van: [a]\n"
        try site.write(graph, to: "graaf.yml")
        try site.write("notities\n", to: "notities.txt")
        let settings = try String(contentsOf: site.root.appendingPathComponent("Content/site.yml"), encoding: .utf8)
        for (output, why) in [("graaf.yml", "het is het invoerbestand"), ("Content/site.yml", "het ligt in de inhoudsmap"),
                              ("Templates/kaart.svg", "het ligt in de map met sjablonen"), ("Public", "het is de map Public"),
                              ("notities.txt", "het bestand bestaat al en is geen kaart van regioportaal map")] {
            let run = try Binary.run(["map", "--input", "graaf.yml", "--output", output], in: site.root)
            #expect(run.status == 1, "\(output)")
            #expect(run.stderr.contains("schrijft de kaart niet naar \(output): \(why)"), "\(run.stderr)")
        }
        #expect(try String(contentsOf: site.root.appendingPathComponent("graaf.yml"), encoding: .utf8) == graph)
        #expect(try String(contentsOf: site.root.appendingPathComponent("Content/site.yml"), encoding: .utf8) == settings)
        #expect(try String(contentsOf: site.root.appendingPathComponent("notities.txt"), encoding: .utf8) == "notities\n")
        // Its own map it writes, and writes again.
        #expect(try Binary.run(["map", "--input", "graaf.yml", "--output", "kaart.svg"], in: site.root).status == 0)
        #expect(try Binary.run(["map", "--input", "graaf.yml", "--output", "kaart.svg"], in: site.root).status == 0)
    }

    @Test func schemaWritesOnlyIntoAFolderOfSchemas() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("# Documentatie\n", to: "docs/README.md")
        let before = files(in: site.root)
        for (output, why) in [("Content", "het is de inhoudsmap"), ("Content/schemas", "het ligt in de inhoudsmap"),
                              (".", "het is de projectmap"), ("Templates", "het is de map met sjablonen"),
                              ("docs", "README.md is geen schema; in die map staan alleen schema's van regioportaal")] {
            let run = try Binary.run(["schema", "--output", output], in: site.root)
            #expect(run.status == 1, "\(output)")
            #expect(run.stderr.contains(": \(why)"), "\(run.stderr)")
        }
        #expect(files(in: site.root) == before)
        #expect(try Binary.run(["schema"], in: site.root).status == 0)
        #expect(try Binary.run(["schema"], in: site.root).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("schemas/site.schema.json").path))
    }
}
