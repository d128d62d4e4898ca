// Detection of daily OHLCV bars (Quandl's BCHARTS, bitcoinity's OHLCV exports): a date column,
// Open/High/Low/Close and one or two Volume columns (base units, and the quote currency).

extension LayoutDetector {
  static func ohlcvPlan(sample: Sample, keys: [String], source: String, options: IngestOptions) throws -> LayoutPlan {
    let header = sample.header
    guard
      let time = keys.firstIndex(where: { ColumnRoles.timeNames.contains($0) })
        ?? (0..<header.count).first(where: { sample.isTimeColumn($0, allowUnix: true) })
    else {
      throw ShareError.data(
        "no date column in this OHLCV file", at: SourceLocation(file: source, line: 1), expected: "a Date column")
    }
    let volumes = keys.indices.filter { keys[$0].hasPrefix("volume") }
    guard !volumes.isEmpty else {
      throw ShareError.data(
        "no Volume column in this OHLCV file", at: SourceLocation(file: source, line: 1),
        expected: "Volume (BTC) and Volume (Currency) columns")
    }
    let baseIndex = volumes.first { !keys[$0].contains("currency") && !keys[$0].contains("quote") } ?? volumes[0]
    let quoteIndex = volumes.first { keys[$0].contains("currency") || keys[$0].contains("quote") }
    let value: Int
    if options.unit == .quote {
      guard let quoteIndex else {
        throw ShareError.request("\(setting: .unit, "quote") needs a Volume (Currency) column; \(source) has none")
      }
      value = quoteIndex
    } else {
      value = baseIndex
    }
    var plan = LayoutPlan(
      layout: .ohlcv,
      reason: options.layout == nil ? "detected: Open/High/Low/Close/Volume header" : "\(setting: .layout, "ohlcv")",
      hasHeader: true, header: header, timeIndex: time)
    plan.valueIndex = value
    return plan
  }
}
