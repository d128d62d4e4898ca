// `--unit`: base, quote, or a currency code. A currency code counts every market's quote volume in
// that currency at the daily rates of `--rates` (ShareData's CurrencyConversion).

import ArgumentParser
import ShareData

/// What `--unit` names.
enum UnitArgument: Equatable, Sendable, ExpressibleByArgument, CustomStringConvertible {
  case base
  case quote
  /// A currency code (upper case): quote volumes converted into it.
  case currency(String)

  init?(argument: String) {
    switch argument.lowercased() {
    case "base": self = .base
    case "quote": self = .quote
    default:
      let code = argument.uppercased()
      guard (2...10).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
        return nil
      }
      self = .currency(code)
    }
  }

  var description: String {
    switch self {
    case .base: return "base"
    case .quote: return "quote"
    case .currency(let code): return code
    }
  }

  /// How the readers read volumes: a currency starts from the quote volume.
  var volumeUnit: VolumeUnit { self == .base ? .base : .quote }

  static var defaultCompletionKind: CompletionKind { .list(["base", "quote", "USD", "EUR"]) }
}
