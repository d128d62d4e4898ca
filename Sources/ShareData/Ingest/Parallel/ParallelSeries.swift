// Big long tables (`time,category,value`) on all cores, in memory bounded by days × categories:
// the trade reader's blocks (ParallelIngest.Reader), parsed by SeriesBlockParser into sums by
// (day, category), merged in block order. A series cell holds one row's value on the serial path;
// here a day's rows of a category are summed into one cell, which gives the same volume-weighted
// shares at a day or coarser (the only use a caller may ask this for: IngestOptions.sumSeriesByDay).
//
// Returns nil, and the serial reader reads the file, whenever the result might differ from its
// own in more than summing: a line the fast path does not read, two time formats that do not
// mix, times of a (day, category) that do not rise (a repeat, or an unsorted file), or a day whose
// rows of a category are all empty (the serial table keeps that as a missing cell).

import Foundation

enum ParallelSeries {
  struct Outcome {
    var summary: SourceSummary
    /// Some time was not midnight: the table's resolution is a day, as the serial table's is.
    var subDaily: Bool
  }

  private struct Key: Hashable {
    var day: Int64
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
    let partials = results.ordered
    // A reader that failed (a line over 16 MiB, a read error) hands the file over too: the
    // scanner then reports what it finds in its own words.
    if reader.needsScanner || reader.error != nil || partials.contains(where: \.needsScanner) { return nil }
    if partials.count < reader.blocksRead {
      throw ShareError(.ioFailed, "a block of the input was not parsed", at: SourceLocation(file: summary.name))
    }
    // Every format must mix with the first row's, as the serial reader checks row by row.
    let formats = partials.flatMap(\.formats)
    if let first = formats.first, !formats.allSatisfy(first.mixes) { return nil }
    return try merge(partials, headerLines: reader.headerLines, source: source, builder: &builder, summary: summary)
      .map { Outcome(summary: $0, subDaily: partials.contains(where: \.subDaily)) }
  }

  /// The blocks' cells summed in block order into one cell per (day, category), then into `builder`.
  private static func merge(
    _ partials: [SeriesPartial], headerLines: Int, source: Int32, builder: inout VolumeTableBuilder,
    summary: SourceSummary
  ) throws -> SourceSummary? {
    var summary = summary
    var index: [Key: Int] = [:]
    var keys: [Key] = []
    var sums: [Double] = []
    var counts: [Int64] = []
    var lastTimes: [Int64] = []
    var lines: [Int] = []
    var lineBase = headerLines
    for partial in partials {
      let global = partial.dictionary.names.map { builder.code(for: $0) }
      for i in partial.days.indices {
        let key = Key(day: partial.days[i], code: global[Int(partial.codes[i])])
        if let cell = index[key] {
          guard partial.firstTimes[i] > lastTimes[cell] else { return nil }
          sums[cell] += partial.sums[i]
          counts[cell] += partial.counts[i]
          lastTimes[cell] = partial.lastTimes[i]
        } else {
          index[key] = keys.count
          keys.append(key)
          sums.append(partial.sums[i])
          counts.append(partial.counts[i])
          lastTimes.append(partial.lastTimes[i])
          lines.append(lineBase + partial.firstLines[i])
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
    if counts.contains(0) { return nil }
    for cell in keys.indices {
      builder.addEventSum(
        day: keys[cell].day, code: keys[cell].code, volume: sums[cell], count: counts[cell],
        origin: CellOrigin(source: source, line: Int64(lines[cell])))
    }
    summary.timeFormat = partials.lazy.flatMap(\.formats).first
    return summary
  }
}
