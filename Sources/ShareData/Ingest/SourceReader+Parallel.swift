// Big trade files go to the parallel block reader, which hands back what it cannot read as the
// scanner does (quoted fields, CR-only line ends); so do big long tables and wide exports, summed
// into buckets, when the caller asks for that (IngestOptions.seriesBucket, ParallelSeries).

import Foundation

extension SourceReader {
  /// Big trade files (and long tables, see readSeriesInParallel) go to the parallel reader; nil
  /// when this input is not one, or when the parallel reader hands it back (quotes, CR-only line ends).
  mutating func readInParallel(
    _ plan: LayoutPlan, _ builder: inout VolumeTableBuilder, _ summary: SourceSummary
  ) throws -> SourceSummary? {
    guard let reopenInput = reopen, let size = fileSize, size >= options.parallelThreshold, options.filters.isEmpty
    else { return nil }
    let mapsFiles = options.mapsFiles
    let reopen = { () throws -> ByteStream in
      let stream = try reopenInput()
      (stream as? FileStream)?.mayMap = mapsFiles
      return stream
    }
    if plan.layout == .long && plan.priceIndex == nil {
      return try readSeriesInParallel(plan, &builder, summary, stream: try reopen(), size: size)
    }
    if plan.layout == .wide { return try readWideInParallel(plan, &builder, summary, stream: try reopen(), size: size) }
    var summary = summary
    let fast: FastPlan
    switch plan.layout {
    case _ where plan.binance != nil:
      guard let binance = try binancePlan(plan.binance!, &summary) else { return nil }
      fast = binance
    case _ where plan.vendorTrades != nil:
      guard let vendor = try vendorParallelPlan(plan.vendorTrades!, &summary) else { return nil }
      fast = vendor
    case .trades:
      let market = MarketName(fileName: name, table: options.markets)
      let category = try market.category(grouping: options.group)
      (summary.categorySource, summary.valueSource, summary.timeColumn) = describeTrades(market, category)
      fast = FastPlan(
        source: name, header: plan.header, fieldCount: 3,
        columns: TradeColumns(
          time: 0, price: 1, amount: 2, volume: options.unit == .quote ? .amountTimesPrice : .amount, checksPrice: true),
        categoryIndices: [], constantCategory: category)
    case .long where plan.priceIndex != nil && plan.timeIndex != nil:
      (summary.categorySource, summary.valueSource) = describeLong(plan)
      fast = FastPlan(
        source: name, header: plan.header, fieldCount: plan.header.count,
        columns: TradeColumns(
          time: plan.timeIndex!, price: plan.priceIndex!, amount: plan.valueIndex!,
          volume: options.unit == .quote ? .amountTimesPrice : .amount),
        categoryIndices: plan.categoryIndices, constantCategory: nil)
    default:
      return nil
    }
    var trial = builder
    var report: (@Sendable (Int) -> Void)? = nil
    if let progress = options.progress {
      let input = name
      report = { done in progress(input, done, size) }
    }
    guard
      let result = try ParallelIngest.read(
        stream: try reopen(), plan: fast, hasHeader: plan.hasHeader, source: source, builder: &trial, summary: summary,
        blockSize: options.blockSize, workers: max(1, options.workers), progress: report)
    else { return nil }
    if result.rows == 0 {
      throw ShareError.data(
        "the file has a header but no data rows", at: SourceLocation(file: name), expected: "at least one data row")
    }
    builder = trial
    return result
  }
}

extension SourceReader {
  /// A big long table summed into bucket cells by the parallel reader (IngestOptions.seriesBucket);
  /// nil when it is not asked for, or when the serial reader must read this input.
  mutating func readSeriesInParallel(
    _ plan: LayoutPlan, _ builder: inout VolumeTableBuilder, _ summary: SourceSummary,
    stream: @autoclosure () throws -> ByteStream,
    size: Int
  ) throws -> SourceSummary? {
    guard let bucket = options.seriesBucket, onlyInput, let timeIndex = plan.timeIndex,
      let valueIndex = plan.valueIndex,
      !plan.categoryIndices.isEmpty
    else { return nil }
    var summary = summary
    (summary.categorySource, summary.valueSource) = describeLong(plan)
    let seriesPlan = SeriesPlan(
      fieldCount: plan.header.count, timeIndex: timeIndex, categoryIndices: plan.categoryIndices,
      valueIndex: valueIndex, bucket: bucket)
    var trial = builder
    guard
      let outcome = try ParallelSeries.read(
        stream: try stream(), plan: seriesPlan, hasHeader: plan.hasHeader, source: source, builder: &trial,
        summary: summary, blockSize: options.blockSize, workers: max(1, options.workers),
        progress: progressReport(size: size)),
      outcome.summary.rows > 0
    else { return nil }
    builder = trial
    seriesResolution = outcome.resolution
    return outcome.summary
  }

  /// The caller's progress callback for this input, as the parallel readers call it (bytes read).
  func progressReport(size: Int) -> (@Sendable (Int) -> Void)? {
    guard let progress = options.progress else { return nil }
    let input = name
    return { done in progress(input, done, size) }
  }
}
