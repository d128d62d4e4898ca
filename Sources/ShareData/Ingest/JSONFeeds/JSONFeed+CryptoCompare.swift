// CryptoCompare histoday / histohour answers saved as files (FORMATS.md): v1 has the bars in
// `Data`, v2 in `Data.Data`; `time` is unix seconds at the bar's start (UTC), `volumefrom` is in
// the base asset, `volumeto` in the quote. The market is not in the file (the request named it):
// it comes from the file name, folders and the markets table, or stays unknown. An error answer
// saved by mistake (`"Response": "Error"`) is reported with the API's own message.

extension JSONFeedReader {
  mutating func readCryptoCompare(_ root: JSONNode, _ builder: inout VolumeTableBuilder) throws -> SourceSummary {
    if case .string(let response) = root["Response"].value, response != "Success" {
      var message = ""
      if case .string(let text) = root["Message"].value { message = ": \(quoted(text))" }
      throw ShareError.data(
        "the file is a CryptoCompare \(quoted(response)) answer\(message)", at: file,
        expected: "a histoday or histohour answer with \"Response\": \"Success\" and its bars in Data",
        hint: "the request that saved it failed; request it again")
    }
    let data = root["Data"]
    let version2 = data.has("Data")
    let bars = try (version2 ? data["Data"] : data).list("a list of bars {time, open, …, volumefrom, volumeto}")
    let market = market()
    let quote = options.unit == .quote
    let key = quote ? "volumeto" : "volumefrom"
    var summary = summary(
      .ohlcv, "CryptoCompare histoday/histohour \(version2 ? "v2 (Data.Data)" : "v1 (Data)")", market,
      unit: quote ? market.quote : market.base, time: "time")
    let category = try market.category(grouping: options.group)
    let code = builder.code(for: category)
    try options.conversion?.start(&builder, market: market.file.market, source: name)
    summary.categorySource = "\(market.described) → \(quoted(category))"
    summary.valueSource = "\(key) (\(quote ? market.quoteUnit : market.baseUnit))"
    var gaps: [String] = []
    var seen: [Int64: String] = [:]
    for (index, bar) in bars.enumerated() {
      guard case .object = bar.value else {
        throw bar.wrong("\(bar.shown), not a bar", expected: "an object {time, open, high, low, close, volumefrom, …}")
      }
      let time = try bar["time"].unixTime("time, unix seconds")
      try checkRepeat(&seen, time: time, at: bar)
      let volume = try bar[key].amount("\(key), a number of 0 or more")
      // Bars before the pair listed are all zeros (prices too): no data, not a day without trades.
      let values = try ["open", "high", "low", "close", "volumefrom", "volumeto"].map {
        try bar[$0].amount("\($0), a number of 0 or more", optional: true)
      }
      let allZero = values.allSatisfy { $0 == 0 }
      if allZero { gaps.append(bar.path) }
      try builder.addObservation(time: time, code: code, volume: allZero ? nil : volume, origin: origin(index))
      note(&summary, time: time)
    }
    summary.gapRows = gaps.count
    warnGaps(gaps)
    if summary.rows == 0 {
      throw ShareError.data("the answer holds no bars", at: file, expected: "at least one bar in Data")
    }
    return summary
  }
}
