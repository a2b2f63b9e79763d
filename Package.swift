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
        // Layered graph layout and SVG output; knows nothing of the portal.
        .target(name: "RegioMap"),
        // Mustache templates compiled once and rendered against typed data; knows nothing of the portal.
        .target(name: "RegioTemplates"),
        // The generator: load → parse → model → validate → map → render → write.
        .target(
            name: "Regioportaal",
            dependencies: [
                "RegioMarkdown", "RegioMap", "RegioTemplates",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "regioportaal",
            dependencies: [
                "Regioportaal",
                "RegioportaalServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `regioportaal serve`: live preview with rebuild-on-change and reload over server-sent events.
        .target(
            name: "RegioportaalServer",
            dependencies: [
                "Regioportaal",
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
        .testTarget(name: "RegioportaalTests", dependencies: ["Regioportaal", "RegioTemplates"]),
        .testTarget(
            name: "RegioportaalServerTests",
            dependencies: [
                "RegioportaalServer",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ]
)
