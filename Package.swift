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
        // The generator: load → parse → model → validate → map → render → write.
        .target(
            name: "Regioportaal",
            dependencies: [
                "RegioMarkdown",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "regioportaal",
            dependencies: [
                "Regioportaal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RegioMarkdownTests", dependencies: ["RegioMarkdown"]),
        .testTarget(name: "RegioportaalTests", dependencies: ["Regioportaal"]),
    ]
)
