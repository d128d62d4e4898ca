// swift-tools-version:6.0
// The benchmark harness's own package (make bench: Benchmarks/bench.sh), kept out of the library's
// manifest as swift-nio keeps its Benchmarks/Package.swift apart: a package depending on ShareData
// never resolves or builds it. It holds the seeded data generator `sharelens-gen`; the program being
// measured is the release `sharelens` built by the root package, run as a separate process.
//
// No dependency on the library: the generator needs none of it, and an unused path dependency would
// make every build of the generator resolve the root package's dependencies for nothing.
import PackageDescription

let package = Package(
  name: "sharelens-benchmarks",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "sharelens-gen", targets: ["sharelens-gen"])
  ],
  targets: [
    // sharelens-gen log ROWS [SEED] | dump ROWS MARKET [SEED]: the same bytes for the same arguments.
    .executableTarget(name: "sharelens-gen", path: "Generator")
  ],
  swiftLanguageModes: [.v6]
)
