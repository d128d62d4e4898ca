// The choices a caller makes about how to read and analyse data, named by what they mean. A
// message that depends on one (a column that is not there, a unit the file cannot give) names the
// setting, not a command-line flag: the library does not know how its caller spells it. The
// command line renders each setting as its flag; a library user gets the plain name.

/// A setting the caller chose, as named in messages.
public enum Setting: String, Sendable, CaseIterable {
  case layout
  /// The decimal mark of the inputs' numbers (point or comma).
  case decimalMark
  case timeColumn
  case valueColumn
  /// What the categories are (a column, pair, market, …).
  case grouping
  /// The long layout's category column, when named on its own (the old spelling of grouping).
  case categoryColumn
  /// The one category a trend, break search or report focuses on.
  case focusCategory
  case unit
  case duplicates
  case snapshotDate
  case include
  case exclude
  case timeout
  case from
  case to
  case map
  case unmapped
  /// The user's markets table (symbol → exchange, base, quote, instrument, contract size).
  case markets
  case top
  case every
  case events
  case strict
  case period
  case resamples
  case block
  case minSegment
  case maxBreaks
  /// Reading a zip without checking it against the `.CHECKSUM` beside it.
  case noVerify
  /// The daily exchange rates into the target currency of the unit.
  case rates
  /// Stablecoins counted as 1 USD.
  case peg

  /// The plain name a library user reads ("time column").
  public var name: String {
    switch self {
    case .timeColumn: return "time column"
    case .valueColumn: return "value column"
    case .categoryColumn: return "category column"
    case .focusCategory: return "category to analyse"
    case .snapshotDate: return "snapshot date"
    case .decimalMark: return "decimal mark"
    case .minSegment: return "minimum segment"
    case .maxBreaks: return "maximum breaks"
    case .noVerify: return "checksum verification off"
    case .include: return "row filter (include)"
    case .exclude: return "row filter (exclude)"
    default: return rawValue
    }
  }
}

/// Message text that may name settings. Written as a string literal with `\(setting:)`
/// interpolations, rendered with whatever names the reader knows the settings by.
public struct Phrase: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
  public enum Part: Sendable, Equatable {
    case text(String)
    /// A setting and, when it matters, the value it was given ("unit quote").
    case setting(Setting, value: String?)
  }

  public var parts: [Part]

  public init(_ text: String) { parts = [.text(text)] }

  public init(parts: [Part]) { self.parts = parts }

  public init(stringLiteral value: String) { parts = [.text(value)] }

  public init(stringInterpolation: Interpolation) { parts = stringInterpolation.parts }

  public struct Interpolation: StringInterpolationProtocol {
    var parts: [Part] = []

    public init(literalCapacity: Int, interpolationCount: Int) {}

    public mutating func appendLiteral(_ literal: String) { append(literal) }

    public mutating func appendInterpolation<T>(_ value: T) { append("\(value)") }

    public mutating func appendInterpolation(setting: Setting, _ value: String? = nil) {
      parts.append(.setting(setting, value: value))
    }

    mutating func append(_ text: String) {
      guard !text.isEmpty else { return }
      if case .text(let previous) = parts.last {
        parts[parts.count - 1] = .text(previous + text)
      } else {
        parts.append(.text(text))
      }
    }
  }

  /// The text with each setting spelled by `name` (a flag, on the command line).
  public func rendered(_ name: (Setting) -> String) -> String {
    parts.map { part in
      switch part {
      case .text(let text): return text
      case .setting(let setting, let value): return value.map { "\(name(setting)) \($0)" } ?? name(setting)
      }
    }.joined()
  }

  /// The text with each setting by its plain name.
  public var description: String { rendered(\.name) }

  /// Whether the text (settings by their plain names) contains `other`.
  public func contains(_ other: String) -> Bool { description.contains(other) }

  /// Whether the text names `setting` (with `value`, when given).
  public func names(_ setting: Setting, value: String? = nil) -> Bool {
    parts.contains { part in
      guard case .setting(let named, let given) = part, named == setting else { return false }
      return value == nil || given == value
    }
  }

  public static func + (lhs: Phrase, rhs: Phrase) -> Phrase {
    var result = Phrase(parts: [])
    for part in lhs.parts + rhs.parts {
      if case .text(let text) = part, case .text(let previous) = result.parts.last {
        result.parts[result.parts.count - 1] = .text(previous + text)
      } else {
        result.parts.append(part)
      }
    }
    return result
  }
}
