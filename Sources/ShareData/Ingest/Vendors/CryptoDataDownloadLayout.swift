// CryptoDataDownload's OHLCV files (FORMATS.md), the most copied files in notebooks. Line 1 is a
// banner (`https://www.CryptoDataDownload.com`; in 2019 `Created on …`), line 2 the header:
// `unix,date,symbol,open,high,low,close,Volume <BASE>,Volume <QUOTE>,tradecount` (2019:
// `Date,Symbol,Open,High,Low,Close,Volume BTC,Volume USD`). Rows run newest first. Detected by the
// banner and that header, or by the current header alone (notebooks often save the file without
// its banner); the plain OHLCV reader would misread the mixed `unix` column (SourceReader+CDD).

/// A CryptoDataDownload file: where its columns are.
struct CryptoDataDownloadLayout: Sendable, Equatable {
  /// Lines before the header: 1 with the banner, 0 without.
  var bannerLines: Int
  var header: [String]
  /// `unix` (current layout); nil in the 2019 layout, whose time is its `Date`.
  var unixIndex: Int?
  var dateIndex: Int
  /// `Volume <BASE>` and `Volume <QUOTE>`: the first and the second volume column.
  var baseIndex: Int
  var quoteIndex: Int

  /// The asset a `Volume <ASSET>` column names (`BTC`, `USDT`).
  func asset(_ index: Int) -> String? {
    let name = header[index].trimmed
    guard name.lowercased().hasPrefix("volume ") else { return nil }
    return Symbol.asset(Substring(name.dropFirst("volume ".count)))
  }

  /// The layout of a file whose first records are `records`; nil when it is not CryptoDataDownload's.
  static func detect(_ records: [[String]]) -> CryptoDataDownloadLayout? {
    guard let first = records.first else { return nil }
    let banner = first.count == 1 && isBanner(first[0])
    let lines = banner ? 1 : 0
    guard records.count > lines else { return nil }
    let header = records[lines]
    let keys = header.map(\.headerKey)
    let volumes = keys.indices.filter { keys[$0].hasPrefix("volume ") }
    guard volumes.count == 2, ["open", "high", "low", "close"].allSatisfy(keys.contains),
      let date = keys.firstIndex(of: "date"), keys.contains("symbol")
    else { return nil }
    let unix = keys.firstIndex(of: "unix")
    // Without the banner only the current header, with its `unix` and `tradecount`, is CryptoDataDownload's.
    guard banner || (unix == 0 && keys.last == "tradecount") else { return nil }
    return CryptoDataDownloadLayout(
      bannerLines: lines, header: header.map(\.trimmed), unixIndex: unix, dateIndex: date, baseIndex: volumes[0],
      quoteIndex: volumes[1])
  }

  static func isBanner(_ text: String) -> Bool {
    let key = text.headerKey
    return key.contains("cryptodatadownload") || key.hasPrefix("created on")
  }

  var described: String {
    "CryptoDataDownload \(unixIndex == nil ? "2019 layout (Date,Symbol,…)" : "OHLCV (unix,date,symbol,…)")"
      + (bannerLines == 1 ? " after its banner line" : "")
  }

  var plan: LayoutPlan {
    var plan = LayoutPlan(
      layout: .ohlcv, reason: "detected: \(described)", hasHeader: true, header: header,
      timeIndex: unixIndex ?? dateIndex)
    plan.valueIndex = baseIndex
    plan.cryptoDataDownload = self
    return plan
  }
}
