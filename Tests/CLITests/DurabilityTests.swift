// --out is atomic and durable: the complete text goes to a temporary file beside the target, is
// flushed to disk (fsync) and only then renamed over the target. Whether fsync happens cannot be
// seen in the files themselves (only after a power cut), so the test watches the system calls.

import Foundation
import TestSupport
import Testing

@Suite struct DurabilityTests {
  @Test func outWritesATemporaryFileFsyncsItThenRenamesIt() throws {
    let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }
    guard requireComponent("strace (apt-get install strace)", available: strace != nil), let strace else { return }
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", "Time,a,b\n2016-01-01,1,3\n")
    let out = dir.path + "/out.csv"
    let trace = dir.path + "/trace.log"
    let run = try runProcess(
      strace,
      [
        "-f", "-e", "trace=openat,fsync,fdatasync,rename,renameat,renameat2,close", "-o", trace, Paths.binary, "shares",
        input, "--format", "csv", "--out", out,
      ])
    // A container may forbid ptrace: then the check cannot run (a failure in CI, NOT RUN elsewhere).
    let traced = !(run.status != 0 && run.stderr.contains("ptrace"))
    guard requireComponent("permission to trace (ptrace) for strace: \(run.stderr)", available: traced) else { return }
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try String(contentsOfFile: out, encoding: .utf8).contains("2016-01-01,2016-01-01,b,3,0.75,4,1,false"))
    let calls = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map(String.init)
    // openat(…, "DIR/.out.csv.tmp-PID", O_WRONLY|O_CREAT…) = FD
    let openIndex = try #require(calls.firstIndex { $0.contains("openat(") && $0.contains("/.out.csv.tmp-") })
    let descriptor = try #require(calls[openIndex].split(separator: "=").last?.trimmingCharacters(in: .whitespaces))
    let syncIndex = calls[openIndex...].firstIndex {
      ($0.contains("fsync(\(descriptor))") || $0.contains("fdatasync(\(descriptor))")) && $0.hasSuffix("= 0")
    }
    let renameIndex = calls[openIndex...].firstIndex {
      $0.contains("rename") && $0.contains("/.out.csv.tmp-") && $0.contains("\"\(out)\"") && $0.hasSuffix("= 0")
    }
    #expect(syncIndex != nil, "the temporary file is never fsynced:\n\(calls[openIndex...].joined(separator: "\n"))")
    #expect(renameIndex != nil, "the temporary file is never renamed onto \(out)")
    if let syncIndex, let renameIndex { #expect(syncIndex < renameIndex, "fsync after the rename") }
  }
}
