// Detection of long tables (time, category, value) and trade logs (time, category, price,
// amount): which column is the volume, which the category, and a snapshot's date when there is no
// time column.

extension LayoutDetector {
  static func longPlan(
    sample: Sample, keys: [String], timeIndex: Int?, text: [Int], source: String, options: IngestOptions
  ) throws -> LayoutPlan {
    let header = sample.header
    let others = header.indices.filter { $0 != timeIndex }
    var plan = LayoutPlan(
      layout: .long,
      reason: options.layout == nil ? "detected: time, category and value columns" : "\(setting: .layout, "long")",
      hasHeader: true, header: header, timeIndex: timeIndex)
    func column(_ name: String, setting: Setting) throws -> Int {
      guard let index = keys.firstIndex(of: name.headerKey) else {
        throw ShareError.request(
          "\(setting: setting, name): no such column in \(source)",
          hint: "its columns are \(header.map { quoted($0) }.joined(separator: ", "))")
      }
      return index
    }
    let traits = sample.traits
    let priceIndex = ColumnRoles.priceColumn(traits)
    let amountIndex = ColumnRoles.amountColumn(traits)
    if let name = options.valueColumn {
      plan.valueIndex = try column(name, setting: .valueColumn)
    } else {
      switch ColumnRoles.value(traits, among: others) {
      case .trades(let amount, _): plan.valueIndex = amount
      case .column(let index): plan.valueIndex = index
      case .ambiguous(let columns):
        throw ShareError.request(
          "\(source) has several numeric columns (\(columns.map { header[$0] }.joined(separator: ", "))) and none is clearly the volume",
          hint: "name the volume column with \(setting: .valueColumn)")
      case .none:
        let example = text.first.flatMap { column in
          sample.rows.first { column < $0.count }.map { (column, $0[column]) }
        }
        throw ShareError.data(
          "no column of numbers to use as the volume",
          at: SourceLocation(
            file: source, line: 2, column: example.map { $0.0 + 1 }, columnName: example.map { header[$0.0] }),
          expected: example.map { "numbers, found text such as \(quoted($0.1))" } ?? "a numeric volume column",
          hint:
            "a wide file has one column of numbers per category; a long file needs a value column (\(setting: .valueColumn))"
        )
      }
    }
    if let price = priceIndex, plan.valueIndex == amountIndex {
      plan.priceIndex = price
    } else if options.unit == .quote {
      throw ShareError.request(
        "\(setting: .unit, options.conversion?.target ?? "quote") needs price and amount columns; \(source) has none",
        hint: "its value column \(quoted(header[plan.valueIndex!])) is used as it is with \(setting: .unit, "base")")
    }
    // A second date column (the `end` of sharelens' own CSV output) is no category; a column named
    // `category` (the same output) is the one.
    let categoryCandidates = text.filter { $0 != plan.valueIndex && !traits[$0].looksLikeTime }
      .sorted { (keys[$0] == "category" ? 0 : 1, $0) < (keys[$1] == "category" ? 0 : 1, $1) }
    let group = options.group ?? options.categoryColumn.map { Grouping($0) }
    if group == .pair {
      guard let base = keys.firstIndex(of: "base"), let quote = keys.firstIndex(of: "quote") else {
        throw ShareError.request(
          "\(setting: .grouping, "pair") needs base and quote columns; \(source) has neither",
          hint: "its columns are \(header.joined(separator: ", "))")
      }
      plan.categoryIndices = [base, quote]
    } else if let name = group?.columnName {
      plan.categoryIndices = [try column(name, setting: options.group != nil ? .grouping : .categoryColumn)]
    } else if let first = categoryCandidates.first {
      plan.categoryIndices = [first]
    } else {
      throw ShareError.data(
        "no category column in \(source)", at: SourceLocation(file: source, line: 1),
        expected: "a text column naming the exchange, currency or pair",
        hint: "a file with one numeric column per category is \(setting: .layout, "wide")")
    }
    if timeIndex == nil {
      plan.snapshotTime = try snapshotTime(source: source, options: options)
    }
    return plan
  }
}
