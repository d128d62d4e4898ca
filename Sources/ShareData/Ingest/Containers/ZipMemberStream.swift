// One member of a zip archive as a byte stream: its compressed bytes read from the archive in
// chunks of 1 MiB and inflated (raw deflate, window bits -15) or copied (stored) into the reader's
// buffer. When the member's compressed bytes are used up, the data must have ended, inflated to the
// size the directory gives, with its CRC-32: anything else is an error naming the member.

import CZlib

final class ZipMemberStream: ByteStream {
  let name: String
  private let archive: ZipArchive
  private let member: ZipMember
  private var stream = z_stream()
  private var started = false
  private var ended = false
  /// The deflate stream has ended (zlib said Z_STREAM_END).
  private var inflateEnded = false
  private var input: UnsafeMutablePointer<UInt8>?
  private let inputSize = 1 << 20
  /// Where the member's next compressed byte is in the archive, and how many are left.
  private var offset: Int64 = 0
  private var remaining: Int64 = 0
  private var produced: Int64 = 0
  private var crc: UInt = 0
  private(set) var consumed = 0

  /// `name` is the archive's path and the member's (`…/BTCUSDT-trades-2024-01.zip/BTCUSDT-trades-2024-01.csv`).
  init(archive: ZipArchive, member: ZipMember) {
    self.archive = archive
    self.member = member
    name = archive.path + "/" + member.name
  }

  deinit {
    if started && member.method == 8 { inflateEnd(&stream) }
    input?.deallocate()
  }

  /// The member's local header: where its data starts (the local name and extra may differ in
  /// length from the directory's).
  private func start() throws {
    guard member.flags & 1 == 0 else { throw damaged("it is encrypted") }
    guard member.method == 0 || member.method == 8 else {
      throw damaged("its compression method \(member.method) is not stored (0) or deflate (8)")
    }
    let header = try archive.bytes(at: member.headerOffset, count: 30)
    guard header.u32(0) == 0x0403_4B50 else { throw archive.endsEarly("\(member.name) has no local header") }
    offset = member.headerOffset + 30 + Int64(header.u16(26)) + Int64(header.u16(28))
    remaining = member.compressedSize
    guard remaining >= 0, offset <= archive.fileSize - remaining else {
      throw archive.endsEarly("\(member.name) runs past the end of the file")
    }
    input = .allocate(capacity: inputSize)
    if member.method == 8 {
      let status = inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
      guard status == Z_OK else { throw damaged("zlib could not start (status \(status))") }
    }
    started = true
  }

  func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
    if ended { return 0 }
    if !started { try start() }
    let out = buffer.assumingMemoryBound(to: UInt8.self)
    let got = member.method == 8 ? try inflated(into: out, count: count) : try stored(into: out, count: count)
    crc = crc32(crc, out, UInt32(got))
    produced += Int64(got)
    if got == 0 {
      ended = true
      try check()
    }
    return got
  }

  private func refill() throws -> Int {
    try stored(into: input!, count: inputSize)
  }

  /// Up to `count` of the member's remaining raw bytes (its data as stored, compressed or not).
  private func stored(into out: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
    let want = Int(min(Int64(count), remaining))
    guard want > 0 else { return 0 }
    let got = try archive.read(into: out, count: want, at: offset)
    guard got == want else { throw archive.endsEarly("\(member.name) is cut short") }
    offset += Int64(got)
    remaining -= Int64(got)
    consumed += got
    return got
  }

  private func inflated(into out: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
    if inflateEnded { return 0 }
    stream.next_out = out
    stream.avail_out = UInt32(min(count, Int(UInt32.max)))
    while stream.avail_out > 0 {
      if stream.avail_in == 0 {
        let got = try refill()
        if got == 0 {
          throw archive.endsEarly("the compressed data of \(member.name) stops before its end")
        }
        stream.next_in = input
        stream.avail_in = UInt32(got)
      }
      let status = inflate(&stream, Z_NO_FLUSH)
      if status == Z_STREAM_END {
        inflateEnded = true
        break
      }
      guard status == Z_OK else {
        let reason = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        throw damaged("it does not inflate: \(reason)")
      }
    }
    return count - Int(stream.avail_out)
  }

  /// At the end: all compressed bytes used, the size and the CRC-32 the directory gives.
  private func check() throws {
    if member.method == 8 && (stream.avail_in > 0 || remaining > 0) {
      throw damaged("bytes follow the end of its compressed data")
    }
    guard produced == member.size else {
      throw damaged("it holds \(produced) bytes, its directory entry says \(member.size)")
    }
    guard UInt32(truncatingIfNeeded: crc) == member.crc else {
      throw damaged("its CRC-32 does not match: the data is corrupt")
    }
  }

  private func damaged(_ why: String) -> ShareError {
    ShareError.data(
      "cannot read \(member.name) in the zip archive: \(why)", at: SourceLocation(file: archive.path),
      expected: "a complete, uncorrupted zip archive", hint: "download it again; test it with unzip -t")
  }
}
