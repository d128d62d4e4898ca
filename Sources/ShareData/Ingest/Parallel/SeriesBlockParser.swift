// The long layout's hot loop: one block of `time,category,value` rows into sums by (bucket, category).
// Works on the bytes in place, as the trade parser does (BlockParser.swift): fields are byte ranges,
// categories are looked up by their bytes, numbers are parsed without making Strings, and a time
// whose bytes repeat the previous row's (every market of one hour in a row) is not parsed again.
//
// It never reports an error itself: anything the fast path does not read exactly as the scanner
// would (a quote, a lone CR, a bad value, a row out of time order within its day and category)
// marks the block `needsScanner`, and the serial reader reads the whole file and says what is
// wrong, at which line, in its own words. So errors are the serial path's by construction.
//
// Rows must come in time order (a time may repeat, for other categories): then a repeated
// (time, category) can only sit in one run of equal times, and finding it needs one mark per
// category, not a set of every time read. Files in another order go to the serial reader.

import Foundation

/// The columns of a long series (decided by layout detection).
struct SeriesPlan: Sendable {
  var fieldCount: Int
  var timeIndex: Int
  /// One category column, or two that make a pair `a/b`.
  var categoryIndices: [Int]
  var valueIndex: Int
  /// The width of the cells: the analysis' bucket, or a day.
  var bucket: Every
}

/// Which bucket starts every day of the data is (to tell the table's resolution without its days).
struct DayStarts: Sendable {
  var week = true
  var month = true
  var quarter = true
  var year = true

  mutating func note(day: Int64) {
    if (day + 3).floorMod(7) != 0 { week = false }
    guard month else { return }
    let date = CivilDate(dayNumber: day)
    if date.day != 1 { (month, quarter, year) = (false, false, false) }
    if (date.month - 1) % 3 != 0 { quarter = false }
    if date.month != 1 { year = false }
  }

  mutating func merge(_ other: DayStarts) {
    (week, month, quarter, year) = (
      week && other.week, month && other.month, quarter && other.quarter, year && other.year
    )
  }
}

/// A block's result: one cell per (bucket, local category code), and what it saw.
struct SeriesPartial: Sendable {
  var dictionary = CategoryDictionary()
  /// Each cell's bucket, as the day number it starts on.
  var buckets: [Int64] = []
  var codes: [Int32] = []
  var sums: [Double] = []
  /// Rows with a value (an empty cell is a row without one).
  var counts: [Int64] = []
  /// The first and last day with a value: they keep each category's span and the days the data
  /// covers in a bucket, which are what volume-weighted shares need besides the sums.
  var firstDays: [Int64] = []
  var lastDays: [Int64] = []
  /// Each cell's first row, as a line counted from the block's first line (1-based).
  var firstLines: [Int] = []
  /// Lines consumed, blank ones included.
  var lines = 0
  var rows = 0
  var emptyCells = 0
  /// The first and last time (rows are in time order).
  var minTime = Int64.max
  var maxTime = Int64.min
  /// Categories of the block's first and last run of equal times (a run may go on in the next block).
  var firstRun: [Int32] = []
  var lastRun: [Int32] = []
  /// The time formats seen, in order of first appearance.
  var formats: [TimeFormat] = []
  /// Whether some time is not midnight (the table then has daily resolution, as the serial one).
  var subDaily = false
  var starts = DayStarts()
  /// Wide exports only, per column: whether every row so far had it equal to the sum of the
  /// others (a TOTAL column), and on how many rows that was evidence (WideBlockParser).
  var rowSum: [Bool] = []
  var rowSumEvidence: [Int] = []
  /// The file must be read by the general scanner.
  var needsScanner = false
}

