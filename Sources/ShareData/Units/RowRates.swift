// A long trade log (`time,exchange,base,quote,price,amount`) holds many markets, each row naming its
// quote currency in a `quote` (or `currency`) column: under a currency unit each row is converted
// from that currency on its day. The builder converts whatever its `rates` say, so the rates are
// swapped when a row's quote differs from the last row's (compared as bytes: no string per row).

/// The conversion of a long trade log, row by row from its quote column.
struct RowRates {
  let conversion: CurrencyConversion
  /// The quote column's index.
  let column: Int
  let source: String
  /// Each currency met so far, with the first day it lacked a rate.
  private var byCurrency: [String: DayRates] = [:]
  private var current: [UInt8] = []

  /// nil when the table has no `quote` or `currency` column (it is then refused as not markets).
  init?(_ conversion: CurrencyConversion?, header: [String], source: String) {
    guard let conversion,
      let column = header.firstIndex(where: { $0.headerKey == "quote" })
        ?? header.firstIndex(where: { $0.headerKey == "currency" })
    else { return nil }
    self.conversion = conversion
    self.column = column
    self.source = source
  }

  /// Sets the builder's rates to this row's quote currency.
  @inline(__always)
  mutating func use(_ scanner: CSVScanner, _ builder: inout VolumeTableBuilder) throws {
    if builder.rates != nil, scanner.withField(column, { $0.elementsEqual(current) }) { return }
    if let rates = builder.rates { byCurrency[rates.currency] = rates }
    let text = try scanner.string(column).trimmed
    let code = AssetCode.normalised(text)
    current = scanner.withField(column) { Array($0) }
    if let known = byCurrency[code] {
      builder.rates = known
      return
    }
    var rates = try conversion.rates(
      for: Market(quote: text.isEmpty ? nil : code), source: "\(source) (line \(scanner.recordLine))")
    rates.perRow = true
    builder.rates = rates
  }

  /// After the last row: the builder holds the currency that first lacked a rate, if any, so that
  /// Ingest reports it (CurrencyConversion.finish).
  mutating func finish(_ builder: inout VolumeTableBuilder) {
    if let rates = builder.rates { byCurrency[rates.currency] = rates }
    let missing = byCurrency.values.filter { $0.missingDay != nil }
    if let first = missing.min(by: { ($0.missingDay!, $0.currency) < ($1.missingDay!, $1.currency) }) {
      builder.rates = first
    }
  }
}
