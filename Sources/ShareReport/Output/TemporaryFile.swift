// The temporary file `--out` writes before renaming it into place. Another user who can write the
// output directory must not be able to choose what it is: the name ends in 12 random characters
// (62^12 ≈ 3 × 10^21 guesses), and it is created with O_CREAT | O_EXCL | O_NOFOLLOW, so a planted
// file or symlink of that name makes the open fail (and a new name is drawn) instead of being
// followed. It is created with the mode the output will have, so it is never readable by more
// people than the output.

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum TemporaryFile {
  /// The longest file name Linux and macOS file systems accept, in bytes.
  static let nameLimit = 255
  static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)

  /// `.BASE.tmp-XXXXXXXXXXXX` in `directory` ("" for the current one), BASE cut short (at a
  /// character boundary) when the whole name would pass the file system's 255-byte limit.
  static func randomName(directory: String, base: String) -> String {
    var generator = SystemRandomNumberGenerator()
    let suffix =
      ".tmp-" + String(decoding: (0..<12).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self)
    var kept = ""
    var bytes = 1 + suffix.utf8.count
    for character in base {
      let size = character.utf8.count
      if bytes + size > nameLimit { break }
      kept.append(character)
      bytes += size
    }
    return (directory.isEmpty ? "" : directory + "/") + "." + kept + suffix
  }

  /// Creates a new temporary file beside the output; its path and a descriptor open for writing.
  /// The path is registered for removal on SIGINT, SIGTERM and SIGHUP until
  /// `SignalCleanup.release()` is called.
  static func create(directory: String, base: String, mode: mode_t) throws -> (path: String, fd: Int32) {
    SignalCleanup.installOnce()
    for _ in 0..<100 {
      let path = randomName(directory: directory, base: base)
      var fd: Int32 = -1
      var failure: Int32 = 0
      // Registered in the same breath as it is created: no signal can fall between the two, and
      // a name that was taken (someone else's file) is never registered for removal.
      SignalCleanup.withSignalsBlocked {
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        if fd >= 0 { SignalCleanup.register(path) } else { failure = errno }
      }
      if fd >= 0 { return (path, fd) }
      if failure == EEXIST || failure == ELOOP || failure == EINTR { continue }
      throw ShareError(
        .outputNotCreated, "cannot create the output: \(String(cString: strerror(failure)))",
        at: SourceLocation(file: directory.isEmpty ? base : directory + "/" + base),
        hint: directory.isEmpty ? nil : "does the directory \(directory) exist and is it writable?")
    }
    throw ShareError(
      .outputNotCreated, "cannot create the output: 100 temporary names in a row were taken",
      at: SourceLocation(file: directory.isEmpty ? base : directory + "/" + base),
      hint: "someone else is creating files in \(directory.isEmpty ? "." : directory)")
  }
}
