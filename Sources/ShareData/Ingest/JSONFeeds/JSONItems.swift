// A JSON document that is one list (CCXT trades and bars, CoinGecko charts, Bitfinex and Coinbase
// trades) is read item by item from a window over the input, never whole: a million trades saved
// by CCXT (73 MB) took 453 MB as one parsed tree. Each item is parsed from the window; an item the
// window cuts short fails near the window's end, and is parsed again once more bytes are in. The
// bytes before the current item are dropped as the window moves on, and syntax errors still name
// the line and column in the whole file.

struct JSONItems {
  let file: String
  private let scanner: CSVScanner
  /// How many bytes the window takes from the input at a time.
  private let chunk: Int
  private var window: [UInt8] = []
  /// Where the next item (or the separator before it) starts in `window`.
  private var position = 0
  private var atEnd = false
  /// Lines before the window, and the bytes of its first line that lie before it.
  private var linesBefore = 0
  private var columnBefore = 0
  private var peeked: JSONNode?
  private var closed = false
  /// Items read so far.
  private(set) var count = 0
  /// The bytes held now (tests check it stays bounded).
  var windowSize: Int { window.count }

  /// Reads up to the list's opening bracket.
  init(scanner: CSVScanner, file: String, chunk: Int = 1 << 20) throws {
    self.scanner = scanner
    self.file = file
    self.chunk = chunk
    try skipSpace()
    if window[position...].starts(with: [0xEF, 0xBB, 0xBF]) {
      position += 3
      try skipSpace()
    }
    guard position < window.count, window[position] == UInt8(ascii: "[") else {
      throw syntax("a list was expected, found \(found)", at: position)
    }
    position += 1
  }

  /// The first item without reading past it (nil for an empty list).
  mutating func first() throws -> JSONNode? {
    if peeked == nil && count == 0 { peeked = try read() }
    return peeked
  }

  /// The next item; nil after the last, once the rest of the input is checked to be only spaces.
  mutating func next() throws -> JSONNode? {
    if let item = peeked {
      peeked = nil
      return item
    }
    return try read()
  }

  private mutating func read() throws -> JSONNode? {
    guard !closed else { return nil }
    try skipSpace()
    guard position < window.count else { throw syntax("\",\" or \"]\" was expected, found the end of the file") }
    if window[position] == UInt8(ascii: "]") {
      position += 1
      closed = true
      try skipSpace()
      guard position == window.count else { throw syntax("more after the end of the JSON value", at: position) }
      return nil
    }
    if count > 0 {
      guard window[position] == UInt8(ascii: ",") else {
        throw syntax("\",\" or \"]\" was expected, found \(found)", at: position)
      }
      position += 1
    }
    let value = try item()
    count += 1
    return JSONNode(item: value, at: count - 1, file: file)
  }

  /// Parses one item; a failure close to the window's end (or an item that ends exactly there, such
  /// as a number that may go on) is tried again with more bytes.
  private mutating func item() throws -> JSONValue {
    while true {
      let start = position
      let parsed: Result<(JSONValue, Int), JSONSyntaxError> = window.withUnsafeBufferPointer { bytes in
        do throws(JSONSyntaxError) {
          return .success(try JSONParser.value(in: bytes, at: start, depth: 1))
        } catch {
          return .failure(error)
        }
      }
      switch parsed {
      case .success(let (value, end)) where end < window.count || atEnd:
        position = end
        return value
      case .failure(let error) where atEnd || error.offset + 8 < window.count:
        throw syntax(error.message, at: error.offset)
      default:
        try more()
      }
    }
  }

  private mutating func skipSpace() throws {
    while true {
      while position < window.count, [0x20, 0x09, 0x0A, 0x0D].contains(window[position]) { position += 1 }
      if position < window.count || atEnd { return }
      try more()
    }
  }

  /// Drops what has been read and appends the input's next chunk.
  private mutating func more() throws {
    let done = window[..<position]
    if let last = done.lastIndex(of: 0x0A) {
      linesBefore += done.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
      columnBefore = position - last - 1
    } else {
      columnBefore += position
    }
    window.removeSubrange(..<position)
    position = 0
    let chunk = try scanner.nextChunk(chunk)
    if chunk.isEmpty { atEnd = true } else { window += chunk }
  }

  private var found: String {
    guard position < window.count else { return "the end of the file" }
    let byte = window[position]
    return byte >= 0x21 && byte < 0x7F ? "\"\(Character(UnicodeScalar(byte)))\"" : "byte 0x\(String(byte, radix: 16))"
  }

  /// A syntax error at `offset` in the window, placed by line and column in the whole file.
  private func syntax(_ message: String, at offset: Int? = nil) -> ShareError {
    let offset = offset ?? window.count
    let before = window[..<min(offset, window.count)]
    let newlines = before.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    let column = before.lastIndex(of: 0x0A).map { offset - $0 } ?? columnBefore + offset + 1
    return JSONFeedReader.notJSON(message, file: file, line: linesBefore + newlines + 1, column: column)
  }
}

extension CSVScanner {
  /// Whether the input's first non-blank byte is `{` or `[`: JSON, not a CSV file.
  public func startsWithJSON() throws -> Bool {
    let first = try firstNonBlank()
    return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
  }

  /// Whether the input's first non-blank byte opens a JSON list.
  func startsWithJSONList() throws -> Bool { try firstNonBlank() == UInt8(ascii: "[") }

  /// The rest of the input as one array (a JSON object, which is parsed whole).
  func remainingBytes() throws -> [UInt8] {
    var bytes: [UInt8] = []
    while case let chunk = try nextChunk(), !chunk.isEmpty { bytes += chunk }
    return bytes
  }
}
