// The blocks' partials (SeriesPartial) folded in block order as the workers hand them over, each
// freed once folded: the checks that decide whether the serial reader must read the file instead
// (time formats that do not mix, rows out of time order across blocks, an empty cell coarser than
// a day), the table's resolution, a wide export's TOTAL evidence, and the cells themselves into the
// builder. Blocks follow on in time order, so a block's cell can only add to the previous blocks'
// last bucket: only that bucket's cells are held (`open`); the rest go to the builder as soon as
// their bucket is passed. (Holding every partial until the last block was parsed, as this did
// before, was ~80 MB of the 10× long table's day cells; arrays of all merged cells another ~50 MB.)

import Foundation

/// Partials by block index, handed to the fold in order as they arrive (ParallelIngest.Results
/// hands them over only once every block is parsed).
final class OrderedPartials: @unchecked Sendable {
  private let condition = NSCondition()
  private var partials: [Int: SeriesPartial] = [:]
  private var finished = false

  func set(_ index: Int, _ partial: SeriesPartial) {
    condition.lock()
    partials[index] = partial
    condition.broadcast()
    condition.unlock()
  }

  /// No more partials will come (the workers are done).
  func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  /// Block `index`'s partial, waiting for it; nil once the workers are done without it.
  func take(_ index: Int) -> SeriesPartial? {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let partial = partials.removeValue(forKey: index) { return partial }
      if finished { return nil }
      condition.wait()
    }
  }
}

struct SeriesFold {
  /// One (bucket, category) cell being summed across the blocks that share its bucket.
  private struct Cell {
    var code: Int32
    var sum: Double
    var count: Int64
    var firstDay: Int64
    var lastDay: Int64
    var line: Int
  }

  let source: Int32
  /// Cells are days: a day cell whose rows are all empty becomes a missing cell at the day's
  /// start (the serial table's missing cells in that day count for nothing but the range, which
  /// has the day either way). A coarser empty cell sends the file to the serial reader (where in
  /// the bucket its rows were is not kept).
  let dayCells: Bool
  var summary: SourceSummary
  var lineBase: Int
  private var firstFormat: TimeFormat? = nil
  private var runTime = Int64.min
  private var runNames: Set<String> = []
  private var (low, high): (Int64?, Int64?) = (nil, nil)
  private var subDaily = false
  private var starts = DayStarts()
  private(set) var rowSum: [Bool] = []
  private(set) var rowSumEvidence: [Int] = []
  private var open: [Cell] = []
  private var openAt: [Int32: Int] = [:]
  private var openBucket = Int64.min
  private var firstCode: Int32? = nil
  private var (firstDay, lastDay) = (Int64.max, Int64.min)

  init(source: Int32, dayCells: Bool, summary: SourceSummary, headerLines: Int) {
    self.source = source
    self.dayCells = dayCells
    self.summary = summary
    self.lineBase = headerLines
  }

  /// Adds the next block's partial; false when the serial reader must read the file.
  mutating func add(_ partial: SeriesPartial, into builder: inout VolumeTableBuilder) -> Bool {
    if partial.needsScanner { return false }
    // Every format must mix with the first row's, as the serial reader checks row by row.
    for format in partial.formats {
      if let first = firstFormat, !first.mixes(with: format) { return false }
      if firstFormat == nil { firstFormat = format }
    }
    if partial.rows > 0 {
      guard followsOn(partial) else { return false }
      (low, high) = (low ?? partial.minTime, partial.maxTime)
      subDaily = subDaily || partial.subDaily
      starts.merge(partial.starts)
      summary.firstTime = min(summary.firstTime ?? UnixTime(seconds: .max), UnixTime(seconds: partial.minTime))
      summary.lastTime = max(summary.lastTime ?? UnixTime(seconds: .min), UnixTime(seconds: partial.maxTime))
      addRowSums(partial)
    }
    guard addCells(partial, into: &builder) else { return false }
    lineBase += partial.lines
    summary.rows += partial.rows
    summary.emptyCells += partial.emptyCells
    return true
  }

