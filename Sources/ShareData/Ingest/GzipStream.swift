// .csv.gz input: zlib inflate in streaming mode, so a multi-GB dump is never held in memory.
// `inflateInit2` is a macro Swift cannot see; `inflateInit2_` with 15 + 32 window bits accepts
// gzip and zlib headers. Concatenated gzip members (as `cat a.gz b.gz` makes) are read in turn.

import CZlib

public final class GzipStream: ByteStream {
  public let name: String
  private let source: ByteStream
  private var stream = z_stream()
  private var input: UnsafeMutablePointer<UInt8>
  private let inputSize = 1 << 20
  private var finished = false
  private var sourceDone = false

  public var consumed: Int { source.consumed }

  public init(source: ByteStream) throws {
    self.source = source
    name = source.name
    input = .allocate(capacity: inputSize)
    let status = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else {
      input.deallocate()
      throw ShareError(
        .ioFailed, "cannot start decompression (zlib status \(status))", at: SourceLocation(file: source.name))
    }
  }

  deinit {
    inflateEnd(&stream)
    input.deallocate()
  }

  public func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
    if finished { return 0 }
    stream.next_out = buffer.assumingMemoryBound(to: UInt8.self)
    stream.avail_out = UInt32(min(count, Int(UInt32.max)))
    while stream.avail_out > 0 {
      if stream.avail_in == 0 && !sourceDone {
        let got = try source.read(into: input, count: inputSize)
        if got == 0 {
          sourceDone = true
        } else {
          stream.next_in = input
          stream.avail_in = UInt32(got)
        }
      }
      if stream.avail_in == 0 && sourceDone {
        // A stream that stops before its end is a truncated download, not an empty file.
        if stream.total_in > 0 && !finished {
          throw ShareError.data(
            "the compressed data ends early", at: SourceLocation(file: name),
            expected: "a complete gzip file", hint: "the download may be truncated: test it with gzip -t")
        }
        break
      }
      let status = inflate(&stream, Z_NO_FLUSH)
      if status == Z_STREAM_END {
        // Another gzip member may follow.
        if stream.avail_in == 0 {
          let got = try source.read(into: input, count: inputSize)
          if got == 0 {
            finished = true
            break
          }
          stream.next_in = input
          stream.avail_in = UInt32(got)
        }
        inflateReset(&stream)
        continue
      }
      guard status == Z_OK || status == Z_BUF_ERROR else {
        let reason = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        throw ShareError.data(
          "cannot decompress: \(reason)", at: SourceLocation(file: name), expected: "gzip-compressed CSV",
          hint: "is the file really .gz? test it with gzip -t")
      }
      if status == Z_BUF_ERROR && stream.avail_in == 0 && sourceDone { break }
    }
    return count - Int(stream.avail_out)
  }
}

/// Opens a path as bytes: `-` is standard input; gzip is decompressed when the bytes say so (magic
/// 1F 8B), whatever the name: `.GZ`, a category map or an events file, a gzip file named `.csv` (which
/// got a hint about iconv), standard input. Every reader of a file goes through here.
public func openInput(_ path: String) throws -> ByteStream {
  let file = PeekedStream(try FileStream(path: path))
  if try file.peek(2) == [0x1F, 0x8B] { return try GzipStream(source: file) }
  return file
}

/// Opens a path once: the stream, a way to read the same open file again from its start (for the
/// parallel reader's second pass; nil for standard input), and the file's size. The path is looked
/// up once, so a file replaced in between is never mixed with the one opened.
public func openInputOnce(_ path: String) throws -> (
  stream: ByteStream, reopen: (() throws -> ByteStream)?, size: Int?
) {
  let file = try FileStream(path: path)
  let peeked = PeekedStream(file)
  let gzip = try peeked.peek(2) == [0x1F, 0x8B]
  let stream: ByteStream = gzip ? try GzipStream(source: peeked) : peeked
  guard path != "-" else { return (stream, nil, nil) }
  let reopen = { () throws -> ByteStream in
    let again = try file.reopened()
    return gzip ? try GzipStream(source: again) : again
  }
  return (stream, reopen, file.size)
}

/// A stream whose first bytes can be looked at before they are read.
final class PeekedStream: ByteStream {
  private let source: ByteStream
  private var head: [UInt8] = []
  var name: String { source.name }
  var consumed: Int { source.consumed }

  init(_ source: ByteStream) {
    self.source = source
  }

  /// Up to `count` first bytes (fewer at the end of a short input), kept for the reads that follow.
  func peek(_ count: Int) throws -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: count)
    while head.count < count {
      let got = try buffer.withUnsafeMutableBytes { try source.read(into: $0.baseAddress!, count: count - head.count) }
      if got == 0 { break }
      head += buffer[..<got]
    }
    return head
  }

  func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
    guard head.isEmpty else {
      let n = min(count, head.count)
      head.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: n) }
      head.removeFirst(n)
      return n
    }
    return try source.read(into: buffer, count: count)
  }
}
