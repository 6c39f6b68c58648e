// swift-tools-version:6.0
import PackageDescription

// Data flows one way: Core ◀ Parsers, Rules, Reporters ◀ Kit ◀ friction.
// Each arrow is a target dependency, so the compiler refuses an import that
// would point the other way.
let package = Package(
    name: "Friction",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "friction", targets: ["friction"]),
        .library(name: "FrictionKit", targets: ["FrictionKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The thread-local that cmark-gfm's allocator callbacks find their
        // arena through (see CMarkArena.swift).
        .target(name: "CCmarkArena"),
        .target(name: "FrictionCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "FrictionParsers", dependencies: ["FrictionCore", "CCmarkGFM", "CCmarkArena", "CLibXML2", .product(name: "Yams", package: "Yams")]),
        .target(name: "FrictionRules", dependencies: ["FrictionCore"]),
        .target(name: "FrictionReporters", dependencies: ["FrictionCore"]),
        .target(name: "FrictionKit", dependencies: ["FrictionCore", "FrictionParsers", "FrictionRules", "FrictionReporters"]),
        // On Linux the command runs on mimalloc (Debian's libmimalloc-dev)
        // instead of glibc's malloc: a lint run allocates a few buffers per
        // sentence and libxml2 a few per element, and glibc's bookkeeping was
        // a tenth of the cycles (GitLab handbook 4-7% faster, DITA 8-12%).
        .executableTarget(name: "friction",
                          dependencies: ["FrictionKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),
        .testTarget(
            name: "FrictionTests",
            dependencies: ["FrictionKit", "FrictionCore", "FrictionParsers", "FrictionRules", "FrictionReporters",
                           .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
