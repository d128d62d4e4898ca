// `--out PATH` for binary output (a PNG chart), with the same steps as AtomicFile.write for text:
// a temporary file beside the target, written in full, fsync'd, then renamed over it; on any error
// no file appears and an existing one is untouched. Kept beside AtomicFile.swift, which is being
// hardened on its own branch: when it takes bytes, this file goes and callers keep their call.

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension AtomicFile {
  public static func write(bytes: [UInt8], to path: String) throws {
    let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
    let base = path.split(separator: "/").last.map(String.init) ?? path
    let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(base).tmp-\(getpid())"
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw ShareError(
        .outputNotCreated, "cannot write the output: \(path) is a directory", at: SourceLocation(file: path))
    }
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw ShareError(
        .outputNotCreated, Phrase("cannot create the output: \(String(cString: strerror(errno)))"),
        at: SourceLocation(file: path),
        hint: directory == "." ? nil : Phrase("does the directory \(directory) exist and is it writable?"))
    }
    var failed = bytes.withUnsafeBytes { writeAll(fd, $0) }
    if failed == nil && fsync(fd) != 0 { failed = errno }
    if close(fd) != 0 && failed == nil { failed = errno }
    if failed == nil && rename(temporary, path) != 0 { failed = errno }
    if let failed {
      unlink(temporary)
      throw ShareError(
        .ioFailed, Phrase("writing the output failed: \(String(cString: strerror(failed)))"),
        at: SourceLocation(file: path))
    }
  }
}
