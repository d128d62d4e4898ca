// Big long tables (`time,category,value`) on all cores, in memory bounded by buckets × categories:
// the trade reader's blocks (ParallelIngest.Reader), parsed by SeriesBlockParser into sums by
// (bucket, category), merged in block order. The serial table holds a cell per row; this one holds,
// per bucket and category, the sum at the first day with a value and a 0 at the last. Volume-
// weighted shares of those buckets are then the same: the same sums, the same span of each
// category, the same first and last day of data in each bucket (the days a category can be absent
// on), the same range. That is the only use a caller may ask this for (IngestOptions.seriesBucket).
// Which days inside a bucket have data is lost unless the bucket is a day, and day coverage and
// gap alignment need exactly that: the command-line tool therefore always asks for day cells
// (one per day and category, a day's sum: the serial table summed by day, which is all the share
// computation looks at, gaps included).
//
// Returns nil, and the serial reader reads the file, whenever the result might differ from its
// own in more than summing: a line the fast path does not read, two time formats that do not
// mix, rows out of time order or a (time, category) twice, or a bucket whose rows of a category
// are all empty (the serial table keeps those as missing cells).

import Foundation

enum ParallelSeries {
  struct Outcome {
    var summary: SourceSummary
    /// The serial table's resolution, from the times read (the cells no longer show it).
    var resolution: Every
    /// Wide exports: per column, whether it equalled the others' sum on every row, and on how
    /// many rows that was evidence (SourceReader.excludeTotals).
    var rowSum: [Bool] = []
    var rowSumEvidence: [Int] = []
  }

