// Reads a CryptoDataDownload file (CryptoDataDownloadLayout). Three quirks of its data decide how:
// the `unix` column mixes milliseconds (recent rows) and float seconds (older rows) in one file, so
// each value's unit is told by its magnitude (EpochUnit); a seam between two sources can repeat a
// day with other values (2017-12-18 in Binance files), and the first row is the bar still being
// filled when the file was made.
//
// A repeated bar is reported and one row kept, not an error: the file is the vendor's, every file
// cut from the same sources has the seam, and an error would leave the user nothing to do but edit
// the download. The row kept is the first in the file (rows run newest first, so it is the newer
// source's); the warning names both lines and both volumes, so no bar is silently summed or lost.

extension SourceReader {
  /// Reads the bars, each at its own time.
  mutating func readCryptoDataDownload(
    _ layout: CryptoDataDownloadLayout, _ builder: inout VolumeTableBuilder, _ summary: inout SourceSummary
  ) throws {
    var layout = layout
    let market = cryptoDataDownloadMarket(&layout)
    let category = try market.category(grouping: options.group)
    let code = builder.code(for: category)
    let quote = options.unit == .quote
    let value = quote ? layout.quoteIndex : layout.baseIndex
    summary.market = market.file.market
    try options.conversion?.start(&builder, market: market.file.market, source: name)
    summary.volumeUnit = quote ? market.file.market.quote.map { $0 + " (quote)" } : market.file.market.base
    summary.categorySource = "\(market.described) → \(quoted(category))"
    summary.valueSource = "column \(quoted(layout.header[value])) (\(quote ? "quote" : "base") units)"
    summary.timeColumn = layout.header[layout.unixIndex ?? layout.dateIndex]
    for _ in 0..<layout.bannerLines { _ = try scanner.next() }
    var recent = RecentBars()
    var bars = BarsNewestFirst()
    var repeats: [String] = []
    var newest: (time: Int64, line: Int)?
    while try scanner.next() {
      try checkWidth(layout.header.count)
      let t = try cryptoDataDownloadTime(layout)
      let volume = try self.volume(value)
      if let first = recent.repeated(t) {
        repeats.append(repeated(t, first: first, volume: volume))
        continue
      }
      recent.add(t, line: scanner.recordLine, volume: volume)
      if newest.map({ t > $0.time }) ?? true { newest = (t, scanner.recordLine) }
      bars.append(t, volume, line: scanner.recordLine)
      if volume == nil { summary.emptyCells += 1 }
      note(&summary, time: t)
    }
    // A repeat further back than the window reaches is "appears twice" here: never summed.
    try bars.add(to: &builder, code: code, source: source)
    if !repeats.isEmpty {
      warnings.append(
        Warning(
          .other,
          "\(repeats.count) bar\(repeats.count == 1 ? "" : "s") repeated (a seam between CryptoDataDownload's sources), "
            + "the first row of each kept: " + repeats.prefix(3).joined(separator: "; ")
            + (repeats.count > 3 ? "; …" : ""),
          at: SourceLocation(file: name)))
    }
    if let newest {
      warnings.append(
        Warning(
          .partialBucket,
          "the newest bar (\(dateTimeLabel(newest.time))) is the one CryptoDataDownload was still filling when the "
            + "file was made: its volume is likely partial (kept)",
          at: SourceLocation(file: name, line: newest.line)))
    }
  }

  private func repeated(_ t: Int64, first: (line: Int, volume: Double?), volume: Double?) -> String {
    let values =
      first.volume == volume ? "the same volume" : "volumes \(describe(first.volume)) and \(describe(volume))"
    return "\(dateTimeLabel(t)) at lines \(first.line) and \(scanner.recordLine), \(values)"
  }

  private func describe(_ volume: Double?) -> String { volume.map { formatted($0) } ?? "empty" }

  /// The file's market from its name, its base and quote from the volume columns where the name
  /// does not say them; the volume columns put in base, quote order by the names they carry.
  private func cryptoDataDownloadMarket(_ layout: inout CryptoDataDownloadLayout) -> MarketName {
    var market = MarketName(fileName: name == "<stdin>" ? "stdin" : name, table: options.markets)
    let first = layout.asset(layout.baseIndex)
    let second = layout.asset(layout.quoteIndex)
    if let base = market.base, first != base, second == base {
      swap(&layout.baseIndex, &layout.quoteIndex)
    }
    if market.file.market.base == nil { market.file.market.base = layout.asset(layout.baseIndex) }
    if market.file.market.quote == nil { market.file.market.quote = layout.asset(layout.quoteIndex) }
    if market.file.market.instrument == nil { market.file.market.instrument = .spot }
    return market
  }

