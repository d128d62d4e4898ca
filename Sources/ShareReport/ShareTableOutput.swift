// The bucket × category share table in every output format: text and markdown show percent,
// CSV and JSON carry fractions. Null (not observed, or an undefined share) is "—" in text, empty
// in CSV and null in JSON: never 0, never NaN.

import ShareData
import ShareStats

public enum OutputFormat: String, CaseIterable, Sendable {
  case text, csv, json, markdown
}

public enum ShareTableOutput {
  public static func render(
    _ analysis: ShareAnalysis, format: OutputFormat, unit: String, group: String, ascii: Bool = false, width: Int = .max
  ) -> String {
    let b = analysis.breakdown
    switch format {
    case .text:
      return TextTableRenderer(style: ascii ? .ascii : .unicode).render(tableModel(b, ascii: ascii), maxWidth: width)
        + TerminalText.sanitized(legend(b, ascii: ascii))
    case .markdown: return MarkdownTableRenderer().render(tableModel(b)) + legend(b)
    case .csv: return csv(b)
    case .json: return json(b, unit: unit, group: group).render() + "\n"
    }
  }

  /// Marks a share whose category lacks days inside its span in the bucket (day coverage below 1).
  static func gapMarker(ascii: Bool) -> String { ascii ? "+" : "†" }

  /// Bucket rows: label, each category's share in percent (marked where its day coverage is below
  /// 1), the bucket total and coverage.
  public static func tableModel(_ b: ShareBreakdown, ascii: Bool = false) -> TableModel {
    var columns = [TableColumn(b.every.rawValue, .left)]
    columns += b.categories.map { TableColumn($0) }
    columns += [TableColumn("total"), TableColumn("coverage")]
    let rows = b.buckets.map { bucket -> [String] in
      var row = [b.every.label(start: bucket.startDay) + (bucket.partial ? "*" : "")]
      row += bucket.shares.indices.map { c in
        NumberFormat.percent(bucket.shares[c]) + (isShort(bucket, c) ? gapMarker(ascii: ascii) : "")
      }
      row.append(NumberFormat.volume(bucket.total))
      row.append("\(bucket.observed)/\(bucket.active)")
      return row
    }
    var footer = ["all"]
    footer += b.totalShares.map { NumberFormat.percent($0) }
    footer.append(NumberFormat.volume(b.grandTotal))
    footer.append("")
    return TableModel(columns: columns, rows: rows, footer: [footer])
  }

  /// Observed in the bucket but without data on some of its active days.
  static func isShort(_ bucket: BucketShares, _ c: Int) -> Bool {
    bucket.states[c] == .observed && (bucket.dayCoverage.indices.contains(c) ? bucket.dayCoverage[c] ?? 1 : 1) < 1
  }

  /// Some share in the table is marked as short of days.
  static func hasShortShares(_ b: ShareBreakdown) -> Bool {
    b.buckets.contains { bucket in bucket.states.indices.contains { isShort(bucket, $0) } }
  }

  static func legend(_ b: ShareBreakdown, ascii: Bool = false) -> String {
    var notes: [String] = []
    if let smoothing = b.smoothing {
      notes.append(
        "Smoothed shares: \(smoothingPhrase(smoothing, b.every))"
          + (b.weighting == .volume
            ? "; the total (in the data's volume unit) and the all row are not smoothed."
            : ", each \(b.every.rawValue)'s share the mean of \(b.resolution.adjective) shares; the total and the all "
              + "row are not smoothed."))
    } else {
      notes.append(
        b.weighting == .volume
          ? "Shares of each \(b.every.rawValue)'s volume; total in the data's volume unit."
          : "Shares are the mean of \(b.resolution.adjective) shares within each \(b.every.rawValue).")
    }
    if let fold = b.fold { notes.append(foldNote(fold)) }
    if b.buckets.contains(where: \.partial) { notes.append("* partial bucket: the data covers only part of it.") }
    if b.buckets.contains(where: { $0.shares.contains { $0 == nil } }) {
      notes.append("— not observed in the bucket (missing, not zero).")
    }
    notes.append("coverage: categories observed / categories active in the bucket.")
    notes.append(gapNote(b, marker: gapMarker(ascii: ascii)))
    return notes.joined(separator: "\n") + "\n"
  }

  /// "Top 4 by volume; 2 more folded into others (the data's own catch-all): kraken, bitstamp."
  static func foldNote(_ fold: CategoryFold) -> String {
    let shown = fold.folded.prefix(8).joined(separator: ", ") + (fold.folded.count > 8 ? ", …" : "")
    let more = fold.folded.count == 1 ? "1 more" : "\(fold.folded.count) more"
    return "Top \(fold.top) by volume; \(more) folded into \(fold.into)"
      + (fold.intoIsTheDatas ? " (the data's own catch-all)" : "") + ": \(shown)."
  }

  /// The gap policy, and what the marker means where a bucket has one.
  static func gapNote(_ b: ShareBreakdown, marker: String) -> String {
    let marked = hasShortShares(b)
    let left = b.buckets.compactMap(\.daysLeftOut).reduce(0, +)
    let policy: String
    switch b.gaps {
    case .align:
      policy =
        "gaps: align (a bucket's shares use only the \(b.resolution.rawValue)s on which every category has data"
        + (left > 0 ? "; \(left) left out in all" : "") + ")."
    case .scale: policy = "gaps: scale (each volume divided by its day coverage)."
    case .ignore: policy = "gaps: ignore (missing \(b.resolution.rawValue)s count as zero)."
    }
    guard marked else { return policy }
    return "\(marker) some \(b.resolution.rawValue)s inside the category's span lack data (day coverage below 100%). "
      + policy
  }

