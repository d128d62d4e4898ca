// CoinGecko's exchange volume chart (`/exchanges/{id}/volume_chart?days=N`): `[timestamp_ms,
// "volume in BTC"]` points, 10-minutely, hourly or daily by N. Each point is the exchange's volume
// over the 24 hours before it (FORMATS.md: an inference from the documentation's values), so
// summing a day's points would count each trade up to 144 times. One point per day is read: the
// first point within `window` after the midnight that ends a UTC day holds that day's volume, and is
// dated that day. Days without such a point are not in the table (missing, not zero).

extension JSONFeedReader {
  /// How late after midnight a point may be and still stand for the day that just ended: the
  /// hourly charts' points fall at any minute of the hour, so the first of a day is within one hour.
  static let coinGeckoWindow: Int64 = 3600

  mutating func readCoinGecko(_ points: inout JSONItems, _ builder: inout VolumeTableBuilder) throws -> SourceSummary {
    try refuseQuoteUnit("a CoinGecko volume chart", holds: "an exchange's volume in BTC")
    let stem = FileMarket.stem(name.split(separator: "/").last.map(String.init) ?? name)
    let exchange = FileMarket.exchange(inFolders: [stem])
    let market = market(
      fromFile: Market(exchange: exchange), convention: exchange.map { _ in "exchange from the name" })
    var summary = summary(.ohlcv, "CoinGecko exchange volume chart", market, unit: "BTC", time: "timestamp")
    let category = try market.category(grouping: options.group)
    let code = builder.code(for: category)
    summary.categorySource = "\(market.described) → \(quoted(category))"
    // The day each point closes (if it falls in the window after a midnight), the earliest wins.
    var chosen: [Int64: (time: Int64, volume: Double, index: Int)] = [:]
    let expected: Phrase = "a point [timestamp, \"volume in BTC\"]"
    while let point = try points.next() {
      let index = points.count - 1
      let fields = try point.list(expected)
      guard fields.count == 2 else { throw point.wrong("a list of \(fields.count)", expected: expected) }
      let time = try fields[0].unixTime("timestamp, unix milliseconds")
      let volume = try fields[1].amount("a volume in BTC, a number of 0 or more (a string or a number)")!
      let midnight = time.floorDiv(secondsPerDay)
      guard time - midnight * secondsPerDay < JSONFeedReader.coinGeckoWindow else { continue }
      let day = midnight - 1
      if let earlier = chosen[day], earlier.time <= time { continue }
      chosen[day] = (time, volume, index)
    }
    guard !chosen.isEmpty else {
      throw ShareError.data(
        "no point falls within an hour after a midnight UTC, so no day's volume is known", at: file,
        expected: "points that span a midnight (each is the 24 hours before it)",
        hint: "save a chart of 2 days or more")
    }
    for (day, point) in chosen.sorted(by: { $0.key < $1.key }) {
      try builder.addObservation(
        time: day * secondsPerDay, code: code, volume: point.volume, origin: origin(point.index))
      note(&summary, time: day * secondsPerDay)
    }
    summary.valueSource =
      "one point per day: the 24-hour volume (BTC) at the first point within an hour after the day ends; "
      + "\(chosen.count) of \(points.count) points read"
    return summary
  }
}
