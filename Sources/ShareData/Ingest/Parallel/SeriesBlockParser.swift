// The long layout's hot loop: one block of `time,category,value` rows into sums by (day, category).
// Works on the bytes in place, as the trade parser does (BlockParser.swift): fields are byte ranges,
// categories are looked up by their bytes, numbers are parsed without making Strings, and a time
// whose bytes repeat the previous row's (every market of one hour in a row) is not parsed again.
//
// It never reports an error itself: anything the fast path does not read exactly as the scanner
// would (a quote, a lone CR, a bad value, a row out of time order within its day and category)
// marks the block `needsScanner`, and the serial reader reads the whole file and says what is
// wrong, at which line, in its own words. So errors are the serial path's by construction.

import Foundation

/// The columns of a long series (decided by layout detection).
struct SeriesPlan: Sendable {
  var fieldCount: Int
  var timeIndex: Int
  /// One category column, or two that make a pair `a/b`.
  var categoryIndices: [Int]
  var valueIndex: Int
}

/// A block's result: one cell per (day, local category code) run, and what it saw.
struct SeriesPartial: Sendable {
  var dictionary = CategoryDictionary()
  var days: [Int64] = []
  var codes: [Int32] = []
  var sums: [Double] = []
  /// Rows with a value (an empty cell is a row without one).
  var counts: [Int64] = []
  /// The first and last time of each cell's rows: across blocks a cell's times must keep rising,
  /// which is what rules out a repeated (time, category) without remembering every time.
  var firstTimes: [Int64] = []
  var lastTimes: [Int64] = []
  /// Each cell's first row, as a line counted from the block's first line (1-based).
  var firstLines: [Int] = []
  /// Lines consumed, blank ones included.
  var lines = 0
  var rows = 0
  var emptyCells = 0
  var minTime = Int64.max
  var maxTime = Int64.min
  /// The time formats seen, in order of first appearance.
  var formats: [TimeFormat] = []
  /// Whether some time is not midnight (the table then has daily resolution, as the serial one).
  var subDaily = false
  /// The file must be read by the general scanner.
  var needsScanner = false
}

enum SeriesBlockParser {
  static let comma = UInt8(ascii: ",")
  static let newline: UInt8 = 0x0A
  static let cr: UInt8 = 0x0D
  static let quote = UInt8(ascii: "\"")

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
    defer {
      starts.deallocate()
      ends.deallocate()
    }
    var days: [Int64] = []
    var codes: [Int32] = []
    var sums: [Double] = []
    var counts: [Int64] = []
    var firstTimes: [Int64] = []
    var lastTimes: [Int64] = []
    var firstLines: [Int] = []
    var formats: [TimeFormat] = []
    var rows = 0
    var emptyCells = 0
    var minTime = Int64.max
    var maxTime = Int64.min
    var subDaily = false
    var slot: [Int] = []
    var touched: [Int32] = []
    var currentDay = Int64.min
    var pairKey = [UInt8]()
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

    rows: while p < end {
      // One line: record field boundaries.
      var field = 0
      var lineEnd = p
      starts[0] = p
      while lineEnd < end {
        let c = base[lineEnd]
        if c <= comma {
          if c == newline { break }
          if c == comma {
            if field < maxFields { ends[field] = lineEnd }
            field += 1
            if field <= maxFields { starts[field] = lineEnd + 1 }
          } else if c == quote || c == 0 || (c == cr && lineEnd + 1 < end && base[lineEnd + 1] != newline) {
            break rows
          }
        }
        lineEnd += 1
      }
      var contentEnd = lineEnd
      if contentEnd > p && base[contentEnd - 1] == cr { contentEnd -= 1 }
      if field <= maxFields { ends[field] = contentEnd }
      let next = lineEnd + 1
      line += 1
      if field == 0 {
        // Blank lines are skipped, as the scanner skips them.
        var k = p
        while k < contentEnd && (base[k] == 0x20 || base[k] == 0x09) { k += 1 }
        if k == contentEnd {
          p = next
          continue
        }
      }
      if field + 1 != maxFields { break rows }

      // Time: parsed only when its bytes differ from the previous row's.
      let ts = starts[timeIndex]
      let length = ends[timeIndex] - ts
      var time = previousTime
      if length != previousLength || memcmp(base + ts, base + previousStart, length) != 0 {
        guard case .success(let parsed) = TimeParser.parse(UnsafeBufferPointer(start: base + ts, count: length))
        else { break rows }
        time = parsed.seconds
        if !formats.contains(parsed.format) { formats.append(parsed.format) }
        if time.floorMod(secondsPerDay) != 0 { subDaily = true }
        (previousStart, previousLength, previousTime) = (ts, length, time)
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
        if ends[c0] == starts[c0] { break rows }
        code = partial.dictionary.code(for: UnsafeBufferPointer(start: base + starts[c0], count: ends[c0] - starts[c0]))
      }
      guard let code else { break rows }

      // Value: empty (or blank) is a missing cell; anything else the scanner would refuse goes to it.
      var value: Double? = nil
      let vs = starts[valueIndex]
      let ve = ends[valueIndex]
      if vs != ve {
        switch DecimalParser.parse(UnsafeBufferPointer(start: base + vs, count: ve - vs)) {
        case .success(let v):
          if v < 0 { break rows }
          value = v
        case .failure(.notANumber):
          var k = vs
          while k < ve && (base[k] == 0x20 || base[k] == 0x09) { k += 1 }
          if k != ve { break rows }
        case .failure(.overflow):
          break rows
        }
      }
      if value == nil { emptyCells += 1 }

      // Into the cell of (day, code); within it, times must rise.
      let day = time.floorDiv(secondsPerDay)
      if day != currentDay {
        for c in touched { slot[Int(c)] = -1 }
        touched.removeAll(keepingCapacity: true)
        currentDay = day
      }
      if Int(code) >= slot.count { slot.append(contentsOf: repeatElement(-1, count: Int(code) + 1 - slot.count)) }
      let cell = slot[Int(code)]
      if cell >= 0 {
        if time <= lastTimes[cell] { break rows }
        lastTimes[cell] = time
        if let value {
          sums[cell] += value
          counts[cell] += 1
        }
      } else {
        slot[Int(code)] = days.count
        touched.append(code)
        days.append(day)
        codes.append(code)
        sums.append(value ?? 0)
        counts.append(value == nil ? 0 : 1)
        firstTimes.append(time)
        lastTimes.append(time)
        firstLines.append(line)
      }
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
    (partial.days, partial.codes, partial.sums, partial.counts) = (days, codes, sums, counts)
    (partial.firstTimes, partial.lastTimes, partial.firstLines) = (firstTimes, lastTimes, firstLines)
    (partial.rows, partial.emptyCells, partial.minTime, partial.maxTime) = (rows, emptyCells, minTime, maxTime)
    (partial.formats, partial.subDaily) = (formats, subDaily)
    return partial
  }
}
