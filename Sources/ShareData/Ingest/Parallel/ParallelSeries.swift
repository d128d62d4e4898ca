// Big long tables (`time,category,value`) and wide exports (a column per category) on all cores, in
// memory bounded by buckets × categories: the trade reader's blocks (ParallelIngest.Reader), parsed
// by SeriesBlockParser or WideBlockParser into sums by (bucket, category), folded in block order as
// they come (SeriesFold). The serial table holds a cell per row; this one holds,
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
// mix, rows out of time order or a (time, category) twice, or a bucket coarser than a day whose
// rows of a category are all empty (the serial table keeps those as missing cells; SeriesFold).

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
    summary: SourceSummary, blockSize: Int?, workers: Int, progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> Outcome? {
    try read(
      stream: stream, hasHeader: hasHeader, source: source, builder: &builder, summary: summary, blockSize: blockSize,
      workers: workers, progress: progress, cells: plan.bucket
    ) { SeriesBlockParser.parse($0, plan: plan) }
  }

  /// The same for any parser of blocks into cells per (bucket, category): long tables' and wide
  /// exports' (WideBlockParser). The calling thread folds the partials in block order while the
  /// reader and the workers run on their own threads.
  static func read(
    stream: ByteStream, hasHeader: Bool, source: Int32, builder: inout VolumeTableBuilder, summary: SourceSummary,
    blockSize: Int?, workers: Int, progress: (@Sendable (Int) -> Void)?, cells: Every,
    parser: @escaping @Sendable (UnsafeRawBufferPointer) -> SeriesPartial
  ) throws -> Outcome? {
    let queue = BlockQueue(capacity: 2 * workers)
    let results = OrderedPartials()
    let reader = ParallelIngest.Reader(stream: stream, queue: queue, blockSize: blockSize, hasHeader: hasHeader)
    reader.progress = progress
    let parse: @Sendable () -> Void = {
      while let block = queue.pop() {
        defer { queue.done(with: block) }
        guard queue.wants(block.index) else { continue }
        let partial = parser(block.bytes)
        results.set(block.index, partial)
        if partial.needsScanner { queue.stop(after: block.index) }
      }
    }
    let done = DispatchSemaphore(value: 0)
    Thread {
      ParallelIngest.runOnOwnThreads([{ reader.run() }] + Array(repeating: parse, count: workers))
      results.finish()
      done.signal()
    }.start()
    var fold: SeriesFold? = nil
    var folded = 0
    var fine = true
    while let partial = results.take(folded) {
      // The reader has read the header before it queued the first block.
      if fold == nil {
        fold = SeriesFold(source: source, dayCells: cells == .day, summary: summary, headerLines: reader.headerLines)
      }
      if fine && !fold!.add(partial, into: &builder) {
        fine = false
        queue.stop(after: folded)
      }
      folded += 1
    }
    done.wait()
    // A reader that failed (a line over 16 MiB, a read error) hands the file over too: the
    // scanner then reports what it finds in its own words.
    guard fine, !reader.needsScanner, reader.error == nil, var fold else { return nil }
    if folded < reader.blocksRead {
      throw ShareError(.ioFailed, "a block of the input was not parsed", at: SourceLocation(file: summary.name))
    }
    guard let (summary, resolution) = fold.finish(into: &builder) else { return nil }
    return Outcome(
      summary: summary, resolution: resolution, rowSum: fold.rowSum, rowSumEvidence: fold.rowSumEvidence)
  }
}
