// Where a trade line keeps its time, price and amount, and how to read them: all the block parser
// needs to know of a trade file's columns. A bitcoincharts dump, a trade log with a header, a
// Binance trades or aggTrades file (and a Tardis trades file, microseconds) differ only in these
// positions, in the unit of their integer times and in how the volume is made of amount and price,
// so one hot loop reads them all.

/// How a trade line writes its time.
enum TradeTimeUnit: Sendable, Equatable {
  /// Anything TimeParser reads (unix seconds on the fast path, ISO 8601 dates and times, …).
  case text
  /// An integer unix time whose unit is told per value by its magnitude (EpochTime): Binance's
  /// files switched from milliseconds to microseconds, and one run may read both.
  case epochByMagnitude
  /// An integer unix time in one stated unit (Tardis: microseconds).
  case epoch(EpochUnit)
}

/// How a trade's volume is made of its amount (times `TradeColumns.scale`) and its price.
enum TradeVolume: Sendable, Equatable {
  /// The amount alone (base units, or a quote amount the file computed itself).
  case amount
  /// Amount × price: quote units.
  case amountTimesPrice
  /// Amount ÷ price: COIN-M contracts' quote notional in base units.
  case amountOverPrice
}

/// The columns of a trade line, by position, and how to read them.
struct TradeColumns: Sendable, Equatable {
  var time: Int
  var price: Int
  var amount: Int
  var timeUnit = TradeTimeUnit.text
  var volume = TradeVolume.amount
  /// What one amount is worth in the volume's unit (a COIN-M contract's size in quote units).
  var scale = 1.0
  /// The price must be a number even when the volume does not use it (a dump's lines are checked whole).
  var checksPrice = false
  /// The price must be above 0 where the volume uses it (Binance: a zero price is an error).
  var pricePositive = false
  /// Columns that must hold a `True`/`False` (or `true`/`false`) flag: Binance's is_buyer_maker.
  var flags: [Int] = []
  /// Columns whose bytes must be these on every line: a Tardis or Kaiko file is read here as the
  /// one market of its first line, and a line of another market hands it back to the serial reader.
  var fixed: [FixedBytes] = []
  /// Other integer times, in `timeUnit`, checked for their shape only (Tardis' local_timestamp).
  var otherTimes: [Int] = []
}

/// A column's bytes every line must repeat.
struct FixedBytes: Sendable, Equatable {
  var column: Int
  var bytes: [UInt8]
}

extension TradeTimeUnit {
  /// An integer unix time of `count` digits at `start` as seconds (floored), in this unit; nil when
  /// the field is not one. Inline, and with constant divisors: EpochTime.seconds, called per row
  /// with its overflow checks and a division by a variable, was 19% of a Binance file's profile.
  @inline(__always)
  func seconds(_ start: UnsafePointer<UInt8>, _ count: Int) -> Int64? {
    // 18 digits cannot overflow an Int64; 19 (nanoseconds) take EpochTime's checked path.
    guard count > 0, count <= 18 else {
      guard self == .epochByMagnitude || self == .epoch(.nanoseconds) else { return nil }
      return EpochTime.seconds(UnsafeBufferPointer(start: start, count: count))?.seconds
    }
    var value: Int64 = 0
    for k in 0..<count {
      let digit = start[k] &- 0x30
      guard digit < 10 else { return nil }
      value = value &* 10 &+ Int64(digit)
    }
    switch self {
    case .text: return nil
    case .epochByMagnitude:
      // EpochUnit(magnitude:)'s bounds.
      if value < 100_000_000_000 { return value }
      if value < 100_000_000_000_000 { return value / 1_000 }
      if value < 100_000_000_000_000_000 { return value / 1_000_000 }
      return value / 1_000_000_000
    case .epoch(let unit):
      // One stated unit: a value of another magnitude is an error (a Tardis time in ms), as the
      // vendors' serial reader says.
      guard EpochUnit(magnitude: value) == unit else { return nil }
      return value / unit.perSecond
    }
  }
}
