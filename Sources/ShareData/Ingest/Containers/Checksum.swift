// data.binance.vision puts a `<name>.CHECKSUM` beside every zip: `<sha256>  <name>` (sha256sum's
// form, sometimes without a final newline). When one is there the zip's SHA-256 must match it
// before anything is read: a damaged download is refused, not summed.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum Checksum {
  /// Checks `path` against `path.CHECKSUM` when that file exists; does nothing when it does not.
  static func verify(_ path: String) throws {
    let checksumPath = path + ".CHECKSUM"
    guard let text = try? readSmallFile(checksumPath) else { return }
    let expected = try expectedDigest(text, file: checksumPath)
    let found = try digest(of: path)
    guard found == expected else {
      throw ShareError.data(
        "the zip archive does not match its checksum: its SHA-256 is \(found), \(lastComponent(checksumPath)) says \(expected)",
        at: SourceLocation(file: path), expected: "the file the checksum was made for",
        hint: "download it again (a damaged or partial download); \(setting: .noVerify) reads it anyway")
    }
  }

  /// The first word of the checksum file: 64 hex digits.
  static func expectedDigest(_ text: String, file: String) throws -> String {
    let word = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).first ?? ""
    guard word.count == 64, word.allSatisfy(\.isHexDigit) else {
      throw ShareError.data(
        "not a checksum file: it starts with \(quoted(String(word.prefix(80))))",
        at: SourceLocation(file: file, line: 1),
        expected: "a SHA-256 line as sha256sum writes it: 64 hex digits, two spaces, the file name",
        hint: "\(setting: .noVerify) reads the zip without checking it")
    }
    return word.lowercased()
  }

  /// The SHA-256 of a file, read in chunks of 1 MiB.
  static func digest(of path: String) throws -> String {
    let file = try FileStream(path: path)
    var hash = SHA256()
    let chunk = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { chunk.deallocate() }
    while true {
      let got = try file.read(into: chunk, count: 1 << 20)
      if got == 0 { break }
      hash.update(UnsafeRawBufferPointer(start: chunk, count: got))
    }
    return hash.finish()
  }

  /// A file of at most 64 KiB as text; nil when it cannot be opened (there is no checksum).
  private static func readSmallFile(_ path: String) throws -> String? {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    let file = try FileStream(path: path)
    var bytes = [UInt8](repeating: 0, count: 65_536)
    let got = try bytes.withUnsafeMutableBytes { try file.read(into: $0.baseAddress!, count: 65_536) }
    return String(decoding: bytes[..<got], as: UTF8.self)
  }

  private static func lastComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
