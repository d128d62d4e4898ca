// The user's own word on markets: a CSV `symbol,exchange,base,quote,instrument,contract_size`
// (header first, any order, only `symbol` required, empty cells unknown). A row overrides what a
// file name or symbol says and fills in what they cannot (the exchange of Kraken's `BCHEUR.csv`,
// the contract size of a market sharelens has no convention for).

import Foundation

public struct MarketTable: Sendable {
  public var name: String
  /// By symbol, upper case (symbols are matched case-insensitively: `btcusd_perp` = `BTCUSD_PERP`).
  public var entries: [String: Market]

  public init(name: String, entries: [String: Market]) {
    self.name = name
    self.entries = entries
  }

  /// The columns a table may have.
  public static let columns = ["symbol", "exchange", "base", "quote", "instrument", "contract_size"]

  /// Reads a markets file.
  public static func load(path: String) throws -> MarketTable {
    try load(scanner: CSVScanner(stream: try openInput(path)))
  }

  public static func load(scanner: CSVScanner) throws -> MarketTable {
    let expectedHeader: Phrase = "a header naming symbol and any of exchange, base, quote, instrument, contract_size"
    guard try scanner.next() else {
      throw ShareError.data(
        "the markets file is empty", at: SourceLocation(file: scanner.name), expected: expectedHeader)
    }
    let header = try scanner.strings().map { $0.trimmed.lowercased() }
    for (i, column) in header.enumerated() where !columns.contains(column) || header.firstIndex(of: column) != i {
      throw ShareError.data(
        "the markets file's header has \(header.firstIndex(of: column) != i ? "a second" : "an unknown") column \(quoted(column))",
        at: scanner.location(column: i + 1), expected: expectedHeader)
    }
    guard header.contains("symbol") else {
      throw ShareError.data(
        "the markets file's header has no symbol column", at: scanner.location(), expected: expectedHeader)
    }
    var entries: [String: Market] = [:]
    var lines: [String: Int] = [:]
    while try scanner.next() {
      guard scanner.fieldCount == header.count else {
        throw ShareError.data(
          "this row has \(scanner.fieldCount) fields", at: scanner.location(),
          expected: "\(header.count) fields: \(header.joined(separator: ","))")
      }
      let (symbol, market) = try row(scanner, header: header)
      let key = symbol.uppercased()
      if let line = lines[key] {
        throw ShareError.data(
          "the symbol \(quoted(symbol)) is in the markets file twice (line \(line) and here)",
          at: scanner.location(column: header.firstIndex(of: "symbol")! + 1), expected: "one row per symbol")
      }
      entries[key] = market
      lines[key] = scanner.recordLine
    }
    return MarketTable(name: scanner.name, entries: entries)
  }

  /// One row: its symbol and the market it names.
  private static func row(_ scanner: CSVScanner, header: [String]) throws -> (String, Market) {
    var symbol = ""
    var market = Market()
    for (i, column) in header.enumerated() {
      let text = try scanner.string(i).trimmed
      guard !text.isEmpty else { continue }
      switch column {
      case "symbol": symbol = text
      case "exchange": market.exchange = text.lowercased()
      case "base": market.base = AssetCode.normalised(text)
      case "quote": market.quote = AssetCode.normalised(text)
      case "instrument":
        guard let instrument = Instrument(parsing: text) else {
          throw ShareError.data(
            "instrument \(quoted(text)) is not one sharelens knows", at: scanner.location(column: i + 1),
            expected: "spot, perpetual or future, with linear or inverse, and a future's expiry YYYY-MM-DD")
        }
        market.instrument = instrument
      default:
        guard let size = Double(text), size.isFinite, size > 0 else {
          throw ShareError.data(
            "contract size \(quoted(text)) is not a positive number", at: scanner.location(column: i + 1),
            expected: "what one contract is, e.g. 100 (USD) or 0.001 (BTC)")
        }
        market.contractSize = size
      }
    }
    guard !symbol.isEmpty else {
      throw ShareError.data(
        "a row without a symbol", at: scanner.location(column: header.firstIndex(of: "symbol")! + 1),
        expected: "the symbol the row describes, as the file or its name writes it")
    }
    return (symbol, market)
  }

  /// The user's row for `symbol`, if any.
  public func market(for symbol: String) -> Market? { entries[symbol.uppercased()] }

  /// `file` with this table's row for its symbol (else its stem) laid over what its name said.
  public func applied(to file: FileMarket) -> FileMarket {
    guard let row = file.symbol.flatMap(market(for:)) ?? market(for: file.stem) else { return file }
    var file = file
    file.market = file.market.overridden(by: row)
    file.convention = [file.convention, "markets file \(name)"].compactMap { $0 }.joined(separator: ", ")
    return file
  }
}
