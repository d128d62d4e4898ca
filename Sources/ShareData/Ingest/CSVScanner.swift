// A byte-level CSV scanner (RFC 4180 plus what real exports do): LF, CRLF and CR-only line ends,
// a UTF-8 byte order mark, quoted fields with doubled quotes and embedded line breaks, blank lines,
// no final newline. It reads the input in chunks into one buffer and hands out each record as
// field ranges inside that buffer: no String, Array or Dictionary is made per row.

/// Scans records from a byte stream. A record's fields are valid until the next call to `next()`.
public final class CSVScanner {
  /// The input's name for messages.
  public let name: String
  /// Longest record accepted; beyond it the input is not a CSV file we can use.
  public let maxRecordBytes: Int

  private let stream: ByteStream
  private let chunkSize: Int
  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var length = 0
  private var position = 0
  private var atEnd = false
  private var startedStream = false

  /// The line the scanner is at (1-based; a record with a quoted line break spans several).
  private var line = 1
  /// The line on which the current record starts.
  public private(set) var recordLine = 0
  /// 1-based count of records handed out, blank lines excluded.
  public private(set) var recordIndex = 0

  private var fieldStarts: UnsafeMutablePointer<Int>
  private var fieldEnds: UnsafeMutablePointer<Int>
  private var fieldEscaped: UnsafeMutablePointer<Bool>
  private var fieldCapacity = 64
  public private(set) var fieldCount = 0

  /// Unescaped copy of a quoted field holding doubled quotes; reused for every such field.
  private var scratch: [UInt8] = []

  private var mark: (position: Int, line: Int, recordIndex: Int)?
  /// Called after each read from the stream (progress reporting).
  public var onRead: (() -> Void)?

  /// The field delimiter: comma until `settleDelimiter` sniffs or is told another.
  public private(set) var delimiter = Delimiter.comma
  /// Bytes that end an unquoted field: the delimiter, LF, CR, NUL.
  private var stops = CSVScanner.stops(for: .comma)

  private static func stops(for delimiter: Delimiter) -> [Bool] {
    var table = [Bool](repeating: false, count: 256)
    for byte in [delimiter.byte, 0x0A, 0x0D, 0x00] { table[Int(byte)] = true }
    return table
  }

  public init(stream: ByteStream, chunkSize: Int = 4 << 20, maxRecordBytes: Int = 16 << 20) {
    self.stream = stream
    self.name = stream.name
    self.chunkSize = chunkSize
    self.maxRecordBytes = maxRecordBytes
    // Start small (most inputs are small files) and grow by doubling up to the chunk size.
    capacity = min(chunkSize, 64 << 10)
    buffer = .allocate(capacity: capacity)
    fieldStarts = .allocate(capacity: fieldCapacity)
    fieldEnds = .allocate(capacity: fieldCapacity)
    fieldEscaped = .allocate(capacity: fieldCapacity)
  }

  deinit {
    buffer.deallocate()
    fieldStarts.deallocate()
    fieldEnds.deallocate()
    fieldEscaped.deallocate()
  }

  // MARK: Records

  private enum Outcome { case record, needMore }

  /// Advances to the next non-blank record. Returns false at the end of the input.
  public func next() throws -> Bool {
    if !startedStream { try start() }
    while true {
      if position >= length {
        if atEnd { return false }
        try refill(keepingFrom: position)
        continue
      }
      switch try scanRecord() {
      case .needMore:
        try refill(keepingFrom: position)
      case .record:
        if isBlankRecord { continue }
        recordIndex += 1
        return true
      }
    }
  }

  /// A line with nothing on it, or only spaces, is skipped: exports often end with one.
  private var isBlankRecord: Bool {
    guard fieldCount == 1, !fieldEscaped[0] else { return false }
    var i = fieldStarts[0]
    while i < fieldEnds[0] {
      if buffer[i] != 0x20 && buffer[i] != 0x09 { return false }
      i += 1
    }
    return fieldStarts[0] == 0 || buffer[fieldStarts[0] - 1] != UInt8(ascii: "\"")
  }

  private func start() throws {
    startedStream = true
    try refill(keepingFrom: 0)
    if length >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
  }

