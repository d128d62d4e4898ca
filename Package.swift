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
  ],
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
    .target(name: "ShareData", dependencies: ["CZlib", "CLibPQ"]),
    .target(name: "ShareStats", dependencies: ["ShareData", "CGSL"]),
    .target(name: "ShareReport", dependencies: ["ShareData", "ShareStats"]),
    .executableTarget(
      name: "sharelens",
      dependencies: [
        "ShareData", "ShareStats", "ShareReport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The benchmark harness's seeded data generator (Benchmarks/bench.sh).
    .executableTarget(name: "sharelens-gen", path: "Benchmarks/Generator"),
    // libFuzzer targets (make fuzz); a plain build links them as empty programs.
    .executableTarget(name: "FuzzCSV", dependencies: ["ShareData"], path: "Fuzz/FuzzCSV"),
    .executableTarget(name: "FuzzTime", dependencies: ["ShareData"], path: "Fuzz/FuzzTime"),
    .executableTarget(name: "FuzzNumber", dependencies: ["ShareData"], path: "Fuzz/FuzzNumber"),
    .executableTarget(name: "FuzzLayout", dependencies: ["ShareData"], path: "Fuzz/FuzzLayout"),
    .executableTarget(name: "FuzzParallel", dependencies: ["ShareData"], path: "Fuzz/FuzzParallel"),
    .executableTarget(
      name: "FuzzCSVWriter", dependencies: ["ShareData", "ShareReport"], path: "Fuzz/FuzzCSVWriter"),
    .executableTarget(name: "FuzzURL", dependencies: ["ShareData"], path: "Fuzz/FuzzURL"),
    // Paths to fixtures, the shared datasets and the built binary; temporary directories.
    .target(name: "TestSupport", dependencies: ["ShareData"], path: "Tests/TestSupport"),
    .testTarget(name: "ShareDataTests", dependencies: ["ShareData", "TestSupport"]),
    .testTarget(
      name: "ShareStatsTests",
      dependencies: [
        "ShareStats", "ShareData", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "ShareReportTests", dependencies: ["ShareReport", "ShareStats", "ShareData", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "CLITests", dependencies: ["ShareData", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
