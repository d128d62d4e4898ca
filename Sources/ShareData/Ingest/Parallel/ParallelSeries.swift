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
  }

  private struct Key: Hashable {
    var bucket: Int64
    var code: Int32
  }

  static func read(
    stream: ByteStream, plan: SeriesPlan, hasHeader: Bool, source: Int32, builder: inout VolumeTableBuilder,
    summary: SourceSummary, blockSize: Int, workers: Int, progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> Outcome? {
    let queue = BlockQueue(capacity: 2 * workers)
    let results = ParallelIngest.Results<SeriesPartial>()
    let reader = ParallelIngest.Reader(stream: stream, queue: queue, blockSize: blockSize, hasHeader: hasHeader)
    reader.progress = progress
    let parse: @Sendable () -> Void = {
      while let block = queue.pop() {
        defer { queue.recycle(block.buffer) }
        guard queue.wants(block.index) else { continue }
        let partial = SeriesBlockParser.parse(block.bytes, plan: plan)
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
    guard
      let summary = merge(
        &partials, headerLines: reader.headerLines, source: source, builder: &builder, summary: summary)
    else { return nil }
    return Outcome(summary: summary, resolution: resolution)
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

  /// The blocks' cells summed in block order into one per (bucket, category), then into `builder`.
  /// Each partial is emptied once merged (with day cells, the partials of a 10× table held ~50 MB).
  private static func merge(
    _ partials: inout [SeriesPartial], headerLines: Int, source: Int32, builder: inout VolumeTableBuilder,
    summary: SourceSummary
  ) -> SourceSummary? {
    var summary = summary
    let read = partials.filter { $0.rows > 0 }.map { (minTime: $0.minTime, maxTime: $0.maxTime) }
    summary.timeFormat = partials.lazy.flatMap(\.formats).first
    // Blocks follow on in time order (inTimeOrder), so a block's cell can only add to one of the
    // previous blocks' last bucket: the index holds that bucket's cells alone. (With day cells, a
    // 10× table has ~900k of them; an index of all doubled the merge's memory.)
    var index: [Key: Int] = [:]
    var lastBucket = Int64.min
    let cellCount = partials.reduce(0) { $0 + $1.buckets.count }
    var keys: [Key] = []
    var sums: [Double] = []
    var counts: [Int64] = []
    var firstDays: [Int64] = []
    var lastDays: [Int64] = []
    var lines: [Int] = []
    keys.reserveCapacity(cellCount)
    sums.reserveCapacity(cellCount)
    counts.reserveCapacity(cellCount)
    firstDays.reserveCapacity(cellCount)
    lastDays.reserveCapacity(cellCount)
    lines.reserveCapacity(cellCount)
    var lineBase = headerLines
    for p in partials.indices {
      let partial = partials[p]
      partials[p] = SeriesPartial()
      if let last = partial.buckets.last { lastBucket = max(lastBucket, last) }
      let global = partial.dictionary.names.map { builder.code(for: $0) }
      for i in partial.buckets.indices {
        let key = Key(bucket: partial.buckets[i], code: global[Int(partial.codes[i])])
        if let cell = index[key] {
          sums[cell] += partial.sums[i]
          counts[cell] += partial.counts[i]
          firstDays[cell] = min(firstDays[cell], partial.firstDays[i])
          lastDays[cell] = max(lastDays[cell], partial.lastDays[i])
        } else {
          index[key] = keys.count
          keys.append(key)
          sums.append(partial.sums[i])
          counts.append(partial.counts[i])
          firstDays.append(partial.firstDays[i])
          lastDays.append(partial.lastDays[i])
          lines.append(lineBase + partial.firstLines[i])
        }
      }
      lineBase += partial.lines
      index = index.filter { $0.key.bucket == lastBucket }
      summary.rows += partial.rows
      summary.emptyCells += partial.emptyCells
      if partial.rows > 0 {
        summary.firstTime = min(summary.firstTime ?? UnixTime(seconds: .max), UnixTime(seconds: partial.minTime))
        summary.lastTime = max(summary.lastTime ?? UnixTime(seconds: .min), UnixTime(seconds: partial.maxTime))
      }
    }
    if counts.contains(0) { return nil }
    for cell in keys.indices {
      let origin = CellOrigin(source: source, line: Int64(lines[cell]))
      builder.addEventSum(
        day: firstDays[cell], code: keys[cell].code, volume: sums[cell], count: counts[cell], origin: origin)
      if lastDays[cell] != firstDays[cell] {
        builder.addEventSum(day: lastDays[cell], code: keys[cell].code, volume: 0, count: 0, origin: origin)
      }
    }
    // Empty values before the first value or after the last still stretch the serial table's
    // range (the coverage of its first and last bucket): a missing cell there does the same here.
    if let code = keys.first?.code, let low = read.first?.minTime, let high = read.last?.maxTime {
      if low.floorDiv(secondsPerDay) < firstDays.min()! {
        try? builder.addObservation(time: low, code: code, volume: nil, origin: CellOrigin(source: source, line: 0))
      }
      if high.floorDiv(secondsPerDay) > lastDays.max()! {
        try? builder.addObservation(time: high, code: code, volume: nil, origin: CellOrigin(source: source, line: 0))
      }
    }
    return summary
  }
}
