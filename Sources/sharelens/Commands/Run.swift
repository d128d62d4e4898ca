// How every command ends: errors become one clear message on standard error and a sysexits
// status; warnings are printed (or, with --strict, become errors); output goes to standard
// output or, atomically, to --out.

import ArgumentParser
import ShareData
import ShareReport
import ShareStats

#if canImport(Glibc)
  import Glibc
#endif

enum Run {
  /// Runs `body`, turning sharelens errors into their message and exit status.
  static func guarded(_ body: () throws -> Void) throws {
    defer { ProgressBar.shared.finish() }
    do {
      try body()
    } catch let error as ShareError {
      printError("error: \(error)")
      throw ExitCode(error.status.rawValue)
    } catch let error as GSLError {
      printError("error: \(error)")
      throw ExitCode(ExitStatus.dataError.rawValue)
    } catch let error as StatisticsInputError {
      printError("error: \(error)")
      throw ExitCode(ExitStatus.dataError.rawValue)
    }
  }

  static func printError(_ text: String) {
    var stderr = StandardError()
    print("sharelens: \(TerminalText.sanitized(SourceURL.redactingURLs(in: text)))", to: &stderr)
  }

  /// Prints warnings, or with `strict` throws the first as an error.
  static func report(_ warnings: [Warning], strict: Bool) throws {
    ProgressBar.shared.finish()
    var log = WarningLog(strict: strict)
    try log.append(contentsOf: warnings)
    for warning in log.warnings { printError("warning: \(warning)") }
  }

  /// Reads the inputs and computes shares with the options every analysis command shares; nil when
  /// --show-sql printed the query instead. `allWarnings` false reports only the reading's warnings
  /// (a daily series for breaks or a trend flags no buckets worth a word).
  static func analysis(
    _ input: InputOptions, _ selection: ShareSelectionOptions, categoryColumn: String? = nil, allWarnings: Bool = true
  ) throws -> ShareAnalysis? {
    let options = try input.ingestOptions(categoryColumn: categoryColumn, selection: selection)
    if try input.showSQLIfAsked(options) { return nil }
    let analysis = try ShareAnalysis.run(
      paths: input.files, ingest: options, map: try selection.categoryMap(), unmapped: selection.unmapped,
      shares: try selection.shareOptions())
    try report(allWarnings ? analysis.warnings : analysis.ingest.warnings, strict: input.strict)
    return analysis
  }

  static func emit(_ text: String, to path: String?) throws {
    if let path {
      try AtomicFile.write(text, to: path)
    } else {
      try StandardStream.write(text)
    }
  }
}

struct StandardError: TextOutputStream {
  mutating func write(_ string: String) { writeAll(2, string) }
}

struct StandardOutput: TextOutputStream {
  mutating func write(_ string: String) { writeAll(1, string) }
}

/// Writes a string to a descriptor (standard output or error) with ShareReport's write loop.
private func writeAll(_ fd: Int32, _ string: String) {
  var copy = string
  copy.withUTF8 { _ = ShareReport.writeAll(fd, UnsafeRawBufferPointer($0)) }
}
