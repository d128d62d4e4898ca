// A run stopped by Ctrl-C, SIGTERM or SIGHUP while `--out` is being written leaves no temporary
// file behind: row O11 of docs/errors.md.

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct SignalCleanupTests {
  /// A wide file whose share table is about 5 MB of CSV, so writing it takes a while.
  static func bigInput(in dir: TemporaryDirectory) -> String {
    let columns = 50
    var text = "Time," + (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\n"
    for day in 0..<2000 {
      let date = civilDay(daysSince1970: 7305 + day)
      text += date + "," + (0..<columns).map { String((day * 7 + $0) % 97 + 1) }.joined(separator: ",") + "\n"
    }
    return dir.file("big.csv", text)
  }

  /// O11: the process is frozen (SIGSTOP) while its temporary file exists, sent the signal and let
  /// go: it must die of that signal and the temporary file must be gone.
  @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
  func signalWhileWritingRemovesTheTemporaryFile(_ signal: Int32) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = Self.bigInput(in: dir)
    let outDir = dir.path + "/out"
    try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
    var caught = false
    for _ in 0..<12 where !caught {
      let pid = try spawnWithCleanSignals(
        Paths.binary, ["shares", input, "--format", "csv", "--out", outDir + "/out.csv"])
      while true {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
          break  // finished before the poll saw its temporary file
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: outDir)) ?? []
        guard names.contains(where: { $0.contains(".tmp-") }) else {
          usleep(100)
          continue
        }
        kill(pid, SIGSTOP)
        let still = (try? FileManager.default.contentsOfDirectory(atPath: outDir)) ?? []
        if still.contains(where: { $0.contains(".tmp-") }) {
          caught = true
          kill(pid, signal)
        }
        kill(pid, SIGCONT)
        waitpid(pid, &status, 0)
        if caught { #expect(status & 0x7f == signal, "wait status \(status)") }
        break
      }
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: outDir).filter { $0.contains(".tmp-") }
      #expect(leftovers.isEmpty, "left behind: \(leftovers)")
      try? FileManager.default.removeItem(atPath: outDir + "/out.csv")
    }
    #expect(caught, "the run never had its temporary file open while polled")
  }
}

/// Starts a program the way a shell does: no signal blocked, the stop signals at their defaults
/// (a child of Foundation's Process inherits the test runner's thread mask, which blocks them).
/// Its output goes to /dev/null.
private func spawnWithCleanSignals(_ path: String, _ arguments: [String]) throws -> pid_t {
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var empty = sigset_t()
  sigemptyset(&empty)
  posix_spawnattr_setsigmask(&attributes, &empty)
  var defaults = sigset_t()
  sigemptyset(&defaults)
  for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
  posix_spawnattr_setsigdefault(&attributes, &defaults)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  var pid: pid_t = 0
  let status = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
  guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
  return pid
}

/// `YYYY-MM-DD` of a day counted from 1970-01-01 (proleptic Gregorian).
private func civilDay(daysSince1970 days: Int) -> String {
  let z = days + 719468
  let era = (z >= 0 ? z : z - 146096) / 146097
  let doe = z - era * 146097
  let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
  let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
  let mp = (5 * doy + 2) / 153
  let d = doy - (153 * mp + 2) / 5 + 1
  let m = mp < 10 ? mp + 3 : mp - 9
  let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  func pad(_ v: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(v).count)) + String(v) }
  return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
}
