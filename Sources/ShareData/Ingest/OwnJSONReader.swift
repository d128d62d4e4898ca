// sharelens' own `shares --format json` read back: each bucket's start date and its volumes by
// category, so an analysis can be saved and continued (docs/json.md). A bucket's volume lands on
// its start date; read at the same `--every` it gives the same volumes, shares and totals.

import Foundation

enum OwnJSONReader {
  static let expected: Phrase =
    "sharelens' shares JSON: an object with \"buckets\", each with \"start\" and \"volumes\""

  /// Reads the whole input (already known to start with `{`) into `builder`; the warning says when
  /// the saved shares were smoothed or equal-weighted (`SavedShares`).
  static func read(
    _ bytes: [UInt8], name: String, source: Int32, options: IngestOptions, builder: inout VolumeTableBuilder
  ) throws -> (SourceSummary, Warning?) {
    let file = SourceLocation(file: name)
    let parsed: Any
    do {
      parsed = try JSONSerialization.jsonObject(with: Data(bytes))
    } catch {
      throw ShareError.data(
        "not valid JSON", at: file, expected: expected,
        hint: "sharelens reads back the JSON of shares --format json; other JSON needs converting to CSV")
    }
    guard let root = parsed as? [String: Any], let buckets = root["buckets"] as? [[String: Any]] else {
      throw ShareError.data("JSON without \"buckets\"", at: file, expected: expected)
    }
    // Categories in the file's order, so they get codes (and ties their order) as first written.
    let listed = (root["categories"] as? [String]) ?? []
    let names = listed + buckets.flatMap { ($0["volumes"] as? [String: Any])?.keys.sorted() ?? [] }
    var seen = Set<String>()
    let categories = names.filter { seen.insert($0).inserted }
    let kept = CategoryFilter.kept(categories, filters: options.filters)
    let codes = categories.map { builder.code(for: $0) }
    var summary = SourceSummary(
      name: name, layout: .wide, layoutReason: "detected: sharelens' own shares JSON", timeColumn: "start",
      categorySource: "the buckets' volumes: \(categories.joined(separator: ", "))", valueSource: "bucket volumes")
    summary.timeFormat = .date
    summary.namedCategories = categories
    for (index, bucket) in buckets.enumerated() {
      let at = SourceLocation(file: name, line: nil, column: nil, columnName: "buckets[\(index)]")
      guard let start = bucket["start"] as? String, case .success(let time) = TimeParser.parse(start) else {
        throw ShareError.data("a bucket without a start date", at: at, expected: "\"start\": \"YYYY-MM-DD\"")
      }
      guard let volumes = bucket["volumes"] as? [String: Any] else {
        throw ShareError.data("a bucket without volumes", at: at, expected: "\"volumes\": {\"category\": number, …}")
      }
      for (k, category) in categories.enumerated() where kept[k] {
        guard let raw = volumes[category] else { continue }
        let volume: Double?
        if raw is NSNull {
          volume = nil
          summary.emptyCells += 1
        } else if let number = raw as? NSNumber, number.doubleValue.isFinite, number.doubleValue >= 0 {
          volume = number.doubleValue
        } else {
          throw ShareError.data(
            "volume of \(quoted(category)) is not a number of 0 or more", at: at, expected: "a number, or null")
        }
        try builder.addObservation(
          time: time.seconds, code: codes[k], volume: volume, origin: CellOrigin(source: source, line: Int64(index + 1))
        )
      }
      summary.rows += 1
      if summary.firstTime.map({ time.seconds < $0.seconds }) ?? true {
        summary.firstTime = UnixTime(seconds: time.seconds)
      }
      if summary.lastTime.map({ time.seconds > $0.seconds }) ?? true {
        summary.lastTime = UnixTime(seconds: time.seconds)
      }
    }
    summary.delimiter = .comma
    if summary.rows == 0 {
      throw ShareError.data("the JSON has no buckets", at: file, expected: "at least one bucket")
    }
    return (summary, SavedShares.warning(name, transformations: SavedShares.transformations(json: root)))
  }
}
