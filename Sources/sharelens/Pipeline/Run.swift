// How every command ends: errors become one clear message on standard error and a sysexits
// status (Errors/CommandLineErrors.swift); warnings are printed (or, with --strict, become
// errors); output goes to standard output or, atomically, to --out.

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
    } catch {
      guard let (message, status) = CommandLineErrors.describe(error) else { throw error }
      printError("error: \(message)")
      throw ExitCode(status.rawValue)
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

  /// Writes `bytes` (a PNG) to standard output, or atomically to `path`.
  static func write(bytes: [UInt8], to path: String?) throws {
    if let path {
      try AtomicFile.write(bytes: bytes, to: path)
    } else {
      _ = bytes.withUnsafeBytes { ShareReport.writeAll(1, $0) }
    }
  }

  /// Writes `text` to standard output, or atomically to `path`.
  static func write(_ text: String, to path: String?) throws {
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