  /// Scans one record starting at `position`. On `.needMore`, nothing is committed.
  // hot loop: runs once per record on the serial path; its quote/CR/field state lives in locals so
  // a record costs no calls, and splitting the state machine would pass that state through them.
  private func scanRecord() throws -> Outcome {
    let stops = self.stops
    let delimiter = self.delimiter.byte
    var p = position
    var lineHere = line
    var count = 0
    let end = length
    let quote = UInt8(ascii: "\"")

    fields: while true {
      if count == fieldCapacity { growFields() }
      if p == end {
        // Input ends inside a record (no final newline) or right after a trailing comma.
        if !atEnd { return .needMore }
        fieldStarts[count] = p
        fieldEnds[count] = p
        fieldEscaped[count] = false
        count += 1
        break fields
      }
      if buffer[p] == quote {
        let openLine = lineHere
        p += 1
        let contentStart = p
        var escaped = false
        while true {
          if p == end {
            if !atEnd { return .needMore }
            throw ShareError.data(
              "unterminated quoted field: the quote opened here is never closed",
              at: SourceLocation(file: name, line: openLine, column: count + 1),
              expected: "a closing \" before the end of the file")
          }
          let c = buffer[p]
          if c == quote {
            if p + 1 == end && !atEnd { return .needMore }
            if p + 1 < end && buffer[p + 1] == quote {
              escaped = true
              p += 2
              continue
            }
            break
          }
          if c == 0x0A {
            lineHere += 1
          } else if c == 0x0D {
            if p + 1 == end && !atEnd { return .needMore }
            if !(p + 1 < end && buffer[p + 1] == 0x0A) { lineHere += 1 }
          } else if c == 0 {
            throw nulError(line: lineHere, column: count + 1)
          }
          p += 1
        }
        fieldStarts[count] = contentStart
        fieldEnds[count] = p
        fieldEscaped[count] = escaped
        count += 1
        p += 1  // the closing quote
        if p < end {
          let c = buffer[p]
          if c != delimiter && c != 0x0A && c != 0x0D {
            throw ShareError.data(
              "text after a closing quote",
              at: SourceLocation(file: name, line: lineHere, column: count),
              expected: "a \(self.delimiter.rawValue) or the end of the line after a quoted field",
              hint: "a quote inside a quoted field is written twice: \"\"")
          }
        } else if !atEnd {
          return .needMore
        }
      } else {
        let fieldStart = p
        while p < end && !stops[Int(buffer[p])] { p += 1 }
        if p == end && !atEnd { return .needMore }
        fieldStarts[count] = fieldStart
        fieldEnds[count] = p
        fieldEscaped[count] = false
        count += 1
      }
      if p == end { break fields }
      switch buffer[p] {
      case delimiter:
        p += 1
        continue fields
      case 0x0A:
        p += 1
        break fields
      case 0x0D:
        if p + 1 == end && !atEnd { return .needMore }
        p += (p + 1 < end && buffer[p + 1] == 0x0A) ? 2 : 1
        break fields
      default:
        throw nulError(line: lineHere, column: count)
      }
    }
    if p - position > maxRecordBytes { throw tooLong(line: line) }
    recordLine = line
    line = lineHere + 1
    position = p
    fieldCount = count
    return .record
  }

  private func nulError(line: Int, column: Int) -> ShareError {
    ShareError.data(
      "NUL byte in the input", at: SourceLocation(file: name, line: line, column: column),
      expected: "text: this looks like a binary file",
      hint: "is the file compressed or in UTF-16? sharelens reads UTF-8 CSV")
  }

  private func tooLong(line: Int) -> ShareError {
    ShareError.data(
      "a record longer than \(maxRecordBytes >> 20) MiB starts here",
      at: SourceLocation(file: name, line: line),
      expected: "CSV records of reasonable length",
      hint: "check the line endings and quotes: an unclosed quote swallows the rest of the file")
  }

  /// Moves the unread part (from `keepingFrom`, or the mark) to the front and reads more.
  private func refill(keepingFrom from: Int) throws {
    let keep = min(from, mark?.position ?? from)
    let tail = length - keep
    if keep > 0 {
      if tail > 0 { buffer.update(from: buffer + keep, count: tail) }
      position -= keep
      if let m = mark { mark = (m.position - keep, m.line, m.recordIndex) }
      for i in 0..<fieldCount {
        fieldStarts[i] -= keep
        fieldEnds[i] -= keep
      }
      length = tail
    }
    if capacity - length < chunkSize / 2 {
      if length - (position) > maxRecordBytes { throw tooLong(line: line) }
      let newCapacity = capacity * 2
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      grown.update(from: buffer, count: length)
      buffer.deallocate()
      buffer = grown
      capacity = newCapacity
    }
    var filled = 0
    while length < capacity {
      let got = try stream.read(into: buffer + length, count: capacity - length)
      if got == 0 {
        atEnd = true
        break
      }
      length += got
      filled += got
      if filled >= chunkSize / 2 { break }
    }
    onRead?()
  }