  static func read(
    stream: ByteStream, plan: SeriesPlan, hasHeader: Bool, source: Int32, builder: inout VolumeTableBuilder,
    summary: SourceSummary, blockSize: Int, workers: Int, progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> Outcome? {
    try read(
      stream: stream, hasHeader: hasHeader, source: source, builder: &builder, summary: summary, blockSize: blockSize,
      workers: workers, progress: progress, cells: plan.bucket
    ) { SeriesBlockParser.parse($0, plan: plan) }
  }

  /// The same for any parser of blocks into cells per (bucket, category): long tables' and wide
  /// exports' (WideBlockParser).
  static func read(
    stream: ByteStream, hasHeader: Bool, source: Int32, builder: inout VolumeTableBuilder, summary: SourceSummary,
    blockSize: Int, workers: Int, progress: (@Sendable (Int) -> Void)?, cells: Every,
    parser: @escaping @Sendable (UnsafeRawBufferPointer) -> SeriesPartial
  ) throws -> Outcome? {
    let queue = BlockQueue(capacity: 2 * workers)
    let results = ParallelIngest.Results<SeriesPartial>()
    let reader = ParallelIngest.Reader(stream: stream, queue: queue, blockSize: blockSize, hasHeader: hasHeader)
    reader.progress = progress
    let parse: @Sendable () -> Void = {
      while let block = queue.pop() {
        defer { queue.recycle(block.buffer) }
        guard queue.wants(block.index) else { continue }
        let partial = parser(block.bytes)
        results.set(block.index, partial)
        if partial.needsScanner { queue.stop(after: block.index) }
      }
    }
    ParallelIngest.runOnOwnThreads([{ reader.run() }] + Array(repeating: parse, count: workers))
    var partials = results.take()
    // A reader that failed (a line over 16 MiB, a read error) hands the file over too: the
    // scanner then reports what it finds in its own words.
    if reader.needsScanner || reader.error != nil || partials.contains(where: \.needsScanner) { return nil }
    if partials.count < reader.blocksRead {
      throw ShareError(.ioFailed, "a block of the input was not parsed", at: SourceLocation(file: summary.name))
    }
    // Every format must mix with the first row's, as the serial reader checks row by row.
    let formats = partials.flatMap(\.formats)
    if let first = formats.first, !formats.allSatisfy(first.mixes) { return nil }
    guard inTimeOrder(partials) else { return nil }
    let resolution = resolution(partials)
    var outcome = Outcome(summary: summary, resolution: resolution)
    (outcome.rowSum, outcome.rowSumEvidence) = rowSums(partials)
    guard
      let summary = merge(
        &partials, headerLines: reader.headerLines, source: source, builder: &builder, summary: summary,
        dayCells: cells == .day)
    else { return nil }
    outcome.summary = summary
    return outcome
  }

  /// A wide export's columns that equal the others' sum on every row of every block, and the
  /// rows of evidence for it (empty for a long table).
  private static func rowSums(_ partials: [SeriesPartial]) -> ([Bool], [Int]) {
    var rowSum: [Bool] = []
    var evidence: [Int] = []
    for partial in partials where partial.rows > 0 && !partial.rowSum.isEmpty {
      if rowSum.isEmpty {
        (rowSum, evidence) = (partial.rowSum, partial.rowSumEvidence)
        continue
      }
      for k in rowSum.indices {
        rowSum[k] = rowSum[k] && partial.rowSum[k]
        evidence[k] += partial.rowSumEvidence[k]
      }
    }
    return (rowSum, evidence)
  }

  /// Whether the blocks' rows follow on in time order, no category twice in a run of equal times
  /// (which may span blocks).
  private static func inTimeOrder(_ partials: [SeriesPartial]) -> Bool {
    var runTime = Int64.min
    var runNames: Set<String> = []
    for partial in partials where partial.rows > 0 {
      let first = Set(partial.firstRun.map { partial.dictionary.names[Int($0)] })
      let last = Set(partial.lastRun.map { partial.dictionary.names[Int($0)] })
      if partial.minTime < runTime { return false }
      if partial.minTime == runTime {
        if !runNames.isDisjoint(with: first) { return false }
        if partial.maxTime == runTime {
          runNames.formUnion(first)
          continue
        }
      }
      runTime = partial.maxTime
      runNames = last
    }
    return true
  }

  /// What Every.resolution(ofSortedDistinct:) says of the serial table's times.
  private static func resolution(_ partials: [SeriesPartial]) -> Every {
    let read = partials.filter { $0.rows > 0 }
    guard let low = read.map(\.minTime).min(), let high = read.map(\.maxTime).max(), low < high,
      !read.contains(where: \.subDaily)
    else { return .day }
    var starts = DayStarts()
    for partial in read { starts.merge(partial.starts) }
    return starts.year ? .year : starts.quarter ? .quarter : starts.month ? .month : starts.week ? .week : .day
  }

  /// One (bucket, category) cell being summed across the blocks that share its bucket.
  private struct Cell {
    var code: Int32
    var sum: Double
    var count: Int64
    var firstDay: Int64
    var lastDay: Int64
    var line: Int
  }

  /// The blocks' cells summed in block order into one per (bucket, category), then into `builder`.
  /// Blocks follow on in time order (inTimeOrder), so a block's cell can only add to one of the
  /// previous blocks' last bucket: only that bucket's cells are held (`open`); every earlier cell
  /// goes to the builder as soon as its bucket is passed. Each partial is emptied once merged.
  /// (With day cells, a 10× table has ~913k cells: arrays of them all beside the builder's were
  /// ~50 MB of the peak.)
  /// A day cell whose rows are all empty becomes a missing cell at the day's start: the serial
  /// table's missing cells in that day count for nothing but the range (the day is in it either
  /// way), and a day is the finest step shares look at. A coarser empty cell sends the file to the
  /// serial reader (where in the bucket its rows were is not kept).
  private static func merge(
    _ partials: inout [SeriesPartial], headerLines: Int, source: Int32, builder: inout VolumeTableBuilder,
    summary: SourceSummary, dayCells: Bool
  ) -> SourceSummary? {
    var summary = summary
    let read = partials.filter { $0.rows > 0 }.map { (minTime: $0.minTime, maxTime: $0.maxTime) }
    summary.timeFormat = partials.lazy.flatMap(\.formats).first
    var open: [Cell] = []
    var openAt: [Int32: Int] = [:]
    var openBucket = Int64.min
    var firstCode: Int32? = nil
    var (firstDay, lastDay) = (Int64.max, Int64.min)
    var complete = true
    func close(_ builder: inout VolumeTableBuilder) {
      for cell in open {
        let origin = CellOrigin(source: source, line: Int64(cell.line))
        if cell.count == 0 {
          complete = complete && dayCells
          let time = openBucket * secondsPerDay
          try? builder.addObservation(time: time, code: cell.code, volume: nil, origin: origin)
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
      open.removeAll(keepingCapacity: true)
      openAt.removeAll(keepingCapacity: true)
    }
    var lineBase = headerLines
    for p in partials.indices {
      let partial = partials[p]
      partials[p] = SeriesPartial()
      let global = partial.dictionary.names.map { builder.code(for: $0) }
      for i in partial.buckets.indices {
        let code = global[Int(partial.codes[i])]
        if partial.buckets[i] != openBucket {
          close(&builder)
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
      lineBase += partial.lines
      summary.rows += partial.rows
      summary.emptyCells += partial.emptyCells
      if partial.rows > 0 {
        summary.firstTime = min(summary.firstTime ?? UnixTime(seconds: .max), UnixTime(seconds: partial.minTime))
        summary.lastTime = max(summary.lastTime ?? UnixTime(seconds: .min), UnixTime(seconds: partial.maxTime))
      }
    }
    close(&builder)
    // A bucket whose rows of a category are all empty: the serial table keeps those as missing cells.
    guard complete else { return nil }
    // Empty values before the first value or after the last still stretch the serial table's
    // range (the coverage of its first and last bucket): a missing cell there does the same here.
    if let code = firstCode, let low = read.first?.minTime, let high = read.last?.maxTime {
      if low.floorDiv(secondsPerDay) < firstDay {
        try? builder.addObservation(time: low, code: code, volume: nil, origin: CellOrigin(source: source, line: 0))
      }
      if high.floorDiv(secondsPerDay) > lastDay {
        try? builder.addObservation(time: high, code: code, volume: nil, origin: CellOrigin(source: source, line: 0))
      }
    }
    return summary
  }
}
