// A pipe can only be read once and from its start, but a zip is read from its end (the central
// directory). A zip on standard input is therefore copied to a temporary file first. The file is
// unlinked as soon as it is created, so an interrupted run leaves nothing in the temporary folder;
// its space is freed when the descriptor closes.

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum TemporarySpool {
  /// The folder temporary copies go to: TMPDIR, or /tmp.
  static var folder: String {
    ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
  }

  /// Copies all of `stream` into an unlinked temporary file in `folder` and returns its descriptor.
  static func copy(_ stream: ByteStream, in folder: String = folder) throws -> Int32 {
    var template = Array((folder + "/.sharelens-stdin-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw failure("cannot create a temporary file in \(folder)", stream) }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    do {
      try pour(stream, into: fd)
    } catch {
      close(fd)
      throw error
    }
    return fd
  }

  private static func pour(_ stream: ByteStream, into fd: Int32) throws {
    let size = 1 << 20
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let got = try stream.read(into: buffer, count: size)
      if got == 0 { return }
      var done = 0
      while done < got {
        let wrote = write(fd, buffer + done, got - done)
        if wrote < 0 && errno == EINTR { continue }
        guard wrote > 0 else { throw failure("cannot copy the zip to a temporary file", stream) }
        done += wrote
      }
    }
  }

  private static func failure(_ what: String, _ stream: ByteStream) -> ShareError {
    ShareError(
      .ioFailed, "\(what): \(String(cString: strerror(errno)))", at: SourceLocation(file: stream.name),
      hint: "a zip on standard input is kept in TMPDIR while it is read; give the zip's path instead, or set TMPDIR")
  }
}
