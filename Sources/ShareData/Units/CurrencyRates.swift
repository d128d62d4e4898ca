// Daily exchange rates from the user's rates file: what one unit of a currency is worth in the
// target currency (the one `--unit` names) on each UTC day. Two shapes are read, told by the
// header: long `date,currency,rate` (one row per day and currency, any column order) and wide
// `date,EUR,JPY,…` (one column per currency, an empty cell for a day without a rate). No rate is
// ever carried from one day to another: a day the file does not give has no rate.

/// Rates per currency and day, each the target currency's units per one unit of the currency.
public struct CurrencyRates: Sendable {
  /// The file the rates came from, for messages.
  public var name: String
  /// Currency (normalised, upper case) → day number → rate.
  var byCurrency: [String: [Int64: Double]] = [:]

  public init(name: String, rates: [String: [Day: Double]] = [:]) {
    self.name = name
    for (currency, days) in rates {
      byCurrency[AssetCode.normalised(currency)] = Dictionary(
        uniqueKeysWithValues: days.map { ($0.key.number, $0.value) })
    }
  }

  /// The currencies the file gives rates for, sorted.
  public var currencies: [String] { byCurrency.keys.sorted() }

  /// The rate of `currency` on `day`, nil when the file does not give one.
  public func rate(_ currency: String, on day: Day) -> Double? { byCurrency[currency]?[day.number] }

  static let expectedHeader: Phrase = "a header date,currency,rate (long) or date,<currency>,… (wide: date,EUR,JPY)"

  public static func load(path: String) throws -> CurrencyRates {
    try load(scanner: CSVScanner(stream: try openInput(path)))
  }

  public static func load(scanner: CSVScanner) throws -> CurrencyRates {
    guard try scanner.next() else {
      throw ShareError.data(
        "the rates file is empty", at: SourceLocation(file: scanner.name), expected: expectedHeader)
    }
    let header = try scanner.strings().map { $0.trimmed }
    let keys = header.map { $0.lowercased() }
    var rates = CurrencyRates(name: scanner.name)
    if Set(keys) == ["date", "currency", "rate"], keys.count == 3 {
      try rates.readLong(
        scanner, date: keys.firstIndex(of: "date")!, currency: keys.firstIndex(of: "currency")!,
        rate: keys.firstIndex(of: "rate")!)
    } else {
      guard keys.first == "date", keys.count > 1, !keys.contains("currency"), !keys.contains("rate") else {
        throw ShareError.data(
          "the rates file's header \(quoted(header.joined(separator: ","))) is neither long nor wide",
          at: scanner.location(), expected: expectedHeader)
      }
      let currencies = header.dropFirst().map { AssetCode.normalised($0) }
      for (i, code) in currencies.enumerated() where !isCurrencyCode(code) || currencies.firstIndex(of: code) != i {
        throw ShareError.data(
          "the rates file's column \(quoted(header[i + 1])) is \(isCurrencyCode(code) ? "a second column of" : "not") a currency code",
          at: scanner.location(column: i + 2), expected: expectedHeader)
      }
      try rates.readWide(scanner, currencies: currencies)
    }
    guard !rates.byCurrency.isEmpty else {
      throw ShareError.data(
        "the rates file has a header but no rates", at: SourceLocation(file: scanner.name),
        expected: "a row per day (and currency)")
    }
    return rates
  }

  private mutating func readLong(_ scanner: CSVScanner, date: Int, currency: Int, rate: Int) throws {
    while try scanner.next() {
      try Self.checkWidth(scanner, 3)
      let day = try Self.day(scanner, date)
      let code = AssetCode.normalised(try scanner.string(currency).trimmed)
      guard Self.isCurrencyCode(code) else {
        throw ShareError.data(
          "not a currency code: \(quoted(try scanner.string(currency)))",
          at: scanner.location(column: currency + 1, name: "currency"), expected: "a code like USD, EUR or USDT")
      }
      if let value = try Self.rate(scanner, rate) { try add(value, code, day, scanner, column: rate) }
    }
  }

  private mutating func readWide(_ scanner: CSVScanner, currencies: [String]) throws {
    while try scanner.next() {
      try Self.checkWidth(scanner, currencies.count + 1)
      let day = try Self.day(scanner, 0)
      for (i, code) in currencies.enumerated() {
        if let value = try Self.rate(scanner, i + 1) { try add(value, code, day, scanner, column: i + 1) }
      }
    }
  }

  private mutating func add(_ value: Double, _ code: String, _ day: Int64, _ scanner: CSVScanner, column: Int) throws {
    if byCurrency[code]?[day] != nil {
      throw ShareError.data(
        "the rate of \(code) on \(Day(day)) is in the rates file twice", at: scanner.location(column: column + 1),
        expected: "one rate per currency and day")
    }
    byCurrency[code, default: [:]][day] = value
  }

  /// Two to ten letters or digits: ISO 4217 codes and the asset codes exchanges quote in.
  static func isCurrencyCode(_ code: String) -> Bool {
    (2...10).contains(code.count) && code.allSatisfy { ($0.isASCII && $0.isLetter) || ($0.isASCII && $0.isNumber) }
  }

  private static func checkWidth(_ scanner: CSVScanner, _ expected: Int) throws {
    guard scanner.fieldCount == expected else {
      throw ShareError.data(
        "this row has \(scanner.fieldCount) field\(scanner.fieldCount == 1 ? "" : "s"), the header has \(expected)",
        at: scanner.location(), expected: "\(expected) fields on every row of the rates file")
    }
  }

  private static func day(_ scanner: CSVScanner, _ index: Int) throws -> Int64 {
    let text = try scanner.string(index).trimmed
    guard case .success(let time) = TimeParser.parse(text), [.date, .dateTime].contains(time.format) else {
      throw ShareError.data(
        "not a date: \(quoted(text))", at: scanner.location(column: index + 1, name: "date"),
        expected: "a date like 2024-01-31")
    }
    return time.seconds.floorDiv(secondsPerDay)
  }

  /// The rate in field `index`; nil for an empty cell (no rate that day).
  private static func rate(_ scanner: CSVScanner, _ index: Int) throws -> Double? {
    let text = try scanner.string(index).trimmed
    if text.isEmpty { return nil }
    guard let value = Double(text), value.isFinite, value > 0 else {
      throw ShareError.data(
        "not a rate: \(quoted(text))", at: scanner.location(column: index + 1),
        expected: "a positive number (units of the target currency per one unit of the row's currency)")
    }
    return value
  }
}
