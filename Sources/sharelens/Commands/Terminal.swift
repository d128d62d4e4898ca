// What the process knows about its terminal: whether a descriptor is one, and how wide it is.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum Terminal {
  static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// The terminal's width (TIOCGWINSZ, then $COLUMNS), or 80 when writing to a file or a pipe.
  static func columns(toFile: Bool) -> Int {
    if !toFile && isTerminal(1) {
      var size = winsize()
      if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 30 { return Int(size.ws_col) }
      if let text = environment("COLUMNS"), let value = Int(text), value >= 30 { return value }
    }
    return 80
  }
}
