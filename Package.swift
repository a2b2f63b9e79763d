// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Regioportaal",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "regioportaal", targets: ["regioportaal"]),
        .library(name: "Regioportaal", targets: ["Regioportaal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Only the `serve` preview needs an HTTP server; it lives in its own target so the
        // core library never depends on SwiftNIO (`swift build --target Regioportaal` skips it).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already in the graph through Hummingbird; named so the server can import them explicitly.
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // The system C library, linked through pkg-config; never vendored.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Swift layer over cmark's node API: parse once, walk, render safely.
        .target(name: "RegioMarkdown", dependencies: ["CCmark"]),
        // The pipeline, bottom to top; a target imports only the targets listed as its
        // dependencies, so SwiftPM keeps the stages in order (errors and utilities at the bottom).
        //
        // Support: concurrency, the one lock type, caches, timers, paths, escaping and JSON strings. Imports nothing.
        .target(name: "RegioSupport"),
        // Layered graph layout and SVG output; knows nothing of the portal. Imports nothing.
        .target(name: "RegioMap"),
        // Mustache templates compiled once and rendered against typed data; knows nothing of the portal.
        .target(name: "RegioTemplates", dependencies: ["RegioSupport"]),
        // Content: diagnostics, the declared schema, load, parse, model. Imports support, Markdown, Yams.
        .target(
            name: "RegioContent",
            dependencies: ["RegioSupport", "RegioMarkdown", .product(name: "Yams", package: "Yams")]
        ),
        // Checking: the rules over the whole model (references, cycles, dates, bodies and their links).
        .target(name: "RegioCheck", dependencies: ["RegioContent", "RegioSupport", "RegioMarkdown"]),
        // Rendering: page data, templates, maps, feeds, search index, open data, JSON Schema, the output link check.
        .target(
            name: "RegioRender",
            dependencies: ["RegioContent", "RegioSupport", "RegioMarkdown", "RegioMap", "RegioTemplates"]
        ),
        // The build: the pipeline that runs the stages, its caches, writing the output folder, scaffolding.
        .target(
            name: "Regioportaal",
            dependencies: ["RegioSupport", "RegioContent", "RegioCheck", "RegioRender", "RegioMarkdown", "RegioTemplates"]
        ),
        .executableTarget(
            name: "regioportaal",
            dependencies: [
                "Regioportaal", "RegioContent", "RegioRender", "RegioSupport",
                "RegioportaalServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `regioportaal serve`: live preview with rebuild-on-change and reload over server-sent events.
        .target(
            name: "RegioportaalServer",
            dependencies: [
                "Regioportaal", "RegioContent", "RegioSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // Layout quality and speed against Graphviz dot (benchmark only; dot is never used at run time).
        .executableTarget(name: "MapBench", dependencies: ["RegioMap"], path: "Benchmarks/MapBench"),
        .testTarget(name: "RegioMarkdownTests", dependencies: ["RegioMarkdown", "CCmark"]),
        .testTarget(name: "RegioMapTests", dependencies: ["RegioMap"]),
        // The official Mustache spec, and swift-mustache as the oracle the compiled renderer must agree with.
        .testTarget(
            name: "RegioTemplatesTests",
            dependencies: ["RegioTemplates", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Spec")]
        ),
        // Whole sites declared inline (TestSite) and the built command-line tool, for the tests.
        .target(
            name: "RegioportaalTestSupport",
            dependencies: ["Regioportaal", "RegioContent", "RegioSupport"],
            path: "Tests/RegioportaalTestSupport"
        ),
        .testTarget(
            name: "RegioportaalTests",
            dependencies: [
                "RegioportaalTestSupport", "Regioportaal", "RegioContent", "RegioCheck", "RegioRender",
                "RegioSupport", "RegioTemplates", "RegioMap", "RegioMarkdown",
            ]
        ),
        .testTarget(
            name: "RegioportaalServerTests",
            dependencies: [
                "RegioportaalServer", "Regioportaal", "RegioContent", "RegioRender",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ]
)
