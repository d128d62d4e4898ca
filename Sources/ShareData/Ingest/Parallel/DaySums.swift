// The block parser's sums for the day it is in, by category code: a trade log's rows come a day
// at a time (or, sorted by market, a market's day at a time), so the day's sums live in raw
// buffers indexed by code and become (day, code) cells when the day changes. Writing into Swift
// arrays per row paid a uniqueness and a bounds check each time; finding the day paid a
// division: a time inside the current day's range needs neither.

struct DaySums {
  private(set) var day = Int64.min
  private var first = Int64.max
  private var last = Int64.min
  private var capacity = 0
  private var sums: UnsafeMutablePointer<Double>
  private var counts: UnsafeMutablePointer<Int64>
  /// The codes with a sum today, in the order they were first seen (the cells' order).
  private var touched: UnsafeMutablePointer<Int32>
  private var touchedCount = 0

  init() {
    capacity = 64
    sums = .allocate(capacity: capacity)
    sums.initialize(repeating: 0, count: capacity)
    counts = .allocate(capacity: capacity)
    counts.initialize(repeating: 0, count: capacity)
    touched = .allocate(capacity: capacity)
  }

  func deallocate() {
    sums.deallocate()
    counts.deallocate()
    touched.deallocate()
  }

  /// Whether `time` (unix seconds) falls in the current day.
  @inline(__always)
  func holds(_ time: Int64) -> Bool { time >= first && time <= last }

  /// Starts day `day` (days since the epoch); the previous day must have been flushed.
  mutating func start(_ day: Int64) {
    self.day = day
    first = day &* secondsPerDay
    last = first &+ (secondsPerDay - 1)
  }

  @inline(__always)
  mutating func add(_ code: Int32, _ volume: Double) {
    let c = Int(code)
    if c >= capacity { grow(to: c + 1) }
    if counts[c] == 0 {
      touched[touchedCount] = code
      touchedCount &+= 1
    }
    sums[c] += volume
    counts[c] &+= 1
  }

  /// Appends the current day's cells and clears them.
  mutating func flush(
    into days: inout [Int64], _ codes: inout [Int32], _ cellSums: inout [Double], _ cellCounts: inout [Int64]
  ) {
    for k in 0..<touchedCount {
      let c = Int(touched[k])
      days.append(day)
      codes.append(touched[k])
      cellSums.append(sums[c])
      cellCounts.append(counts[c])
      sums[c] = 0
      counts[c] = 0
    }
    touchedCount = 0
  }

  private mutating func grow(to needed: Int) {
    let size = max(needed, capacity * 2)
    let (newSums, newCounts, newTouched) = (
      UnsafeMutablePointer<Double>.allocate(capacity: size), UnsafeMutablePointer<Int64>.allocate(capacity: size),
      UnsafeMutablePointer<Int32>.allocate(capacity: size)
    )
    newSums.initialize(repeating: 0, count: size)
    newCounts.initialize(repeating: 0, count: size)
    newSums.update(from: sums, count: capacity)
    newCounts.update(from: counts, count: capacity)
    newTouched.update(from: touched, count: touchedCount)
    deallocate()
    (sums, counts, touched, capacity) = (newSums, newCounts, newTouched, size)
  }
}

extension BlockParser {
  /// The checks some layouts make on a whole line (Binance's flags, a Tardis file's fixed market,
  /// its other times): the first failing column, what is wrong and what was expected; nil if none.
  static func lineCheck(
    _ base: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>,
    _ columns: TradeColumns
  ) -> (Int, String, Phrase)? {
    func field(_ f: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(start: base + starts[f], count: ends[f] - starts[f])
    }
    for f in columns.flags where !BinanceLayout.isFlag(field(f)) {
      return (f, "not a true/false flag", "True or False")
    }
    for f in columns.fixed where !field(f.column).elementsEqual(f.bytes) {
      return (f.column, "another market", "the first line's market")
    }
    for t in columns.otherTimes where columns.timeUnit.seconds(base + starts[t], ends[t] - starts[t]) == nil {
      return (t, "not an integer unix time", "an integer unix time")
    }
    return nil
  }
}
