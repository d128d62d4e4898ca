// JSON (RFC 8259) from bytes into a JSONValue, in one pass with no backtracking. It replaces
// JSONDecoder, which read a 7 MB freqtrade file at about 1 MB/s in a debug build (each value was
// tried as null, Bool, Double and String before an array, and a failed try builds an error), took
// time growing with the square of the nesting depth, and on Linux says only "not valid JSON" with
// no place. Here an error has its line and column. Numbers go through DecimalParser, so a JSON
// number reads as the same Double as in a CSV file.

/// Where and why a document is not JSON.
struct JSONSyntaxError: Error, Equatable {
  var message: String
  var line: Int
  var column: Int
  /// The byte the error is at, from the start of what was parsed.
  var offset = 0
}

struct JSONParser {
  /// No feed nests deeper than a few levels (CryptoCompare v2: 4; a CCXT trade's `info`, a few more);
  /// the limit keeps the recursion's stack small whatever the input.
  static let maximumDepth = 64

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0

  private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// Parses a whole document (a UTF-8 byte order mark first is skipped).
  static func parse(_ data: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    let result: Result<JSONValue, JSONSyntaxError> = data.withUnsafeBufferPointer { buffer in
      var parser = JSONParser(buffer)
      if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
      do throws(JSONSyntaxError) {
        let value = try parser.value()
        parser.skipSpace()
        if parser.index < buffer.count { throw parser.failure("more after the end of the JSON value") }
        return .success(value)
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// One value at `start` in `bytes` (spaces before it skipped), `depth` lists deep, and the index
  /// just past it: a list read item by item (JSONItems) parses each item with this.
  static func value(
    in bytes: UnsafeBufferPointer<UInt8>, at start: Int, depth: Int
  ) throws(JSONSyntaxError) -> (JSONValue, Int) {
    var parser = JSONParser(bytes)
    parser.index = start
    parser.depth = depth
    let value = try parser.value()
    return (value, parser.index)
  }

  private func failure(_ message: String) -> JSONSyntaxError {
    var line = 1
    var lineStart = 0
    for i in 0..<min(index, bytes.count) where bytes[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    return JSONSyntaxError(message: message, line: line, column: index - lineStart + 1, offset: index)
  }

  private var found: String {
    guard index < bytes.count else { return "the end of the file" }
    let byte = bytes[index]
    return byte >= 0x21 && byte < 0x7F ? "\"\(Character(UnicodeScalar(byte)))\"" : "byte 0x\(String(byte, radix: 16))"
  }

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private mutating func value() throws(JSONSyntaxError) -> JSONValue {
    skipSpace()
    guard index < bytes.count else { throw failure("a value was expected, found the end of the file") }
    switch bytes[index] {
    case UInt8(ascii: "["): return try list()
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try word("true", .bool(true))
    case UInt8(ascii: "f"): return try word("false", .bool(false))
    case UInt8(ascii: "n"): return try word("null", .null)
    default: return .number(try number())
    }
  }

  private mutating func word(_ text: StaticString, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
    let count = text.utf8CodeUnitCount
    let expected = UnsafeBufferPointer(start: text.utf8Start, count: count)
    guard index + count <= bytes.count, bytes[index..<index + count].elementsEqual(expected) else {
      throw failure("a value was expected, found \(found)")
    }
    index += count
    return value
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > JSONParser.maximumDepth { throw failure("nested deeper than \(JSONParser.maximumDepth) levels") }
    index += 1
  }

  private mutating func list() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    var items: [JSONValue] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return .array(items)
    }
    while true {
      items.append(try value())
      skipSpace()
      guard index < bytes.count else { throw failure("\",\" or \"]\" was expected, found the end of the file") }
      if bytes[index] == UInt8(ascii: "]") { break }
      guard bytes[index] == UInt8(ascii: ",") else { throw failure("\",\" or \"]\" was expected, found \(found)") }
      index += 1
    }
    index += 1
    depth -= 1
    return .array(items)
  }

  private mutating func object() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    var fields: [String: JSONValue] = [:]
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return .object(fields)
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw failure("a member name in quotes was expected, found \(found)")
      }
      let key = try string()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw failure("\":\" was expected, found \(found)")
      }
      index += 1
      fields[key] = try value()
      skipSpace()
      guard index < bytes.count else { throw failure("\",\" or \"}\" was expected, found the end of the file") }
      if bytes[index] == UInt8(ascii: "}") { break }
      guard bytes[index] == UInt8(ascii: ",") else { throw failure("\",\" or \"}\" was expected, found \(found)") }
      index += 1
    }
    index += 1
    depth -= 1
    return .object(fields)
  }

  /// A number by JSON's grammar: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
  private mutating func number() throws(JSONSyntaxError) -> Double {
    let start = index
    func digits(_ parser: inout JSONParser) -> Int {
      let from = parser.index
      while parser.index < parser.bytes.count, parser.bytes[parser.index] &- 0x30 < 10 { parser.index += 1 }
      return parser.index - from
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    let whole = index
    guard digits(&self) > 0 else {
      index = start
      throw failure("a value was expected, found \(found)")
    }
    if bytes[whole] == UInt8(ascii: "0"), index - whole > 1 {
      index = whole
      throw failure("a number with a leading zero")
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits(&self) > 0 else { throw failure("digits were expected after the decimal point") }
    }
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard digits(&self) > 0 else { throw failure("digits were expected in the exponent") }
    }
    switch DecimalParser.parse(UnsafeBufferPointer(rebasing: bytes[start..<index])) {
    case .success(let value): return value
    case .failure:
      index = start
      throw failure("a number too large for a double")
    }
  }

  /// A string; `index` is at its opening quote. Invalid UTF-8 and lone surrogates become U+FFFD.
  private mutating func string() throws(JSONSyntaxError) -> String {
    index += 1
    let start = index
    // Most strings hold no escape: one scan, one copy.
    while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
      guard bytes[index] >= 0x20 else { throw failure("a control character inside a string") }
      index += 1
    }
    var text = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\"") { return String(decoding: text, as: UTF8.self) }
      guard byte >= 0x20 else {
        index -= 1
        throw failure("a control character inside a string")
      }
      guard byte == UInt8(ascii: "\\") else {
        text.append(byte)
        continue
      }
      guard index < bytes.count else { break }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
      case UInt8(ascii: "b"): text.append(0x08)
      case UInt8(ascii: "f"): text.append(0x0C)
      case UInt8(ascii: "n"): text.append(0x0A)
      case UInt8(ascii: "r"): text.append(0x0D)
      case UInt8(ascii: "t"): text.append(0x09)
      case UInt8(ascii: "u"): text += String(try unicodeEscape()).utf8
      default:
        index -= 2
        throw failure("an unknown escape in a string")
      }
    }
    throw failure("a string without its closing quote")
  }

  /// The character of `\uXXXX` (`index` after the `u`), with a following low surrogate if any.
  private mutating func unicodeEscape() throws(JSONSyntaxError) -> Character {
    let high = try hex4()
    if (0xD800..<0xDC00).contains(high), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
      bytes[index + 1] == UInt8(ascii: "u")
    {
      let mark = index
      index += 2
      let low = try hex4()
      if (0xDC00..<0xE000).contains(low) {
        return Character(UnicodeScalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!)
      }
      index = mark
    }
    return Character(UnicodeScalar(high) ?? "\u{FFFD}")
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    var code: UInt32 = 0
    for _ in 0..<4 {
      guard index < bytes.count, let digit = hexDigit(bytes[index]) else {
        throw failure("four hexadecimal digits were expected after \\u")
      }
      code = code << 4 | digit
      index += 1
    }
    return code
  }

  private func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case 0x30...0x39: return UInt32(byte - 0x30)
    case 0x41...0x46: return UInt32(byte - 0x41 + 10)
    case 0x61...0x66: return UInt32(byte - 0x61 + 10)
    default: return nil
    }
  }
}
