// swift-tools-version:6.0
// The libFuzzer targets of sharelens (make fuzz, make fuzz-smoke: scripts/fuzz.sh), kept out of the
// library's manifest so that a package depending on ShareData never resolves or builds them. They
// depend on the library by path. A plain `swift build --package-path Fuzz` links each as an empty
// program; scripts/fuzz.sh builds one at a time with libFuzzer and AddressSanitizer.
import PackageDescription

// `name:` fixes the dependency's identity as "sharelens" whatever the checkout's folder is called
// (a path dependency is otherwise named after its last path component).
let library = Target.Dependency.product(name: "ShareData", package: "sharelens")

let package = Package(
  name: "sharelens-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "sharelens", path: "..")
  ],
  targets: [
    // The CSV scanner reads the same records whatever the chunk size.
    .executableTarget(name: "FuzzCSV", dependencies: [library], path: "FuzzCSV"),
    // The time parser never crashes; a plain date it accepts prints back as itself.
    .executableTarget(name: "FuzzTime", dependencies: [library], path: "FuzzTime"),
    // Every number the decimal parser accepts is exactly the Double that Double(String) gives.
    .executableTarget(name: "FuzzNumber", dependencies: [library], path: "FuzzNumber"),
    // Layout detection and ingest read a table or throw a located ShareError on any bytes.
    .executableTarget(name: "FuzzLayout", dependencies: [library], path: "FuzzLayout"),
    // The parallel block reader reads what the scanner reads (differential).
    .executableTarget(name: "FuzzParallel", dependencies: [library], path: "FuzzParallel"),
    // CSV output reads back as what was written (write → read, equal).
    .executableTarget(
      name: "FuzzCSVWriter",
      dependencies: [library, .product(name: "ShareReport", package: "sharelens")], path: "FuzzCSVWriter"),
    // The JSON feed readers read a table or throw a located ShareError on any bytes.
    .executableTarget(name: "FuzzJSON", dependencies: [library], path: "FuzzJSON"),
    // Any bytes as a Binance zip: a table or a ShareError, never a crash or a short read.
    .executableTarget(name: "FuzzZip", dependencies: [library], path: "FuzzZip"),
    // Source URLs never trap, and a planted password never survives redaction.
    .executableTarget(name: "FuzzURL", dependencies: [library], path: "FuzzURL"),
    // Any bytes as a --rates file: rates (positive, finite) or a ShareError; conversion never traps.
    .executableTarget(name: "FuzzRates", dependencies: [library], path: "FuzzRates"),
  ],
  swiftLanguageModes: [.v6]
)
