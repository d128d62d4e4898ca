// What the test targets share: where the repository, its fixtures, the shared real datasets and
// the built `sharelens` binary are; temporary directories; running the binary.

import Foundation
import ShareData
import Testing

public enum Paths {
  /// The package root (this file is Tests/TestSupport/TestSupport.swift).
  public static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// ../shared/datasets beside the project root.
  public static let shared = URL(fileURLWithPath: root).deletingLastPathComponent()
    .appendingPathComponent("shared/datasets").standardizedFileURL.path

  public static func shared(_ relative: String) -> String { shared + "/" + relative }

  public static func fixture(_ target: String, _ name: String) -> String {
    root + "/Tests/\(target)/Fixtures/\(name)"
  }

  public static let dailyByExchange = shared("bitcoinity-daily-by-exchange/btc-volume-by-exchange-daily-2016-2021.csv")
  public static let monthlyByExchangeCR = shared(
    "bitcoinity-monthly-by-exchange/btc-volume-by-exchange-monthly-2015-2018.cr.csv")
  public static let monthlyByExchange = shared(
    "bitcoinity-monthly-by-exchange/btc-volume-by-exchange-monthly-2015-2018.csv")
  public static let exchangeCurrency = shared("exchange-currency.csv")
  public static let chinaEvents = shared("china-events.csv")

  /// The `sharelens` binary built beside the test bundle (swift build puts both in one directory).
  public static let binary: String = {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sharelens")
        .path,
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("sharelens").path,
      root + "/.build/debug/sharelens",
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
  }()
}

/// A fresh temporary directory, removed by `cleanup()`.
public struct TemporaryDirectory {
  public let path: String

  public init() {
    path = NSTemporaryDirectory() + "sharelens-test-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  public func file(_ name: String, _ contents: String) -> String {
    let full = path + "/" + name
    try! contents.write(toFile: full, atomically: true, encoding: .utf8)
    return full
  }

  public func file(_ name: String, bytes: [UInt8]) -> String {
    let full = path + "/" + name
    precondition(FileManager.default.createFile(atPath: full, contents: Data(bytes)), "cannot write \(full)")
    return full
  }

  /// Removes the directory; a failure is recorded (a test that leaves files behind says so).
  public func cleanup() {
    do { try FileManager.default.removeItem(atPath: path) } catch { Issue.record("cannot remove \(path): \(error)") }
  }
}

/// Reads CSV text as if from files named `name`.
public func ingest(_ texts: [(name: String, text: String)], options: IngestOptions = IngestOptions()) throws
  -> IngestResult
{
  try Ingest.read(streams: texts.map { MemoryStream(name: $0.name, text: $0.text) }, options: options)
}

public func ingest(_ text: String, name: String = "test.csv", options: IngestOptions = IngestOptions()) throws
  -> IngestResult
{
  try ingest([(name, text)], options: options)
}

/// The result of running the binary.
public struct CommandResult {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// Runs `sharelens` with `arguments`, optional standard input, in `directory`.
public func runSharelens(
  _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], in directory: String? = nil
) throws -> CommandResult {
  try runProcess(Paths.binary, arguments, stdin: stdin, environment: environment, in: directory)
}

/// The longest one run of a program may take in a test. A hang then fails the test that caused
/// it, with the command in the message, instead of stalling the whole suite until CI gives up.
public let processTimeLimit: Double = 300

/// Runs a program and collects its output. Output goes to files, not pipes: a helper the program
/// leaves behind (a browser's crash handler, say) cannot hold a pipe open and block the read.
/// Standard input is `stdin`, or empty; never the test runner's own. Past `timeLimit` seconds
/// the program is killed and the result says so (status -1).
public func runProcess(
  _ executable: String, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
  in directory: String? = nil,
  timeLimit: Double = processTimeLimit
) throws -> CommandResult {
  let scratch = TemporaryDirectory()
  defer { scratch.cleanup() }
  let outPath = scratch.file("stdout", "")
  let errPath = scratch.file("stderr", "")
  let inPath = scratch.file("stdin", stdin ?? "")
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  var env = ProcessInfo.processInfo.environment
  for (k, v) in environment { env[k] = v }
  process.environment = env
  if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
  let output = FileHandle(forWritingAtPath: outPath)!
  let errors = FileHandle(forWritingAtPath: errPath)!
  let input = FileHandle(forReadingAtPath: inPath)!
  defer {
    for handle in [output, errors, input] {
      do { try handle.close() } catch { Issue.record("cannot close a file of \(executable): \(error)") }
    }
  }
  process.standardOutput = output
  process.standardError = errors
  process.standardInput = input
  let exited = DispatchSemaphore(value: 0)
  process.terminationHandler = { _ in exited.signal() }
  try process.run()
  var timedOut = false
  if exited.wait(timeout: .now() + timeLimit) == .timedOut {
    timedOut = true
    kill(process.processIdentifier, SIGKILL)
    // Foundation learns of the exit only when every descendant has let go of a socket it hands
    // the child, and a grandchild may live on: wait a little, then leave the object behind.
    if exited.wait(timeout: .now() + 5) == .timedOut { Abandoned.keep(process) }
  }
  let stdout = String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self)
  var stderr = String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self)
  if timedOut {
    stderr += "\n[killed: \(executable) \(arguments.joined(separator: " ")) ran longer than \(Int(timeLimit)) s]"
  }
  return CommandResult(status: timedOut ? -1 : process.terminationStatus, stdout: stdout, stderr: stderr)
}

/// Processes killed at their time limit whose end Foundation has not seen yet, kept alive here.
enum Abandoned {
  nonisolated(unsafe) private static var processes: [Process] = []
  private static let lock = NSLock()
  static func keep(_ process: Process) {
    lock.lock()
    processes.append(process)
    lock.unlock()
  }
}

/// Relative difference, for comparing against reference values.
public func relativeDifference(_ a: Double, _ b: Double) -> Double {
  if a == b { return 0 }
  return abs(a - b) / max(abs(a), abs(b))
}

/// A small deterministic generator (SplitMix64) so randomized tests replay exactly.
public struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Whether this run is CI's (`CI=true`, as GitHub Actions, GitLab and most others set it).
public let runningInCI = ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")

/// For a test that needs something outside the package (the database servers, a renderer): true
/// when `available`. Otherwise the test cannot check what it names, and that must not pass
/// silently: in CI it fails; elsewhere it is recorded as a known issue, so the run's last line
/// counts it ("passed … with N known issues"), and a NOT RUN line goes to standard error.
public func requireComponent(
  _ component: String, available: Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Bool {
  if available { return true }
  let message = "NOT RUN: needs \(component)"
  FileHandle.standardError.write(Data("\n*** \(message) (\(sourceLocation.fileName):\(sourceLocation.line))\n".utf8))
  if runningInCI {
    Issue.record("CI=true and this test cannot run: \(message)", sourceLocation: sourceLocation)
  } else {
    withKnownIssue("\(message); CI fails here") {
      Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
  }
  return false
}

extension IngestResult {
  /// "category,YYYY-MM-DD" → the volume summed over the day's cells, for comparing readers with a
  /// per-day reference.
  public var dailyVolumes: [String: Double] {
    var sums: [String: Double] = [:]
    for i in 0..<table.cellCount {
      let day = Day(table.times[i].floorDiv(86_400)).description
      sums["\(table.categories[Int(table.codes[i])]),\(day)", default: 0] += table.volumes[i]
    }
    return sums
  }
}
