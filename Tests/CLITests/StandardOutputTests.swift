// Standard output's write errors: rows O08–O10 of docs/errors.md.

import Foundation
import TestSupport
import Testing

@Suite struct StandardOutputTests {
  /// Runs `sharelens shares --format csv` on the daily file through bash with `redirection`.
  func run(_ redirection: String, prefix: String = "") throws -> CommandResult {
    let command = "\(prefix)'\(Paths.binary)' shares '\(Paths.dailyByExchange)' --format csv \(redirection)"
    return try runProcess("/bin/bash", ["-c", command])
  }

  /// O08: a full disk (here /dev/full) is status 74 with the reason, not exit 0 with a cut result.
  @Test func fullDiskIsAnIOError() throws {
    let result = try run(">/dev/full")
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("writing to standard output failed: No space left on device"))
  }

  /// O09: a closed standard output is status 74 with the reason.
  @Test func closedStandardOutputIsAnIOError() throws {
    let result = try run(">&-")
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("writing to standard output failed: Bad file descriptor"))
  }

  /// O10: a reader that stops early (`| head`) ends the run quietly by SIGPIPE (status 141 in the
  /// shell), also when SIGPIPE is ignored and the write fails with EPIPE instead.
  @Test(arguments: ["", "trap '' PIPE; "])
  func closedPipeIsQuiet(_ prefix: String) throws {
    let result = try run("| head -c 10 >/dev/null; exit ${PIPESTATUS[0]}", prefix: "set -o pipefail; " + prefix)
    #expect(result.status == 141, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
  }
}
