// Standard output checked like a file: a write that fails or stops short (a full disk, `>/dev/full`,
// a closed descriptor) is an I/O error (status 74) with the reason, never a silent exit 0 with a
// truncated result. A reader that went away (`| head`) is not an error: the process ends quietly by
// SIGPIPE, as it does by default, even when SIGPIPE was ignored and the write failed with EPIPE.

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum StandardStream {
  public static func write(_ text: String, to fd: Int32 = 1) throws {
    var copy = text
    guard let failure = copy.withUTF8({ writeAll(fd, UnsafeRawBufferPointer($0)) }) else { return }
    if failure == EPIPE {
      signal(SIGPIPE, nil)  // SIG_DFL
      var set = sigset_t()
      sigemptyset(&set)
      sigaddset(&set, SIGPIPE)
      pthread_sigmask(SIG_UNBLOCK, &set, nil)
      raise(SIGPIPE)
    }
    let name = fd == 1 ? "standard output" : "descriptor \(fd)"
    throw ShareError(
      .ioFailed, "writing to \(name) failed: \(String(cString: strerror(failure)))",
      hint: failure == ENOSPC ? "the disk is full; the output is incomplete" : nil)
  }
}
