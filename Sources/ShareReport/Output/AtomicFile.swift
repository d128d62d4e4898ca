// `--out PATH` writes atomically: the text goes to a temporary file beside the target, which is
// renamed over it only when complete. On any error no file appears and an existing one is untouched.

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum AtomicFile {
  public static func write(_ text: String, to path: String) throws {
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
      let reason = String(cString: strerror(errno))
      throw ShareError(
        .outputNotCreated, "cannot create the output: \(reason)", at: SourceLocation(file: path),
        hint: directory == "." ? nil : "does the directory \(directory) exist and is it writable?")
    }
    var copy = text
    var failed = copy.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
    if failed == nil && fsync(fd) != 0 { failed = errno }
    if close(fd) != 0 && failed == nil { failed = errno }
    if let failed {
      unlink(temporary)
      throw ShareError(
        .ioFailed, "writing the output failed: \(String(cString: strerror(failed)))", at: SourceLocation(file: path))
    }
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw ShareError(.outputNotCreated, "cannot create the output: \(reason)", at: SourceLocation(file: path))
    }
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
    offset += n
  }
  return nil
}
