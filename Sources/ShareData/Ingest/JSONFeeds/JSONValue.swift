// A parsed JSON document, as the feed readers walk it: every value knows its JSON path
// (`$.Data[3].volumefrom`), so an error says where in the file it is, what was found and what was
// expected. Foundation's JSONSerialization is not used: on Linux it returns `true` as a number 1, and
// a volume of `true` must be an error, not 1.

/// One JSON value. Numbers are Doubles (exact for integers up to 2^53: millisecond times fit).
enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// Parses `bytes` (JSONParser).
  static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue { try JSONParser.parse(bytes) }

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

/// A value and where it is in its file: the node a reader holds while it walks the document.
struct JSONNode {
  let value: JSONValue
  /// The path of the list or object this value is in ("" for the root).
  private let parent: String
  /// Where in its parent: an index or a member name. The path is put together only for a message:
  /// a reader walks millions of values and names one.
  private let step: Step
  let file: String
  /// false for an object's member that is not there (its value is then null).
  var present = true

  private enum Step {
    case root
    case index(Int)
    case key(String)
  }

  /// The whole document of `file`.
  init(root value: JSONValue, file: String) {
    self.init(value: value, parent: "", step: .root, file: file)
  }

  private init(value: JSONValue, parent: String, step: Step, file: String, present: Bool = true) {
    self.value = value
    self.parent = parent
    self.step = step
    self.file = file
    self.present = present
  }

  /// Item `index` of the list that is the whole document of `file` (`$[index]`).
  init(item value: JSONValue, at index: Int, file: String) {
    self.init(value: value, parent: "$", step: .index(index), file: file)
  }

  /// `$`, `$.Data`, `$.Data[3]`, `$.Data[3].volumefrom`, `$["a b"]`.
  var path: String {
    switch step {
    case .root: return "$"
    case .index(let index): return "\(parent)[\(index)]"
    case .key(let key):
      let plain = !key.isEmpty && key.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" }
      return plain ? "\(parent).\(key)" : "\(parent)[\(quoted(key))]"
    }
  }

  /// The member `key` of an object (null when absent: the caller says what it needed).
  subscript(key: String) -> JSONNode {
    var member: JSONValue?
    if case .object(let fields) = value { member = fields[key] }
    return JSONNode(value: member ?? .null, parent: path, step: .key(key), file: file, present: member != nil)
  }

  /// Whether this is an object with a member `key`.
  func has(_ key: String) -> Bool {
    if case .object(let fields) = value { return fields[key] != nil }
    return false
  }

  var items: [JSONNode]? {
    guard case .array(let items) = value else { return nil }
    let path = path
    return items.enumerated().map { JSONNode(value: $1, parent: path, step: .index($0), file: file) }
  }

  /// The value as a message names it; "missing" for an absent member.
  var shown: String { present ? value.shown : "missing" }

  /// The error for a value that is not what `expected` says.
  func wrong(_ what: Phrase, expected: Phrase, hint: Phrase? = nil) -> ShareError {
    ShareError.data("\(path) is \(what)", at: SourceLocation(file: file), expected: expected, hint: hint)
  }

  /// A list, or an error naming this path.
  func list(_ expected: @autoclosure () -> Phrase) throws -> [JSONNode] {
    guard let items else { throw wrong("\(shown), not a list", expected: expected()) }
    return items
  }

  /// A number of 0 or more (a volume, a price); a numeric string is read as its number (CCXT and
  /// CoinGecko write some numbers as strings). nil for null when `optional`.
  func amount(_ expected: @autoclosure () -> Phrase, optional: Bool = false) throws -> Double? {
    let number: Double?
    switch value {
    case .number(let value): number = value
    case .string(let text): number = try? DecimalParser.parse(text).get()
    case .null where optional: return nil
    default: number = nil
    }
    guard let number else { throw wrong("\(shown), not a number", expected: expected()) }
    guard number >= 0, number.isFinite else { throw wrong("negative: \(shown)", expected: expected()) }
    return number
  }

  /// A unix time in seconds: a number of seconds or milliseconds, told apart by magnitude as for
  /// CSV files (`TimeParser.millisecondsThreshold`); before 1970 or after 9999 is an error.
  func unixTime(_ expected: @autoclosure () -> Phrase) throws -> Int64 {
    guard case .number(let raw) = value else { throw wrong("\(shown), not a unix time", expected: expected()) }
    let seconds = TimeParser.isMilliseconds(raw) ? (raw / 1000).rounded(.down) : raw.rounded(.down)
    guard raw >= 0, seconds < 253_402_300_800 else {
      throw wrong("\(shown), out of range", expected: "\(expected()) between 1970 and year 9999")
    }
    return Int64(seconds)
  }
}

extension Character {
  fileprivate var isASCIILetter: Bool { isASCII && isLetter }
}
