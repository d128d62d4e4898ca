// .zip input (data.binance.vision ships every file as a zip). The central directory at the end
// lists the members with their sizes and CRC-32, so each member is read from its own offset in
// chunks, inflated (raw deflate) as it is read, and checked when it ends: a member whose data stops
// early, inflates to another size or fails its CRC is an error, never a short read. An archive
// without its end record (a truncated download) is refused before anything is read. Zip64 sizes
// and offsets (members over 4 GiB: a month of BTCUSDT trades) are read from their extra field.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One file inside a zip archive.
struct ZipMember: Sendable, Equatable {
  var name: String
  /// 0 stored, 8 deflated.
  var method: UInt16
  var flags: UInt16
  var crc: UInt32
  var compressedSize: Int64
  var size: Int64
  var headerOffset: Int64
}

/// An open zip file and its members (directories left out).
final class ZipArchive: @unchecked Sendable {
  let path: String
  let fd: Int32
  let fileSize: Int64
  private(set) var members: [ZipMember] = []

  /// Opens `path` and reads its central directory.
  init(path: String) throws {
    self.path = path
    let opened = open(path, O_RDONLY | O_CLOEXEC)
    guard opened >= 0 else {
      throw ShareError(
        .inputUnreadable, "cannot open input: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
    }
    fd = opened
    var info = stat()
    fstat(opened, &info)
    fileSize = Int64(info.st_size)
    members = try readDirectory()
  }

  /// Reads a zip that arrives on a pipe: its directory is at its end, so the bytes are first
  /// copied to an unnamed temporary file (removed from the file system at once, so nothing is left
  /// behind however the run ends), then read as a file would be.
  init(spooling stream: ByteStream, in folder: String = TemporarySpool.folder) throws {
    path = stream.name
    fd = try TemporarySpool.copy(stream, in: folder)
    var info = stat()
    fstat(fd, &info)
    fileSize = Int64(info.st_size)
    members = try readDirectory()
  }

  deinit { close(fd) }

  /// Exactly `count` bytes at `offset`, or an error saying the archive ends early.
  func bytes(at offset: Int64, count: Int) throws -> [UInt8] {
    guard offset >= 0, offset <= fileSize else { throw endsEarly("it points at byte \(offset), past its end") }
    var buffer = [UInt8](repeating: 0, count: count)
    let got = try buffer.withUnsafeMutableBytes { try read(into: $0.baseAddress!, count: count, at: offset) }
    guard got == count else { throw endsEarly("its data stops at byte \(offset + Int64(got))") }
    return buffer
  }

  /// Up to `count` bytes at `offset` (fewer only at the end of the file).
  func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int64) throws -> Int {
    var done = 0
    while done < count {
      let got = pread(fd, buffer + done, count - done, off_t(offset + Int64(done)))
      if got < 0 {
        if errno == EINTR { continue }
        throw ShareError(
          .ioFailed, "read failed: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
      }
      if got == 0 { break }
      done += got
    }
    return done
  }

  func endsEarly(_ why: String) -> ShareError {
    ShareError.data(
      "the zip archive ends early or is damaged: \(why)", at: SourceLocation(file: path),
      expected: "a complete zip archive", hint: "the download may be truncated: test it with unzip -t")
  }

  /// The end-of-central-directory record (and its Zip64 locator), then every directory entry.
  private func readDirectory() throws -> [ZipMember] {
    let tailSize = Int(min(fileSize, 65_557))
    let tail = try bytes(at: fileSize - Int64(tailSize), count: tailSize)
    guard tailSize >= 22,
      let end = stride(from: tailSize - 22, through: 0, by: -1).first(where: { tail.u32($0) == 0x0605_4B50 })
    else {
      throw endsEarly("it has no end-of-archive record")
    }
    var entries = Int64(tail.u16(end + 10))
    var directorySize = Int64(tail.u32(end + 12))
    var directoryOffset = Int64(tail.u32(end + 16))
    if end >= 20, tail.u32(end - 20) == 0x0706_4B50 {
      // Zip64: the locator points at the Zip64 end record, which holds the 8-byte fields.
      let record = try bytes(at: Int64(truncatingIfNeeded: tail.u64(end - 12)), count: 56)
      guard record.u32(0) == 0x0606_4B50 else { throw endsEarly("its Zip64 end record is missing") }
      entries = Int64(truncatingIfNeeded: record.u64(32))
      directorySize = Int64(truncatingIfNeeded: record.u64(40))
      directoryOffset = Int64(truncatingIfNeeded: record.u64(48))
    }
    guard directoryOffset >= 0, directorySize >= 0, directoryOffset <= fileSize - directorySize,
      directorySize <= 1 << 30
    else {
      throw endsEarly("its directory lies outside the file")
    }
    let directory = try bytes(at: directoryOffset, count: Int(directorySize))
    var members: [ZipMember] = []
    var at = 0
    for _ in 0..<entries {
      guard at + 46 <= directory.count, directory.u32(at) == 0x0201_4B50 else {
        throw endsEarly("its directory is cut short")
      }
      let nameLength = Int(directory.u16(at + 28))
      let extraLength = Int(directory.u16(at + 30))
      let commentLength = Int(directory.u16(at + 32))
      guard at + 46 + nameLength + extraLength + commentLength <= directory.count else {
        throw endsEarly("its directory is cut short")
      }
      var member = ZipMember(
        name: String(decoding: directory[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
        method: directory.u16(at + 10), flags: directory.u16(at + 8), crc: directory.u32(at + 16),
        compressedSize: Int64(directory.u32(at + 20)), size: Int64(directory.u32(at + 24)),
        headerOffset: Int64(directory.u32(at + 42)))
      readZip64(Array(directory[(at + 46 + nameLength)..<(at + 46 + nameLength + extraLength)]), into: &member)
      if !member.name.hasSuffix("/") { members.append(member) }
      at += 46 + nameLength + extraLength + commentLength
    }
    return members
  }

  /// Zip64's extra field (id 1) holds, in order, each of size, compressed size and offset whose
  /// 4-byte field is 0xFFFFFFFF.
  private func readZip64(_ extra: [UInt8], into member: inout ZipMember) {
    var at = 0
    while at + 4 <= extra.count {
      let id = extra.u16(at)
      let length = Int(extra.u16(at + 2))
      guard at + 4 + length <= extra.count else { return }
      if id == 1 {
        var field = at + 4
        func next(_ value: inout Int64) {
          guard value == 0xFFFF_FFFF, field + 8 <= at + 4 + length else { return }
          value = Int64(truncatingIfNeeded: extra.u64(field))
          field += 8
        }
        next(&member.size)
        next(&member.compressedSize)
        next(&member.headerOffset)
      }
      at += 4 + length
    }
  }
}

extension Array where Element == UInt8 {
  /// Little-endian integers at a byte offset (the caller has checked the bounds).
  func u16(_ at: Int) -> UInt16 { UInt16(self[at]) | UInt16(self[at + 1]) << 8 }
  func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
  func u64(_ at: Int) -> UInt64 { UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 }
}
