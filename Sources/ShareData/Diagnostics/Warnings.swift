// Warnings are facts a user should know that do not stop the analysis: a TOTAL column that was
// left out, feed-gap rows read as missing, partial buckets. They go to standard error and never
// change the exit status, unless strict reading makes the first of them an error.

/// Something the input did that sharelens handled, and the user should hear about.
public struct Warning: Sendable, Equatable, CustomStringConvertible {
  /// What sort of thing happened, so callers can act on (or drop) a kind without reading text.
  public enum Kind: Sendable, Equatable {
    /// A column equal to the row sum was left out as a total.
    case totalColumnExcluded
    /// Rows with every value 0 were read as missing (feed gaps).
    case feedGapRows
    /// A bucket the data covers only in part.
    case partialBucket
    /// A period too short for a test.
    case shortPeriod
    /// Shares of 0 or 1 inside a logit analysis's window, clamped before the logit.
    case clampedShares
    /// Anything else.
    case other
  }

  public var kind: Kind
  public var location: SourceLocation?
  public var message: String

  public init(_ kind: Kind = .other, _ message: String, at location: SourceLocation? = nil) {
    self.kind = kind
    self.message = message
    self.location = location
  }

  public var description: String {
    if let location { return "\(location): \(message)" }
    return message
  }
}

/// Collects warnings in the order they happen; with `strict` the first one is thrown instead.
public struct WarningLog: Sendable {
  public private(set) var warnings: [Warning] = []
  public var strict: Bool

  public init(strict: Bool = false) {
    self.strict = strict
  }

  public mutating func add(_ warning: Warning) throws {
    if strict {
      throw ShareError(
        .badData, Phrase(warning.message) + " (an error because of \(setting: .strict))", at: warning.location)
    }
    warnings.append(warning)
  }

  public mutating func append(contentsOf other: [Warning]) throws {
    for warning in other { try add(warning) }
  }
}