  private func growFields() {
    let newCapacity = fieldCapacity * 2
    func grow<T>(_ old: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
      let new = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
      new.moveInitialize(from: old, count: fieldCapacity)
      old.deallocate()
      return new
    }
    fieldStarts = grow(fieldStarts)
    fieldEnds = grow(fieldEnds)
    fieldEscaped = grow(fieldEscaped)
    fieldCapacity = newCapacity
  }

  // MARK: Delimiter

  /// Settles the field delimiter before the first record: `forced` if given, else the one that
  /// splits the first lines consistently (`Delimiter.sniff`, over the first buffer of up to 64 KiB).
  public func settleDelimiter(_ forced: Delimiter?) throws {
    if !startedStream { try start() }
    let chosen =
      forced
      ?? Delimiter.sniff(UnsafeBufferPointer(start: buffer + position, count: length - position), isWholeInput: atEnd)
    delimiter = chosen
    stops = Self.stops(for: chosen)
  }

  /// Whether the input has no bytes at all.
  public func isEmptyInput() throws -> Bool {
    if !startedStream { try start() }
    return length == 0 && atEnd
  }

  /// The input's first byte that is not a space or a line end (JSON is told by it).
  func firstNonBlank() throws -> UInt8? {
    if !startedStream { try start() }
    var i = position
    while i < length, [0x20, 0x09, 0x0A, 0x0D].contains(buffer[i]) { i += 1 }
    return i < length ? buffer[i] : nil
  }

  /// The next bytes of the input, what is buffered first; empty at its end. A JSON list is read
  /// chunk by chunk (JSONItems), so a big file is never held whole.
  public func nextChunk(_ size: Int = 1 << 20) throws -> [UInt8] {
    if !startedStream { try start() }
    if position < length {
      defer { position = length }
      return Array(UnsafeBufferPointer(start: buffer + position, count: length - position))
    }
    guard !atEnd else { return [] }
    var chunk = [UInt8](repeating: 0, count: size)
    let got = try chunk.withUnsafeMutableBufferPointer { try stream.read(into: $0.baseAddress!, count: $0.count) }
    if got == 0 { atEnd = true }
    chunk.removeSubrange(got...)
    return chunk
  }

  // MARK: Marking (layout detection reads ahead, then rewinds)

  /// Remembers the current position so `rewind()` can return to it.
  public func setMark() throws {
    if !startedStream { try start() }
    mark = (position, line, recordIndex)
  }

  /// Returns to the mark; the records after it will be read again.
  public func rewind() {
    guard let m = mark else { return }
    position = m.position
    line = m.line
    recordIndex = m.recordIndex
    fieldCount = 0
    mark = nil
  }

  // MARK: Fields

  /// Calls `body` with the bytes of field `index` (quotes removed, doubled quotes undone).
  /// The bytes are valid only inside `body`.
  @inline(__always)
  public func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let start = fieldStarts[index]
    let end = fieldEnds[index]
    if !fieldEscaped[index] {
      return try body(UnsafeBufferPointer(start: buffer + start, count: end - start))
    }
    scratch.removeAll(keepingCapacity: true)
    var i = start
    while i < end {
      scratch.append(buffer[i])
      i += buffer[i] == UInt8(ascii: "\"") ? 2 : 1
    }
    return try scratch.withUnsafeBufferPointer { try body($0) }
  }

  /// Whether field `index` is empty (an empty cell).
  @inline(__always)
  public func isEmpty(_ index: Int) -> Bool {
    fieldStarts[index] == fieldEnds[index]
  }

  /// Field `index` as a String; invalid UTF-8 is a data error naming the place.
  public func string(_ index: Int, columnName: String? = nil) throws -> String {
    try withField(index) { bytes in
      guard let text = String(validating: bytes, as: UTF8.self) else {
        throw ShareError.data(
          "invalid UTF-8 text", at: location(column: index + 1, name: columnName),
          expected: "UTF-8 text", hint: "convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8")
      }
      return text
    }
  }

  /// Every field of the current record as Strings (headers and samples only, never the hot path).
  public func strings() throws -> [String] {
    try (0..<fieldCount).map { try string($0) }
  }

  /// The location of the current record, for messages.
  public func location(column: Int? = nil, name columnName: String? = nil) -> SourceLocation {
    SourceLocation(file: name, line: recordLine, column: column, columnName: columnName)
  }
}
