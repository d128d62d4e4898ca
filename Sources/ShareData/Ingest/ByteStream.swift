// Where input bytes come from: a file, or standard input for `-`. Reading is by plain read(2)
// into the scanner's own buffer, so memory stays bounded by the chunk size whatever the input.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A source of bytes read in chunks.
public protocol ByteStream: AnyObject {
  /// The name shown in messages: the path as the user typed it, or `<stdin>`.
  var name: String { get }
  /// Fills up to `count` bytes; returns 0 at the end of the input.
  func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int
  /// Bytes taken from the underlying file so far (compressed bytes for a .gz), for progress.
  var consumed: Int { get }
}

/// A file (or standard input) read with read(2).
public final class FileStream: ByteStream {
  public let name: String
  private let fd: Int32
  private let ownsDescriptor: Bool
  public private(set) var consumed = 0
  /// Positional reads from here (a duplicate made by `reopened()`); nil reads at the file offset.
  private var position: Int64?

  /// Opens `path` for reading; `-` is standard input. Missing, unreadable and directory paths are
  /// `noInput` errors (exit 66), as sysexits asks.
  public init(path: String) throws {
    if path == "-" {
      name = "<stdin>"
      fd = 0
      ownsDescriptor = false
      return
    }
    name = path
    let opened = open(path, O_RDONLY | O_CLOEXEC)
    guard opened >= 0 else {
      let failure = errno
      if failure == ENOENT && path.unicodeScalars.contains("\u{FFFD}") {
        // Swift hands a program its arguments as Strings: bytes that are not UTF-8 arrive as U+FFFD,
        // so the name sharelens got is not the file's. Say that rather than "no such file".
        throw ShareError(
          .inputUnreadable,
          "cannot open input: the file name is not valid UTF-8 (shown with �), so it reached sharelens changed",
          at: SourceLocation(file: path),
          hint: "rename the file to UTF-8 (convmv -f latin1 -t utf8), or pass it as standard input: sharelens - < FILE")
      }
      let reason = failure == ENOENT ? "no such file" : String(cString: strerror(failure))
      throw ShareError(.inputUnreadable, "cannot open input: \(reason)", at: SourceLocation(file: path))
    }
    var info = stat()
    if fstat(opened, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      close(opened)
      throw ShareError(
        .inputUnreadable, "this is a directory, not a file", at: SourceLocation(file: path),
        hint: "name the CSV files inside it, e.g. \(path)/*.csv")
    }
    fd = opened
    ownsDescriptor = true
  }

  private init(name: String, duplicating fd: Int32) throws {
    self.name = name
    let copy = dup(fd)
    guard copy >= 0 else {
      throw ShareError(
        .ioFailed, "cannot read the input again: \(String(cString: strerror(errno)))", at: SourceLocation(file: name))
    }
    self.fd = copy
    ownsDescriptor = true
    position = 0
  }

  /// The same open file read again from its start, through its own descriptor: never the path
  /// again, which may name another file by now (a dump replaced while it is read).
  public func reopened() throws -> FileStream { try FileStream(name: name, duplicating: fd) }

  /// Whether the parallel reader may map this file (`mapped()`); tests read the same files both ways.
  public var mayMap = true

  /// The file, to be mapped a block at a time, for a stream at the start of a regular file that
  /// has not been read from yet (a reopened one); nil otherwise (MappedFile.swift).
  func mapped() -> MappedFile? {
    guard mayMap, position == 0, consumed == 0, let size, size > 0 else { return nil }
    return MappedFile(fd: fd, count: size)
  }

  /// The open file's size, when it is a regular file.
  public var size: Int? {
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(info.st_size)
  }

  public func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
    while true {
      let got: Int
      if let position {
        got = pread(fd, buffer, count, off_t(position))
      } else {
        #if canImport(Glibc)
          got = Glibc.read(fd, buffer, count)
        #else
          got = Darwin.read(fd, buffer, count)
        #endif
      }
      if got >= 0 {
        consumed += got
        if let position { self.position = position + Int64(got) }
        return got
      }
      if errno == EINTR { continue }
      if errno == EISDIR {
        throw ShareError(.inputUnreadable, "this is a directory, not a file", at: SourceLocation(file: name))
      }
      throw ShareError(
        .ioFailed, "read failed: \(String(cString: strerror(errno)))", at: SourceLocation(file: name))
    }
  }

  deinit {
    if ownsDescriptor { close(fd) }
  }
}

/// Bytes already in memory (tests, and inputs assembled by the caller).
public final class MemoryStream: ByteStream {
  public let name: String
  private let bytes: [UInt8]
  private var offset = 0
  public var consumed: Int { offset }

  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }

  public convenience init(name: String, text: String) {
    self.init(name: name, bytes: Array(text.utf8))
  }

  public func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
    let n = min(count, bytes.count - offset)
    if n > 0 {
      bytes.withUnsafeBytes { source in
        buffer.copyMemory(from: source.baseAddress! + offset, byteCount: n)
      }
      offset += n
    }
    return n
  }
}
