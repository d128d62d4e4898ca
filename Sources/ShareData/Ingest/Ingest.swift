// Reading inputs into the VolumeTable: open each input, detect its layout, and stream its records
// into the table builder. Every value error names the file, line and column, what was found and
// what was expected.

import Foundation

/// What reading produced: the table, what was found in each input, and warnings.
public struct IngestResult: Sendable {
  public var table: VolumeTable
  public var sources: [SourceSummary]
  public var warnings: [Warning]
  public var duplicates: [DuplicateCell]
  public var duplicateCount: Int
}

public enum Ingest {
  /// Reads files (`-` is standard input), zip members and the files under directories into one
  /// table: their union.
  public static func read(paths: [String], options: IngestOptions) throws -> IngestResult {
    guard !paths.isEmpty else {
      throw ShareError.request("no input files", hint: "name one or more CSV files, or pipe the data in")
    }
    if paths.filter({ $0 == "-" }).count > 1 {
      throw ShareError.request("standard input (-) can be read only once")
    }
    // Database sources are parsed first, files opened first, so a bad URL or a missing file is
    // reported before any work is done.
    let urls = try paths.map { SourceURL.isURL($0) ? try SourceURL($0) : nil }
    let files = paths.enumerated().filter { urls[$0.offset] == nil }.map(\.element)
    let opened = try InputFiles.open(files, verify: options.verifyChecksums)
    let streams = opened.map(\.stream)
    var builder = VolumeTableBuilder(policy: options.duplicates)
    var summaries: [SourceSummary] = []
    for url in urls.compactMap({ $0 }) {
      try options.conversion?.refuse(url.display, what: "a database table")
      let source = builder.addSource(url.display)
      summaries.append(
        try EngineSource.read(url, options: options, engine: options.engine, source: source, builder: &builder))
    }
    return try read(
      streams: streams, options: options, reopen: opened.map(\.reopen), sizes: opened.map(\.size), builder: builder,
      summaries: summaries)
  }

  public static func read(streams: [ByteStream], options: IngestOptions) throws -> IngestResult {
    try read(streams: streams, options: options, reopen: streams.map { _ in nil }, sizes: streams.map { _ in nil })
  }

  static func read(
    streams: [ByteStream], options: IngestOptions, reopen: [(() throws -> ByteStream)?], sizes: [Int?],
    builder: VolumeTableBuilder? = nil, summaries: [SourceSummary] = []
  ) throws -> IngestResult {
    var builder = builder ?? VolumeTableBuilder(policy: options.duplicates)
    var summaries = summaries
    var warnings: [Warning] = []
    var seriesResolution: Every?
    var emptyDays: [String] = []
    for (i, stream) in streams.enumerated() {
      let scanner = CSVScanner(stream: stream)
      if try TardisEmptyDay.isOne(scanner, name: stream.name) {
        emptyDays.append(stream.name)
        warnings.append(TardisEmptyDay.warning(stream.name))
        continue
      }
      let source = builder.addSource(stream.name)
      if options.standardInputUnasked, stream.name == "<stdin>", try scanner.isEmptyInput() {
        throw ShareError.request(
          "no input files, and standard input is empty", hint: "name one or more CSV files, or pipe the data in")
      }
      if try scanner.startsWithJSON() {
        var json = JSONFeedReader(name: stream.name, source: source, options: options)
        summaries.append(try json.read(scanner, into: &builder))
        try options.conversion?.finish(&builder, &summaries[summaries.count - 1])
        warnings += json.warnings
        continue
      }
      try scanner.settleDelimiter(options.delimiter)
      var reader = SourceReader(scanner: scanner, source: source, options: options)
      reader.reopen = reopen[i]
      reader.fileSize = sizes[i]
      reader.onlyInput = streams.count == 1 && summaries.isEmpty
      reader.earlierInputs = summaries
      if let progress = options.progress {
        let total = sizes[i]
        scanner.onRead = { progress(stream.name, stream.consumed, total) }
      }
      summaries.append(try reader.read(into: &builder))
      try options.conversion?.finish(&builder, &summaries[summaries.count - 1])
      warnings += reader.warnings
      seriesResolution = reader.seriesResolution ?? seriesResolution
    }
    if summaries.isEmpty, !emptyDays.isEmpty { throw TardisEmptyDay.nothingRead(emptyDays) }
    // Filter values name categories of the wide and JSON inputs taken together.
    if !options.filters.isEmpty && summaries.allSatisfy({ $0.namedCategories != nil }) {
      try CategoryFilter.checkNamed(options.filters, inputs: summaries.map { ($0.name, $0.namedCategories ?? []) })
    }
    try TradeOverlap.check(summaries, policy: options.duplicates)
    try UnitMixing.check(summaries, options: options)
    var table = builder.build()
    // A series summed into buckets (the only input then) keeps the resolution of its rows.
    if let seriesResolution { table.resolution = seriesResolution }
    return IngestResult(
      table: table, sources: summaries, warnings: warnings, duplicates: builder.duplicates,
      duplicateCount: builder.duplicateCount)
  }
}

/// The size of a regular file, nil for standard input and anything else.
func fileSize(_ path: String) -> Int? {
  guard path != "-" else { return nil }
  var info = stat()
  guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
  return Int(info.st_size)
}