  /// Whether the block's rows follow on the previous blocks' in time order, no category twice in
  /// a run of equal times (which may span blocks).
  private mutating func followsOn(_ partial: SeriesPartial) -> Bool {
    if partial.minTime < runTime { return false }
    if partial.minTime == runTime {
      let first = Set(partial.firstRun.map { partial.dictionary.names[Int($0)] })
      if !runNames.isDisjoint(with: first) { return false }
      if partial.maxTime == runTime {
        runNames.formUnion(first)
        return true
      }
    }
    runTime = partial.maxTime
    runNames = Set(partial.lastRun.map { partial.dictionary.names[Int($0)] })
    return true
  }

  /// A wide export's columns that equal the others' sum on every row, and the rows of evidence.
  private mutating func addRowSums(_ partial: SeriesPartial) {
    guard !partial.rowSum.isEmpty else { return }
    if rowSum.isEmpty {
      (rowSum, rowSumEvidence) = (partial.rowSum, partial.rowSumEvidence)
      return
    }
    for k in rowSum.indices {
      rowSum[k] = rowSum[k] && partial.rowSum[k]
      rowSumEvidence[k] += partial.rowSumEvidence[k]
    }
  }

  private mutating func addCells(_ partial: SeriesPartial, into builder: inout VolumeTableBuilder) -> Bool {
    let global = partial.dictionary.names.map { builder.code(for: $0) }
    for i in partial.buckets.indices {
      let code = global[Int(partial.codes[i])]
      if partial.buckets[i] != openBucket {
        guard close(into: &builder) else { return false }
        openBucket = partial.buckets[i]
      }
      if let at = openAt[code] {
        open[at].sum += partial.sums[i]
        open[at].count += partial.counts[i]
        open[at].firstDay = min(open[at].firstDay, partial.firstDays[i])
        open[at].lastDay = max(open[at].lastDay, partial.lastDays[i])
      } else {
        openAt[code] = open.count
        open.append(
          Cell(
            code: code, sum: partial.sums[i], count: partial.counts[i], firstDay: partial.firstDays[i],
            lastDay: partial.lastDays[i], line: lineBase + partial.firstLines[i]))
      }
    }
    return true
  }

  /// The open bucket's cells into the builder: the sum at the first day with a value, a 0 at the
  /// last (the same span and the same days a category can be absent on); false for an empty cell
  /// coarser than a day.
  private mutating func close(into builder: inout VolumeTableBuilder) -> Bool {
    defer {
      open.removeAll(keepingCapacity: true)
      openAt.removeAll(keepingCapacity: true)
    }
    for cell in open {
      let origin = CellOrigin(source: source, line: Int64(cell.line))
      if cell.count == 0 {
        guard dayCells else { return false }
        try? builder.addObservation(time: openBucket * secondsPerDay, code: cell.code, volume: nil, origin: origin)
        (firstDay, lastDay) = (min(firstDay, openBucket), max(lastDay, openBucket))
        continue
      }
      builder.addEventSum(day: cell.firstDay, code: cell.code, volume: cell.sum, count: cell.count, origin: origin)
      if cell.lastDay != cell.firstDay {
        builder.addEventSum(day: cell.lastDay, code: cell.code, volume: 0, count: 0, origin: origin)
      }
      if firstCode == nil { firstCode = cell.code }
      (firstDay, lastDay) = (min(firstDay, cell.firstDay), max(lastDay, cell.lastDay))
    }
    return true
  }

  /// The last bucket's cells, the range, and the serial table's resolution; nil when the serial
  /// reader must read the file.
  mutating func finish(into builder: inout VolumeTableBuilder) -> (summary: SourceSummary, resolution: Every)? {
    guard close(into: &builder) else { return nil }
    summary.timeFormat = firstFormat
    // Empty values before the first value or after the last still stretch the serial table's
    // range (the coverage of its first and last bucket): a missing cell there does the same here.
    if let code = firstCode, let low, let high {
      if low.floorDiv(secondsPerDay) < firstDay {
        try? builder.addObservation(time: low, code: code, volume: nil, origin: CellOrigin(source: source, line: 0))
      }
      if high.floorDiv(secondsPerDay) > lastDay {
        try? builder.addObservation(time: high, code: code, volume: nil, origin: CellOrigin(source: source, line: 0))
      }
    }
    // What Every.resolution(ofSortedDistinct:) says of the serial table's times.
    guard let low, let high, low < high, !subDaily else { return (summary, .day) }
    let resolution: Every =
      starts.year ? .year : starts.quarter ? .quarter : starts.month ? .month : starts.week ? .week : .day
    return (summary, resolution)
  }
}
