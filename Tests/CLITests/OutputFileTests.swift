// What `--out` does to what is already at its path, and who can interfere with its temporary file:
// rows O01–O07 of docs/errors.md ("Output files and streams").

import Foundation
import ShareData
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

let smallInput = "Time,a,b\n2016-01-01,1,3\n"
let smallOutputLine = "2016-01-01,2016-01-01,b,3,0.75,4,1,false"

func mode(_ path: String) -> mode_t {
  var info = stat()
  precondition(lstat(path, &info) == 0, "no \(path)")
  return info.st_mode
}

@Suite struct OutputFileTests {
  /// O01: another user who can write the directory plants symlinks under the temporary names a
  /// run would use (today `.out.csv.tmp-<pid>`, for the next few thousand PIDs); the victim file
  /// they point at must stay untouched and the output must be a regular file.
  @Test func plantedTemporarySymlinksAreNotFollowed() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", smallInput)
    let victim = dir.file("victim", "secret\n")
    let next =
      Int(
        (try? String(contentsOfFile: "/proc/sys/kernel/ns_last_pid", encoding: .utf8))?
          .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? Int(getpid())
    for pid in next..<(next + 3000) { symlink(victim, dir.path + "/.out.csv.tmp-\(pid)") }
    let out = dir.path + "/out.csv"
    let result = try runSharelens(["shares", input, "--format", "csv", "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "secret\n")
    #expect(mode(out) & S_IFMT == S_IFREG)
    #expect(try String(contentsOfFile: out, encoding: .utf8).contains(smallOutputLine))
  }

  /// O02: an existing 0600 output stays 0600 (it used to become 0644, readable by everyone).
  @Test func existingModeIsKept() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", smallInput)
    let out = dir.file("out.csv", "old\n")
    chmod(out, 0o600)
    let result = try runSharelens(["shares", input, "--format", "csv", "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(mode(out) & 0o7777 == 0o600)
    #expect(try String(contentsOfFile: out, encoding: .utf8).contains(smallOutputLine))
  }

  /// O03: `--out LINK` replaces the file the link points to; the link stays a link.
  @Test func symlinkTargetIsReplacedAndTheLinkKept() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", smallInput)
    try FileManager.default.createDirectory(atPath: dir.path + "/real", withIntermediateDirectories: true)
    let real = dir.file("real/out.csv", "old\n")
    let link = dir.path + "/link.csv"
    symlink("real/out.csv", link)
    let result = try runSharelens(["shares", input, "--format", "csv", "--out", link])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(mode(link) & S_IFMT == S_IFLNK)
    #expect(try String(contentsOfFile: real, encoding: .utf8).contains(smallOutputLine))
  }

  /// O04: a FIFO is written through, not replaced by a regular file.
  @Test func fifoIsWrittenThrough() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", smallInput)
    let fifo = dir.path + "/pipe"
    #expect(mkfifo(fifo, 0o600) == 0)
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    #expect(reader >= 0)
    defer { close(reader) }
    let result = try runSharelens(["shares", input, "--format", "csv", "--out", fifo])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(mode(fifo) & S_IFMT == S_IFIFO)
    var buffer = [UInt8](repeating: 0, count: 65536)
    let count = read(reader, &buffer, buffer.count)
    #expect(String(decoding: buffer[..<max(count, 0)], as: UTF8.self).contains(smallOutputLine))
  }

  /// O04: a character device (here a private copy of /dev/null, made when running as root) stays
  /// a device.
  @Test(.enabled(if: geteuid() == 0)) func characterDeviceIsWrittenThrough() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", smallInput)
    let device = dir.path + "/null"
    guard mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 else { return }
    let result = try runSharelens(["shares", input, "--format", "csv", "--out", device])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(mode(device) & S_IFMT == S_IFCHR)
  }

  /// O05: a hard-linked output is replaced under the name given; the other names keep the
  /// previous content (documented, not an accident).
  @Test func hardLinksKeepThePreviousContent() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", smallInput)
    let out = dir.file("out.csv", "old\n")
    let other = dir.path + "/other.csv"
    #expect(link(out, other) == 0)
    let result = try runSharelens(["shares", input, "--format", "csv", "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try String(contentsOfFile: out, encoding: .utf8).contains(smallOutputLine))
    #expect(try String(contentsOfFile: other, encoding: .utf8) == "old\n")
  }

  /// O06: a 250-byte file name works (the temporary name is shortened, not the output's).
  @Test func longOutputNameWorks() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", smallInput)
    let out = dir.path + "/" + String(repeating: "é", count: 123) + ".csv"  // 250 bytes
    let result = try runSharelens(["shares", input, "--format", "csv", "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try String(contentsOfFile: out, encoding: .utf8).contains(smallOutputLine))
  }

  /// O07: an output that is a mount point of its own (a bind-mounted file, as containers mount
  /// single files) cannot be renamed over; it is written in place instead of failing with
  /// "Invalid cross-device link". Needs root and mount rights; skipped otherwise.
  @Test(.enabled(if: geteuid() == 0)) func bindMountedOutputIsWrittenInPlace() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", smallInput)
    let source = dir.file("source.csv", "old\n")
    let out = dir.file("out.csv", "")
    let mounted = try runProcess("/bin/mount", ["--bind", source, out])
    guard mounted.status == 0 else { return }
    defer { _ = try? runProcess("/bin/umount", [out]) }
    let result = try runSharelens(["shares", input, "--format", "csv", "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try String(contentsOfFile: source, encoding: .utf8).contains(smallOutputLine))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)
  }
}