enum SeriesBlockParser {
  /// Whether `n` bytes at `a` and `b` are equal: eight at a time, inline (a time field is ~20
  /// bytes, and a call to memcmp for each row cost 10% of the parse). From 8 bytes on, the last
  /// eight are one more compare that may overlap the one before: a byte loop for the rest
  /// mispredicted its exit once a row (cachegrind).
  @inline(__always)
  static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let (x, y) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
    if n >= 8 {
      var i = 0
      while i &+ 8 < n {
        if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
          return false
        }
        i &+= 8
      }
      return x.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
        == y.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
    }
    var i = 0
    while i < n {
      if a[i] != b[i] { return false }
      i += 1
    }
    return true
  }

  static let comma = UInt8(ascii: ",")
  static let cr: UInt8 = 0x0D

  // hot loop: the long layout's inner loop over a 4 MiB block. As in BlockParser.parse, field
  // bounds live in raw buffers and the cells in locals no closure captures (a boxed array pays a
  // uniqueness check per write); splitting it into helpers would pass them all back and forth.
  static func parse(_ bytes: UnsafeRawBufferPointer, plan: SeriesPlan) -> SeriesPartial {
    var partial = SeriesPartial()
    let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
    let end = bytes.count
    let maxFields = plan.fieldCount
    let starts = UnsafeMutablePointer<Int>.allocate(capacity: maxFields + 1)
    let ends = UnsafeMutablePointer<Int>.allocate(capacity: maxFields + 1)
    starts.initialize(repeating: 0, count: maxFields + 1)
    ends.initialize(repeating: 0, count: maxFields + 1)
    let powers = UnsafeMutablePointer<Double>.allocate(capacity: PlainDecimal.powers.count)
    powers.initialize(from: PlainDecimal.powers, count: PlainDecimal.powers.count)
    defer {
      starts.deallocate()
      ends.deallocate()
      powers.deallocate()
    }
    // The cells of the current bucket, by code; the block's cells are in `partial`.
    var cells = BucketCells()
    defer { cells.deallocate() }
    var formats: [TimeFormat] = []
    var dayStarts = DayStarts()
    // The run of equal times: its number marks the categories seen in it (a repeat is a second mark).
    var run = 0
    var runTime = Int64.min
    var currentRun: [Int32] = []
    var firstRun: [Int32]? = nil
    var day: Int64 = 0
    var bucket: Int64 = 0
    var rows = 0
    var emptyCells = 0
    var minTime = Int64.max
    var maxTime = Int64.min
    var subDaily = false
    var currentBucket = Int64.min
    var pairKey = [UInt8]()
    // Category prediction: sorted long tables list the same categories in the same order at every
    // time, so the category after code c is most often the one that followed c last time. A hit
    // costs one comparison of the field's bytes with that code's, not a hash and a probe.
    var keyBytes: [UInt8] = []
    var keyOffsets: [Int] = [0]
    var following: [Int32] = []
    var previousCode: Int32 = -1
    var previousStart = 0
    var previousLength = -1
    var previousTime: Int64 = 0
    let timeIndex = plan.timeIndex
    let valueIndex = plan.valueIndex
    let pair = plan.categoryIndices.count == 2
    let c0 = plan.categoryIndices[0]
    let c1 = plan.categoryIndices.last!
    var p = 0
    var line = 0
    // Every row has a time, a category and a value: at least two commas, so a line the window
    // takes is never a blank one.
    var window = LineWindow()
    let windowFits = maxFields >= 2
    defer { window.deallocate() }

    rows: while p < end {
      // One line: record field boundaries.
      var field = 0
      var lineEnd = p
      var sameTime = false
      starts[0] = p
      // A well-formed line of up to 64 bytes in one window (LineWindow, as the trade parser).
      let split: BlockLine.Split
      if windowFits,
        let lf = window.trySplit(base, line: p, end: end, fieldCount: maxFields, starts: starts, ends: ends)
      {
        ends[maxFields &- 1] = base[lf &- 1] == cr ? lf &- 1 : lf
        split = .fields(maxFields, next: lf &+ 1)
      } else {
        // A time first in the row with the previous row's bytes (every category of one time) is
        // passed with one comparison: those bytes were scanned as one plain field already.
        if timeIndex == 0 && previousLength > 0 && p + previousLength < end && base[p + previousLength] == comma
          && same(base + p, base + previousStart, previousLength)
        {
          sameTime = true
          ends[0] = p + previousLength
          field = 1
          starts[1] = p + previousLength + 1
          lineEnd = p + previousLength + 1
        }
        split = BlockLine.split(
          base, line: p, from: lineEnd, field: field, end: end, starts: starts, ends: ends, maxFields: maxFields)
      }
      let next: Int
      switch split {
      case .scanner: break rows
      case .blank(let after):
        line += 1
        p = after
        continue
      case .fields(let count, let after):
        if count != maxFields { break rows }
        next = after
      }
      line += 1

      // Time: parsed only when its bytes differ from the previous row's.
      let ts = starts[timeIndex]
      let length = ends[timeIndex] - ts
      var time = previousTime
      if !sameTime && (length != previousLength || !same(base + ts, base + previousStart, length)) {
        guard case .success(let parsed) = TimeParser.parse(UnsafeBufferPointer(start: base + ts, count: length))
        else { break rows }
        time = parsed.seconds
        if !formats.contains(parsed.format) { formats.append(parsed.format) }
        if time.floorMod(secondsPerDay) != 0 { subDaily = true }
        (previousStart, previousLength, previousTime) = (ts, length, time)
        if time != runTime {
          if time < runTime { break rows }
          if run > 0 && firstRun == nil { firstRun = currentRun }
          run += 1
          runTime = time
          currentRun.removeAll(keepingCapacity: true)
          let newDay = time.floorDiv(secondsPerDay)
          if newDay != day || run == 1 {
            day = newDay
            dayStarts.note(day: day)
            bucket = plan.bucket.bucketStart(day: day)
          }
        }
      }

      // Category.
      let code: Int32?
      if pair {
        pairKey.removeAll(keepingCapacity: true)
        pairKey.append(contentsOf: UnsafeBufferPointer(start: base + starts[c0], count: ends[c0] - starts[c0]))
        pairKey.append(UInt8(ascii: "/"))
        pairKey.append(contentsOf: UnsafeBufferPointer(start: base + starts[c1], count: ends[c1] - starts[c1]))
        code = pairKey.withUnsafeBufferPointer { partial.dictionary.code(for: $0) }
      } else {
        let cs = starts[c0]
        let n = ends[c0] - cs
        if n == 0 { break rows }
        var hit: Int32? = nil
        if previousCode >= 0, case let guess = following[Int(previousCode)], guess >= 0 {
          let o = keyOffsets[Int(guess)]
          if keyOffsets[Int(guess) + 1] - o == n,
            keyBytes.withUnsafeBufferPointer({ same(base + cs, $0.baseAddress! + o, n) })
          {
            hit = guess
          }
        }
        if hit == nil {
          let known = partial.dictionary.count
          hit = partial.dictionary.code(for: UnsafeBufferPointer(start: base + cs, count: n))
          if partial.dictionary.count > known {
            keyBytes.append(contentsOf: UnsafeBufferPointer(start: base + cs, count: n))
            keyOffsets.append(keyBytes.count)
            following.append(-1)
          }
          if let hit, previousCode >= 0 { following[Int(previousCode)] = hit }
        }
        code = hit
        previousCode = hit ?? -1
      }
      guard let code else { break rows }

      // Value: empty (or blank) is a missing cell; anything else the scanner would refuse goes to it.
      let value = BlockLine.value(base, starts[valueIndex], ends[valueIndex], powers)
      if value?.isNaN == true { break rows }
      if value == nil { emptyCells += 1 }

      // Once per run of equal times; then into the cell of (bucket, code).
      if cells.seen(code, run: run) { break rows }
      currentRun.append(code)
      if bucket != currentBucket {
        if currentBucket != .min { cells.flush(bucket: currentBucket, into: &partial) }
        currentBucket = bucket
      }
      cells.add(code, value, day: day, line: line)
      rows += 1
      if time < minTime { minTime = time }
      if time > maxTime { maxTime = time }
      p = next
    }
    if p < end {
      // The loop stopped early: a line the scanner must read.
      partial.needsScanner = true
      return partial
    }
    partial.lines = line
    if currentBucket != .min { cells.flush(bucket: currentBucket, into: &partial) }
    (partial.rows, partial.emptyCells, partial.minTime, partial.maxTime) = (rows, emptyCells, minTime, maxTime)
    (partial.formats, partial.subDaily, partial.starts) = (formats, subDaily, dayStarts)
    (partial.firstRun, partial.lastRun) = (firstRun ?? currentRun, currentRun)
    return partial
  }
}
