// The wide layout's hot loop: one block of `time,a,b,c,…` rows (one column per category) into sums
// by (bucket, column), the long parser's cells (SeriesPartial), merged by ParallelSeries. Fields
// are byte ranges in the block, values are parsed in place (PlainDecimal, else DecimalParser, as
// the long parser does), and a row's cells go to the bucket's cells at `cellBase + column`.
//
// As in SeriesBlockParser, it never reports an error: a quote, a lone CR, a row of another width,
// a bad time or value, or a time not later than the previous row's marks the block
// `needsScanner`, and the serial reader (SourceReader+Wide.swift) reads the file and reports it.
// The serial reader's TOTAL check is made on every row here too, with the same sum in the same
// column order, so it decides the same; its verdict is applied after the merge.

import Foundation

/// The columns of a wide export (decided by layout detection).
struct WidePlan: Sendable {
  var fieldCount: Int
  var timeIndex: Int
  /// The category columns, in header order, and their categories' names (distinct).
  var columns: [Int]
  var names: [String]
  /// The width of the cells: the analysis' bucket, or a day.
  var bucket: Every
}

enum WideBlockParser {
  // hot loop: the wide layout's loop over a 4 MiB block. Field bounds and the row's values live in
  // raw buffers and the cells in locals no closure captures (see BlockParser.parse on boxed arrays).
  static func parse(_ bytes: UnsafeRawBufferPointer, plan: WidePlan) -> SeriesPartial {
    var partial = SeriesPartial()
    for name in plan.names { _ = partial.dictionary.code(for: name) }
    let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
    let end = bytes.count
    let maxFields = plan.fieldCount
    let n = plan.columns.count
    let starts = UnsafeMutablePointer<Int>.allocate(capacity: maxFields + 1)
    let ends = UnsafeMutablePointer<Int>.allocate(capacity: maxFields + 1)
    starts.initialize(repeating: 0, count: maxFields + 1)
    ends.initialize(repeating: 0, count: maxFields + 1)
    let columns = UnsafeMutablePointer<Int>.allocate(capacity: max(n, 1))
    columns.initialize(from: plan.columns, count: n)
    let values = UnsafeMutablePointer<Double>.allocate(capacity: max(n, 1))
    values.initialize(repeating: 0, count: max(n, 1))
    let powers = UnsafeMutablePointer<Double>.allocate(capacity: PlainDecimal.powers.count)
    powers.initialize(from: PlainDecimal.powers, count: PlainDecimal.powers.count)
    defer {
      starts.deallocate()
      ends.deallocate()
      columns.deallocate()
      values.deallocate()
      powers.deallocate()
    }
    var rowSum = [Bool](repeating: true, count: n)
    var evidence = [Int](repeating: 0, count: n)
    var buckets: [Int64] = []
    var codes: [Int32] = []
    var sums: [Double] = []
    var counts: [Int64] = []
    var firstDays: [Int64] = []
    var lastDays: [Int64] = []
    var firstLines: [Int] = []
    var formats: [TimeFormat] = []
    var dayStarts = DayStarts()
    var (day, bucket, currentBucket, cellBase) = (Int64.min, Int64(0), Int64.min, 0)
    var (rows, emptyCells, minTime, maxTime, subDaily) = (0, 0, Int64.max, Int64.min, false)
    let timeIndex = plan.timeIndex
    var p = 0
    var line = 0

    rows: while p < end {
      starts[0] = p
      line += 1
      let next: Int
      switch BlockLine.split(
        base, line: p, from: p, field: 0, end: end, starts: starts, ends: ends, maxFields: maxFields)
      {
      case .scanner: break rows
      case .blank(let after):
        p = after
        continue
      case .fields(let count, let after):
        if count != maxFields { break rows }
        next = after
      }

      // Time: every row has its own, later than the one before (a repeat is the serial reader's error).
      let ts = starts[timeIndex]
      guard
        case .success(let parsed) = TimeParser.parse(UnsafeBufferPointer(start: base + ts, count: ends[timeIndex] - ts))
      else { break rows }
      let time = parsed.seconds
      if rows > 0 && time <= maxTime { break rows }
      if !formats.contains(parsed.format) { formats.append(parsed.format) }
      if time.floorMod(secondsPerDay) != 0 { subDaily = true }
      let newDay = time.floorDiv(secondsPerDay)
      if newDay != day {
        day = newDay
        dayStarts.note(day: day)
        bucket = plan.bucket.bucketStart(day: day)
      }

      // Values, and the serial reader's TOTAL check on them (the same sum in the same order).
      var total = 0.0
      var observed = 0
      for k in 0..<n {
        guard let v = BlockLine.value(base, starts[columns[k]], ends[columns[k]], powers) else {
          values[k] = -1
          emptyCells += 1
          continue
        }
        if v.isNaN { break rows }
        values[k] = v
        total += v
        observed += 1
      }
      for k in 0..<n where rowSum[k] && values[k] >= 0 {
        let v = values[k]
        if abs(2 * v - total) > 1e-6 * max(total, 1e-300) {
          rowSum[k] = false
        } else if observed >= 3 && v > 0 {
          evidence[k] += 1
        }
      }

      // Into the bucket's cells, one per column, made when the bucket starts.
      if bucket != currentBucket {
        currentBucket = bucket
        cellBase = buckets.count
        for k in 0..<n {
          buckets.append(bucket)
          codes.append(Int32(k))
          sums.append(0)
          counts.append(0)
          firstDays.append(.max)
          lastDays.append(.min)
          firstLines.append(line)
        }
      }
      for k in 0..<n where values[k] >= 0 {
        let cell = cellBase + k
        sums[cell] += values[k]
        counts[cell] += 1
        if firstDays[cell] == .max { firstDays[cell] = day }
        lastDays[cell] = day
      }
      rows += 1
      if time < minTime { minTime = time }
      maxTime = time
      p = next
    }
    if p < end {
      // The loop stopped early: a line the scanner must read.
      partial.needsScanner = true
      return partial
    }
    partial.lines = line
    (partial.buckets, partial.codes, partial.sums, partial.counts) = (buckets, codes, sums, counts)
    (partial.firstDays, partial.lastDays, partial.firstLines) = (firstDays, lastDays, firstLines)
    (partial.rows, partial.emptyCells, partial.minTime, partial.maxTime) = (rows, emptyCells, minTime, maxTime)
    (partial.formats, partial.subDaily, partial.starts) = (formats, subDaily, dayStarts)
    // Every row holds every column: a run of equal times is one row, all of whose columns a next
    // block's first row at the same time would repeat (ParallelSeries.inTimeOrder then declines).
    let all = (0..<Int32(n)).map { $0 }
    (partial.firstRun, partial.lastRun) = rows > 0 ? (all, all) : ([], [])
    (partial.rowSum, partial.rowSumEvidence) = (rowSum, evidence)
    return partial
  }
}