  /// "each share is the centred moving mean of 3 months' shares".
  static func smoothingPhrase(_ smoothing: ShareSmoothing, _ every: Every) -> String {
    "each share is the centred moving \(smoothing.statistic.rawValue) of \(smoothing.window) \(every.rawValue)s' shares"
  }

  /// The volume table as a wide CSV that sharelens reads back (`Time,<cat1>,<cat2>,…`): a
  /// category not observed in a bucket (missing, or outside its span) is an empty cell.
  public static func wideVolumeCSV(_ b: ShareBreakdown) -> String {
    var writer = CSVWriter(header: ["Time"] + b.categories)
    for bucket in b.buckets {
      writer.row(
        [bucket.startDate.description]
          + b.categories.indices.map { bucket.states[$0] == .observed ? machineNumber(bucket.volumes[$0]) : "" })
    }
    return writer.text
  }

  /// Tidy CSV: one row per bucket and category. What was done to the shares adds a column, so a
  /// transformed file cannot pass for a plain one: `smoothing` (`mean 3`: statistic and window in
  /// buckets), `weighting` (`equal`), and after a top-N fold `folded`: on the catch-all's rows the
  /// categories folded into it (`JPY;KRW`), elsewhere empty.
  static func csv(_ b: ShareBreakdown) -> String {
    let smoothing = b.smoothing.map { ["\($0.statistic.rawValue) \($0.window)"] } ?? []
    let weighting = b.weighting == .equal ? [b.weighting.rawValue] : []
    let folded = b.fold.map { (into: $0.into, names: $0.folded.joined(separator: ";")) }
    var writer = CSVWriter(
      header: [
        "start", "end", "category", "volume", "share", "total", "coverage", "partial", "day_coverage",
        "days_left_out", "gaps",
      ]
        + (smoothing.isEmpty ? [] : ["smoothing"]) + (weighting.isEmpty ? [] : ["weighting"])
        + (folded == nil ? [] : ["folded"]))
    for bucket in b.buckets {
      for (c, name) in b.categories.enumerated() {
        writer.row(
          [
            bucket.startDate.description, bucket.lastDate.description, name, machineNumber(bucket.volumes[c]),
            machineNumber(bucket.shares[c]), machineNumber(bucket.total), machineNumber(bucket.coverage),
            bucket.partial ? "true" : "false",
            machineNumber(bucket.dayCoverage.indices.contains(c) ? bucket.dayCoverage[c] : nil),
            bucket.daysLeftOut.map(String.init) ?? "", b.gaps.rawValue,
          ] + smoothing + weighting + (folded.map { [name == $0.into ? $0.names : ""] } ?? []))
      }
    }
    return writer.text
  }

  /// A top-N fold as JSON (`{"n": 4, "into": "others", "folded": [...]}`), null without one.
  static func topJSON(_ fold: CategoryFold?) -> JSONValue {
    fold.map {
      .object([
        ("n", .number(Double($0.top))), ("into", .string($0.into)), ("folded", .array($0.folded.map { .string($0) })),
      ])
    } ?? .null
  }

  /// The JSON contract documented in docs/json.md.
  public static func json(_ b: ShareBreakdown, unit: String, group: String) -> JSONValue {
    func byCategory(_ values: [Double?]) -> JSONValue {
      .object(zip(b.categories, values).map { ($0, JSONValue.optional($1)) })
    }
    let buckets = b.buckets.map { bucket -> JSONValue in
      .object([
        ("start", .string(bucket.startDate.description)),
        ("end", .string(bucket.lastDate.description)),
        ("label", .string(b.every.label(start: bucket.startDay))),
        ("total", .optional(bucket.total)),
        ("volumes", byCategory(bucket.volumes)),
        ("shares", byCategory(bucket.shares)),
        ("coverage", .optional(bucket.coverage)),
        ("observed", .number(Double(bucket.observed))),
        ("active", .number(Double(bucket.active))),
        ("partial", .bool(bucket.partial)),
        ("day_coverage", byCategory(bucket.dayCoverage)),
        ("days_left_out", bucket.daysLeftOut.map { .number(Double($0)) } ?? .null),
      ])
    }
    return .object([
      ("group", .string(group)),
      ("every", .string(b.every.rawValue)),
      ("unit", .string(unit)),
      ("weighting", .string(b.weighting.rawValue)),
      ("gaps", .string(b.gaps.rawValue)),
      (
        "smoothing",
        b.smoothing.map {
          .object([("window", .number(Double($0.window))), ("statistic", .string($0.statistic.rawValue))])
        } ?? .null
      ),
      ("top", topJSON(b.fold)),
      ("categories", .array(b.categories.map { .string($0) })),
      ("buckets", .array(buckets)),
      (
        "totals",
        .object([
          ("total", .optional(b.grandTotal)),
          ("volumes", byCategory(b.totalVolumes.map { $0 })),
          ("shares", byCategory(b.totalShares)),
        ])
      ),
    ])
  }
}
