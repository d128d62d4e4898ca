// What the paths on the command line open to: a file is one input; a zip archive one input per
// member (its checksum verified first when one lies beside it); a directory every file under it
// that sharelens reads, in sorted order so a run is the same on every machine. Each input keeps its
// full path as its name, so the same file name in two folders (spot and futures/um) is two inputs
// with two markets, never one file twice.

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An input ready to be read: its stream, a way to read it again from the start (plain files and
/// zip members, for the parallel reader), and its size on disk.
struct OpenedInput {
  var stream: ByteStream
  var reopen: (() throws -> ByteStream)?
  var size: Int?
}

enum InputFiles {
  /// The file endings a directory's files are read by (case-insensitive); others are skipped. Not
  /// `.txt`: a folder of data often holds a README or notes, which are no input.
  static let readableEndings = [".csv", ".tsv", ".gz", ".zip", ".json"]

  /// Opens every path; `verify` checks each zip against its `.CHECKSUM`.
  static func open(_ paths: [String], verify: Bool) throws -> [OpenedInput] {
    var opened: [OpenedInput] = []
    for path in paths {
      for file in try files(at: path) {
        opened += try openFile(file, verify: verify)
      }
    }
    return opened
  }

  /// `path` itself, or the readable files under it when it is a directory.
  static func files(at path: String) throws -> [String] {
    var info = stat()
    guard path != "-", stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return [path] }
    let base = path.hasSuffix("/") ? String(path.dropLast()) : path
    let found = (FileManager.default.subpaths(atPath: path) ?? []).filter { relative in
      let lower = relative.lowercased()
      return !relative.split(separator: "/").contains { $0.hasPrefix(".") }
        && readableEndings.contains { lower.hasSuffix($0) } && isRegularFile(base + "/" + relative)
    }
    guard !found.isEmpty else {
      throw ShareError(
        .inputUnreadable, "this is a directory with no file sharelens reads in it", at: SourceLocation(file: path),
        hint: "sharelens reads \(readableEndings.joined(separator: ", ")) files under a directory named as input")
    }
    // Byte order of the UTF-8 paths: the same on every machine and locale.
    return found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { base + "/" + $0 }
  }

  static func openFile(_ path: String, verify: Bool) throws -> [OpenedInput] {
    if path == "-" { return try openStandardInput() }
    guard isZip(path) else {
      let (stream, reopen, size) = try openInputOnce(path)
      return [OpenedInput(stream: stream, reopen: reopen, size: size)]
    }
    if verify { try Checksum.verify(path) }
    return try members(of: try ZipArchive(path: path))
  }

  /// Standard input: a zip (told by its first bytes) is spooled and read member by member, a gzip
  /// stream inflated, anything else read as it comes. No checksum can lie beside a pipe.
  static func openStandardInput() throws -> [OpenedInput] {
    let peeked = PeekedStream(try FileStream(path: "-"))
    let head = try peeked.peek(4)
    if isZipMagic(head) { return try members(of: try ZipArchive(spooling: peeked)) }
    let stream: ByteStream = head.starts(with: [0x1F, 0x8B]) ? try GzipStream(source: peeked) : peeked
    return [OpenedInput(stream: stream, reopen: nil, size: nil)]
  }

  private static func members(of archive: ZipArchive) throws -> [OpenedInput] {
    guard !archive.members.isEmpty else {
      throw ShareError.data(
        "the zip archive holds no file", at: SourceLocation(file: archive.path),
        expected: "a zip with a CSV file in it")
    }
    // A member is read again from its start by a stream of its own (the parallel reader's), and its
    // size is its compressed size, as its stream's `consumed` counts.
    return archive.members.map { member in
      OpenedInput(
        stream: ZipMemberStream(archive: archive, member: member),
        reopen: { ZipMemberStream(archive: archive, member: member) }, size: Int(member.compressedSize))
    }
  }

  /// A zip is told by its first bytes: a local header (PK 03 04) or an empty archive's end (PK 05 06).
  static func isZip(_ path: String) -> Bool {
    #if canImport(Glibc)
      let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
    #else
      let fd = Darwin.open(path, O_RDONLY | O_CLOEXEC)
    #endif
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var magic = [UInt8](repeating: 0, count: 4)
    guard pread(fd, &magic, 4, 0) == 4 else { return false }
    return isZipMagic(magic)
  }

  static func isZipMagic(_ magic: [UInt8]) -> Bool {
    magic.count == 4 && magic[0] == 0x50 && magic[1] == 0x4B && (magic[2...3] == [3, 4] || magic[2...3] == [5, 6])
  }

  private static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }
}
