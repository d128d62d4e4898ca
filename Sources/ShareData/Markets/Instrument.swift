// What is traded on a market: spot, a perpetual swap or a dated future, and for contracts whether
// they are margined in the quote (linear) or in the base (inverse). Each part is known only when a
// symbol, a file's folder or the user's markets table says so.

/// The kind of contract a market trades.
public enum InstrumentKind: String, Sendable, Hashable, CaseIterable {
  case spot
  case perpetual
  case future
}

/// How a contract is margined and settled: in the quote asset (linear: a contract is an amount of
/// the base) or in the base asset (inverse: a contract is an amount of the quote).
public enum Margin: String, Sendable, Hashable, CaseIterable {
  case linear
  case inverse
}

/// A market's instrument: its kind, and for contracts the margin and (futures) the expiry.
public struct Instrument: Sendable, Hashable, CustomStringConvertible {
  public var kind: InstrumentKind
  /// nil when not known (and always for spot).
  public var margin: Margin?
  /// The expiry day of a dated future.
  public var expiry: CivilDate?

  public init(_ kind: InstrumentKind, margin: Margin? = nil, expiry: CivilDate? = nil) {
    self.kind = kind
    self.margin = kind == .spot ? nil : margin
    self.expiry = kind == .future ? expiry : nil
  }

  public static let spot = Instrument(.spot)

  /// Reads `spot`, `perpetual`, `future`, optionally with `linear`/`inverse` and an expiry
  /// `YYYY-MM-DD`, in any order, separated by spaces (as `description` writes them); nil when a
  /// word is none of these.
  public init?(parsing text: String) {
    var kind: InstrumentKind?
    var margin: Margin?
    var expiry: CivilDate?
    let words = text.lowercased().split(separator: " ")
    for word in words {
      if let k = InstrumentKind(rawValue: String(word)) ?? (word == "perp" || word == "swap" ? .perpetual : nil) {
        guard kind == nil else { return nil }
        kind = k
      } else if let m = Margin(rawValue: String(word)) {
        guard margin == nil else { return nil }
        margin = m
      } else if let date = CivilDate(iso: String(word)) {
        guard expiry == nil else { return nil }
        expiry = date
      } else {
        return nil
      }
    }
    if expiry != nil, kind == nil { kind = .future }
    guard let kind, expiry == nil || kind == .future, margin == nil || kind != .spot else { return nil }
    self.init(kind, margin: margin, expiry: expiry)
  }

  /// `spot`, `perpetual linear`, `future inverse 2024-03-29`; an unknown margin is left out.
  public var description: String {
    [kind.rawValue, margin?.rawValue, expiry?.description].compactMap { $0 }.joined(separator: " ")
  }
}

extension CivilDate {
  /// `YYYY-MM-DD`, a real calendar day; nil otherwise.
  init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(validYear: year, month: month, day: day)
  }

  /// A real calendar day; nil for month 13 or February 30.
  init?(validYear year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), (1...CivilDate.daysInMonth(year: year, month: month)).contains(day) else {
      return nil
    }
    self.init(year: year, month: month, day: day)
  }

  /// `YYMMDD` (Binance's and CCXT's expiry suffix), years 2000–2099.
  init?(yymmdd text: Substring) {
    guard text.count == 6, text.allSatisfy(\.isASCIIDigit), let n = Int(text) else { return nil }
    self.init(validYear: 2000 + n / 10_000, month: n / 100 % 100, day: n % 100)
  }
}

extension Character {
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
  var isASCIIUpper: Bool { ("A"..."Z").contains(self) }
  var isASCIILower: Bool { ("a"..."z").contains(self) }
}
