// A parsed JSON document, as the feed readers walk it: every value knows its JSON path
// (`$.Data[3].volumefrom`), so an error says where in the file it is, what was found and what was
// expected. Foundation's JSONSerialization is not used: on Linux it returns `true` as a number 1, and
// a volume of `true` must be an error, not 1.

import Foundation

/// One JSON value. Numbers are Doubles (exact for integers up to 2^53: millisecond times fit).
enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// Parses `bytes`; an invalid document throws the decoder's error.
  static func parse(_ bytes: [UInt8]) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
  }

  /// No feed nests deeper than a few levels (CryptoCompare v2: 4; a CCXT trade's `info`, a few more).
  /// The decoder's cost grows with the square of the depth (0.6 s at 300 levels in debug), so a
  /// deeper file is refused before it is decoded.
  static let maximumDepth = 64

  /// Whether brackets outside strings nest deeper than `maximumDepth` anywhere in `bytes`.
  static func nestsTooDeep(_ bytes: [UInt8]) -> Bool {
    var depth = 0
    var inString = false
    var escaped = false
    for byte in bytes {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        if depth > maximumDepth { return true }
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      default: break
      }
    }
    return false
  }

  /// How a value is named in a message: its kind, and short values themselves.
  var shown: String {
    switch self {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .number(let value): return formatted(value)
    case .string(let text): return "the string \(quoted(text))"
    case .array(let items): return "a list of \(items.count)"
    case .object: return "an object"
    }
  }
}

extension JSONValue: Decodable {
  /// Scalars are tried in turn; an array or an object, once seen, is decoded without a retry, so a
  /// bad value deep inside fails once (trying each kind at every level would take 2^depth tries).
  init(from decoder: any Decoder) throws {
    if let scalar = try? decoder.singleValueContainer() {
      if scalar.decodeNil() {
        self = .null
        return
      }
      if let value = try? scalar.decode(Bool.self) {
        self = .bool(value)
        return
      }
      if let value = try? scalar.decode(Double.self) {
        self = .number(value)
        return
      }
      if let value = try? scalar.decode(String.self) {
        self = .string(value)
        return
      }
    }
    if var list = try? decoder.unkeyedContainer() {
      var items: [JSONValue] = []
      while !list.isAtEnd { items.append(try list.decode(JSONValue.self)) }
      self = .array(items)
      return
    }
    let object = try decoder.container(keyedBy: AnyKey.self)
    var fields: [String: JSONValue] = [:]
    for key in object.allKeys { fields[key.stringValue] = try object.decode(JSONValue.self, forKey: key) }
    self = .object(fields)
  }

  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}

/// A value and where it is in its file: the node a reader holds while it walks the document.
struct JSONNode {
  let value: JSONValue
  /// `$`, `$.Data`, `$.Data[3]`, `$.Data[3].volumefrom`.
  let path: String
  let file: String
  /// false for an object's member that is not there (its value is then null).
  var present = true

  /// The whole document of `file`.
  init(root value: JSONValue, file: String) {
    self.init(value: value, path: "$", file: file)
  }

  init(value: JSONValue, path: String, file: String, present: Bool = true) {
    self.value = value
    self.path = path
    self.file = file
    self.present = present
  }

  /// The member `key` of an object (null when absent: the caller says what it needed).
  subscript(key: String) -> JSONNode {
    var member: JSONValue?
    if case .object(let fields) = value { member = fields[key] }
    let plain = key.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" } && !key.isEmpty
    return JSONNode(
      value: member ?? .null, path: plain ? "\(path).\(key)" : "\(path)[\(quoted(key))]", file: file,
      present: member != nil)
  }

  /// Whether this is an object with a member `key`.
  func has(_ key: String) -> Bool {
    if case .object(let fields) = value { return fields[key] != nil }
    return false
  }

  var items: [JSONNode]? {
    guard case .array(let items) = value else { return nil }
    return items.enumerated().map { JSONNode(value: $1, path: "\(path)[\($0)]", file: file) }
  }

  /// The value as a message names it; "missing" for an absent member.
  var shown: String { present ? value.shown : "missing" }

  /// The error for a value that is not what `expected` says.
  func wrong(_ what: Phrase, expected: Phrase, hint: Phrase? = nil) -> ShareError {
    ShareError.data("\(path) is \(what)", at: SourceLocation(file: file), expected: expected, hint: hint)
  }

  /// A list, or an error naming this path.
  func list(_ expected: Phrase) throws -> [JSONNode] {
    guard let items else { throw wrong("\(shown), not a list", expected: expected) }
    return items
  }

  /// A number of 0 or more (a volume, a price); a numeric string is read as its number (CCXT and
  /// CoinGecko write some numbers as strings). nil for null when `optional`.
  func amount(_ expected: Phrase, optional: Bool = false) throws -> Double? {
    let number: Double?
    switch value {
    case .number(let value): number = value
    case .string(let text): number = try? DecimalParser.parse(text).get()
    case .null where optional: return nil
    default: number = nil
    }
    guard let number else { throw wrong("\(shown), not a number", expected: expected) }
    guard number >= 0, number.isFinite else { throw wrong("negative: \(shown)", expected: expected) }
    return number
  }

  /// A unix time in seconds: a number of seconds or milliseconds, told apart by magnitude as for
  /// CSV files (`TimeParser.millisecondsThreshold`); before 1970 or after 9999 is an error.
  func unixTime(_ expected: Phrase) throws -> Int64 {
    guard case .number(let raw) = value else { throw wrong("\(shown), not a unix time", expected: expected) }
    let seconds = TimeParser.isMilliseconds(raw) ? (raw / 1000).rounded(.down) : raw.rounded(.down)
    guard raw >= 0, seconds < 253_402_300_800 else {
      throw wrong("\(shown), out of range", expected: "\(expected) between 1970 and year 9999")
    }
    return Int64(seconds)
  }
}

extension Character {
  fileprivate var isASCIILetter: Bool { isASCII && isLetter }
}
