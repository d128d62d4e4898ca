// swift-tools-version:6.0
// sharelens: who has what share of a market's trading volume, how it changed, and whether the change is real.
import PackageDescription

let package = Package(
  name: "sharelens",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "ShareData", targets: ["ShareData"]),
    .library(name: "ShareStats", targets: ["ShareStats"]),
    .library(name: "ShareReport", targets: ["ShareReport"]),
    .executable(name: "sharelens", targets: ["sharelens"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // Tests only: property-based checks of the share invariants.
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    // make docs only: `swift package generate-documentation` for the DocC catalogs
    // (Sources/<Module>/<Module>.docc). A command plugin: swift build compiles only its two plugin
    // scripts (about a second on a clean clone); docc's helper tools are built by make docs alone.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  // The libFuzzer targets (Fuzz/Package.swift) and the benchmark generator (Benchmarks/Package.swift)
  // are packages of their own, so nothing here is resolved or built for them.
  targets: [
    // The only place GSL's C headers are seen. Linking names gsl, gslcblas and m in the module map,
    // so the build works even where pkg-config is absent.
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"])]
    ),
    // zlib for .csv.gz input, linked by name so pkg-config is not needed.
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    // libpq for postgres:// sources, linked by name.
    .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
    // The parallel reader's 64-byte test (SSE2 compare and movemask), inline in a header.
    .target(name: "CByteScan"),
    .target(name: "ShareData", dependencies: ["CZlib", "CLibPQ", "CByteScan"]),
    .target(name: "ShareStats", dependencies: ["ShareData", "CGSL"]),
    // librsvg and cairo for --format png (SVG drawn to PNG), linked by name. No pkgConfig: the
    // flags of librsvg-2.0.pc carry -pthread, which SwiftPM drops with a warning on every build
    // (Sources/CRsvg/shim.h declares what it uses instead); scripts/setup.sh installs librsvg2-dev.
    .systemLibrary(name: "CRsvg"),
    .target(name: "ShareReport", dependencies: ["ShareData", "ShareStats", "CRsvg"]),
    .executableTarget(
      name: "sharelens",
      dependencies: [
        "ShareData", "ShareStats", "ShareReport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Paths to fixtures, the shared datasets and the built binary; temporary directories.
    .target(name: "TestSupport", dependencies: ["ShareData"], path: "Tests/TestSupport"),
    .testTarget(name: "ShareDataTests", dependencies: ["ShareData", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(
      name: "ShareStatsTests",
      dependencies: [
        "ShareStats", "ShareData", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "ShareReportTests", dependencies: ["ShareReport", "ShareStats", "ShareData", "TestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(name: "CLITests", dependencies: ["ShareData", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