  /// The bar's time: `unix` as integer milliseconds or seconds, or float seconds, each value's unit
  /// told by its magnitude; in the 2019 layout the `Date` (`2019-11-13`, `2019-11-13 11-PM`).
  private mutating func cryptoDataDownloadTime(_ layout: CryptoDataDownloadLayout) throws -> Int64 {
    guard let index = layout.unixIndex else {
      if let seconds = scanner.withField(layout.dateIndex, { CryptoDataDownloadTime.hourly($0) }) { return seconds }
      return try time(layout.dateIndex)
    }
    if let seconds = scanner.withField(index, { CryptoDataDownloadTime.unix($0) }) { return seconds }
    let found = scanner.withField(index) { quoted(bytes: $0) }
    throw ShareError.data(
      "not a unix time: \(found)", at: scanner.location(column: index + 1, name: layout.header[index]),
      expected: "unix milliseconds (1700006400000) or seconds (1513555200.0)")
  }
}

/// A file's bars, kept until its end and handed to the table oldest first: the table appends a
/// bar later than all before it at once, but looks an earlier one up in an index of every cell, and
/// CryptoDataDownload's rows run newest first. On a 2M-row, 190 MB minute file (release build, monthly
/// shares): added as read 8.2 s and 361 MB peak; oldest first 1.8–2.1 s and 201 MB.
struct BarsNewestFirst {
  private var times: [Int64] = []
  /// NaN where the volume cell was empty (no volume read is ever NaN).
  private var volumes: [Double] = []
  private var lines: [Int64] = []

  mutating func append(_ time: Int64, _ volume: Double?, line: Int) {
    times.append(time)
    volumes.append(volume ?? .nan)
    lines.append(Int64(line))
  }

  func add(to builder: inout VolumeTableBuilder, code: Int32, source: Int32) throws {
    let newestFirst = (times.first ?? 0) > (times.last ?? 0)
    for k in times.indices {
      let i = newestFirst ? times.count - 1 - k : k
      let volume = volumes[i]
      try builder.addObservation(
        time: times[i], code: code, volume: volume.isNaN ? nil : volume,
        origin: CellOrigin(source: source, line: lines[i]))
    }
  }
}

/// The last bars read, for telling a seam's repeat: the file runs in time order (newest first), so
/// a repeat shows as a row out of that order, and a seam repeats a bar next to, or a few rows from,
/// its first. Only such rows are looked up, in the last 64 bars, so a minute file of millions of
/// rows costs no table of every time it holds.
struct RecentBars {
  static let reach = 64
  private var bars: [(time: Int64, line: Int, volume: Double?)] = []
  private var next = 0
  private var previous: Int64?
  /// -1 newest first, +1 oldest first, 0 not yet known.
  private var direction = 0

  /// The earlier row of bar `time`, when this row repeats one within reach.
  func repeated(_ time: Int64) -> (line: Int, volume: Double?)? {
    guard let previous else { return nil }
    let continues = direction < 0 ? time < previous : direction > 0 ? time > previous : time != previous
    guard !continues else { return nil }
    return bars.first { $0.time == time }.map { ($0.line, $0.volume) }
  }

  mutating func add(_ time: Int64, line: Int, volume: Double?) {
    if direction == 0, let previous, previous != time { direction = time < previous ? -1 : 1 }
    previous = time
    if bars.count < Self.reach {
      bars.append((time, line, volume))
    } else {
      bars[next] = (time, line, volume)
      next = (next + 1) % Self.reach
    }
  }
}

/// CryptoDataDownload's two time forms no other file uses.
enum CryptoDataDownloadTime {
  /// An integer (s, ms, µs, ns by magnitude) or a decimal (float seconds or milliseconds, by the
  /// magnitude of its integer part), floored to the second; nil for anything else.
  static func unix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    if let (seconds, _) = EpochTime.seconds(bytes) { return seconds }
    guard bytes.contains(0x2E), case .success(let value) = DecimalParser.parse(bytes), value >= 0,
      value < 9.2e18
    else { return nil }
    let unit = EpochUnit(magnitude: Int64(value))
    return Int64((value / Double(unit.perSecond)).rounded(.down))
  }

  /// `2019-11-13 11-PM`: the 2019 hourly files' date and 12-hour clock.
  static func hourly(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    let text = String(decoding: bytes, as: UTF8.self).trimmed
    let parts = text.split(separator: " ")
    guard parts.count == 2, let day = CivilDate(iso: String(parts[0])) else { return nil }
    let clock = parts[1].split(separator: "-")
    guard clock.count == 2, let hour = Int(clock[0]), (1...12).contains(hour), ["AM", "PM"].contains(clock[1])
    else { return nil }
    let hour24 = hour % 12 + (clock[1] == "PM" ? 12 : 0)
    return day.dayNumber * secondsPerDay + Int64(hour24) * 3600
  }
}
