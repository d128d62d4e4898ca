// `--out PATH` writes atomically (text, or the bytes of a PNG): the output goes to a temporary file beside the target, which is
// renamed over it only when complete. On any error no file appears and an existing one is untouched.
//
// What PATH already is decides how:
// - nothing, or a regular file: the atomic replacement. An existing file's permission bits (and,
//   where allowed, its owner and group) carry over to the new one. A file with other hard links is
//   replaced under this name only: the other names keep the previous content (a rename cannot
//   change an inode it does not own; writing in place would give up atomicity).
// - a symbolic link: the file it points to is replaced, the link stays a link.
// - a FIFO, a terminal or another device (`/dev/stdout`, `/dev/null`): written through, never
//   replaced; there is nothing to be atomic about.
// - a directory: an error.
// The temporary file is created safely (TemporaryFile.swift) and removed if the process is stopped
// by SIGINT, SIGTERM or SIGHUP while writing it (SignalCleanup.swift).

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum AtomicFile {
  /// Writes `text` (UTF-8) to `path`.
  public static func write(_ text: String, to path: String) throws {
    try write(bytes: Array(text.utf8), to: path)
  }

  /// Writes `bytes` (a PNG chart, say) to `path`, by the same steps as text.
  public static func write(bytes: [UInt8], to path: String) throws {
    var target = path
    var info = stat()
    var exists = lstat(target, &info) == 0
    if exists && (info.st_mode & S_IFMT) == S_IFLNK {
      // Follow the link to what it names; a link to nowhere creates the file it names.
      guard let resolved = resolveLink(target) else {
        throw ShareError(
          .outputNotCreated, "cannot create the output: \(path) is a symbolic link that cannot be followed",
          at: SourceLocation(file: path))
      }
      target = resolved
      exists = lstat(target, &info) == 0
    }
    if exists {
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        throw ShareError(
          .outputNotCreated, "cannot write the output: \(path) is a directory", at: SourceLocation(file: path))
      case S_IFREG: break
      default: return try writeThrough(bytes, to: target, shownAs: path)
      }
    }
    let directory = target.contains("/") ? String(target[..<target.lastIndex(of: "/")!]) : ""
    let base = target.split(separator: "/").last.map(String.init) ?? target
    let mode: mode_t = exists ? info.st_mode & 0o777 : 0o666
    let (temporary, fd) = try TemporaryFile.create(
      directory: directory.isEmpty && target.hasPrefix("/") ? "/" : directory, base: base, mode: mode)
    if exists {
      // The umask applied at creation; the output keeps exactly the old permissions and owner.
      if info.st_uid != geteuid() || info.st_gid != getegid() { _ = fchown(fd, info.st_uid, info.st_gid) }
      _ = fchmod(fd, mode)
    }
    var failed = bytes.withUnsafeBytes { writeAll(fd, $0) }
    if failed == nil && fsync(fd) != 0 { failed = errno }
    if close(fd) != 0 && failed == nil { failed = errno }
    if let failed {
      unlink(temporary)
      SignalCleanup.release()
      throw ShareError(
        .ioFailed, "writing the output failed: \(String(cString: strerror(failed)))", at: SourceLocation(file: path))
    }
    var renamed = false
    var reason: Int32 = 0
    SignalCleanup.withSignalsBlocked {
      renamed = rename(temporary, target) == 0
      reason = errno
      if renamed { SignalCleanup.release() }
    }
    if !renamed {
      defer { SignalCleanup.release() }
      if reason == EXDEV || reason == EBUSY {
        // The target is a mount point of its own (a bind-mounted file): no rename can reach it.
        // Copy the complete text in place instead.
        unlink(temporary)
        return try writeThrough(bytes, to: target, shownAs: path, truncate: true)
      }
      unlink(temporary)
      throw ShareError(
        .outputNotCreated, "cannot create the output: \(String(cString: strerror(reason)))",
        at: SourceLocation(file: path))
    }
  }

  /// Writes to an existing file that is not replaced: a FIFO, a device, a bind-mounted file.
  static func writeThrough(_ bytes: [UInt8], to target: String, shownAs path: String, truncate: Bool = false) throws {
    let fd = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY | (truncate ? O_TRUNC : 0))
    guard fd >= 0 else {
      throw ShareError(
        .outputNotCreated, "cannot open the output: \(String(cString: strerror(errno)))", at: SourceLocation(file: path)
      )
    }
    var failed = bytes.withUnsafeBytes { writeAll(fd, $0) }
    if close(fd) != 0 && failed == nil { failed = errno }
    if let failed {
      throw ShareError(
        .ioFailed, "writing the output failed: \(String(cString: strerror(failed)))", at: SourceLocation(file: path))
    }
  }

  /// The path a chain of symbolic links ends at (which need not exist), or nil for a loop.
  static func resolveLink(_ path: String) -> String? {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, buffer.count - 1)
      guard count >= 0 else { return nil }
      let destination = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if destination.hasPrefix("/") || !current.contains("/") {
        current = destination
      } else {
        current = String(current[...current.lastIndex(of: "/")!]) + destination
      }
    }
    return nil
  }
}

/// write(2) until every byte is out, retrying on EINTR; the errno of a failure, nil on success.
/// (Shared with the tool's standard output: the C stdio globals are not concurrency-safe in Swift 6.)
@discardableResult
public func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
  var offset = 0
  while offset < bytes.count {
    #if canImport(Glibc)
      let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
    #else
      let n = Darwin.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
    #endif
    if n < 0 {
      if errno == EINTR { continue }
      return errno
    }
    // A write that accepts nothing would loop for ever: call it what it is.
    if n == 0 { return EIO }
    offset += n
  }
  return nil
}
