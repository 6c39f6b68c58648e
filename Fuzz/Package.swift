// swift-tools-version:6.0
// libFuzzer targets for Friction's two input paths (Markdown and XML): each
// parses, analyses, lints and renders one input. A package of its own, so
// that the normal `swift build` / `swift test` of the repository never builds
// them; built and run by `make fuzz` (Fuzz/fuzz.sh) with
// `-sanitize=fuzzer,address -parse-as-library`. The checkout is named here:
// a path dependency's identity is its folder's name, which differs from one
// clone to the next.
import PackageDescription

let package = Package(
    name: "FrictionFuzz",
    dependencies: [.package(name: "Friction", path: "..")],
    targets: [
        .target(name: "CFuzzer"),
        .target(name: "FuzzSupport", dependencies: [.product(name: "FrictionKit", package: "Friction")]),
        .executableTarget(name: "FuzzMarkdown", dependencies: ["FuzzSupport", "CFuzzer"]),
        .executableTarget(name: "FuzzXML", dependencies: ["FuzzSupport", "CFuzzer"]),
    ],
    swiftLanguageModes: [.v6]
)
