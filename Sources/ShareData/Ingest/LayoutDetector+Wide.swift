// Detection of wide exports (bitcoinity's Time,<exchange>,…): a time column and one numeric column
// per category; the columns are the categories, so a grouping does not apply.

extension LayoutDetector {
  static func widePlan(sample: Sample, timeIndex: Int?, text: [Int], source: String, options: IngestOptions) throws
    -> LayoutPlan
  {
    let header = sample.header
    let others = header.indices.filter { $0 != timeIndex }
    guard let timeIndex else {
      throw ShareError.data(
        "no time column", at: SourceLocation(file: source, line: 1),
        expected: "a column named Time or Date (or with dates in it)", hint: "name it with \(setting: .timeColumn)")
    }
    if let bad = text.first, options.layout == .wide {
      let row = sample.rows.first {
        bad < $0.count && (try? DecimalParser.parse($0[bad], mark: sample.decimalMark).get()) == nil
          && !$0[bad].trimmed.isEmpty
      }
      throw ShareError.data(
        "text in a number column: found \(quoted(row?[bad] ?? ""))",
        at: SourceLocation(file: source, line: nil, column: bad + 1, columnName: header[bad]),
        expected: sample.decimalMark.expected, hint: "a file with a category column is \(setting: .layout, "long")")
    }
    var plan = LayoutPlan(
      layout: .wide,
      reason: options.layout == nil
        ? "detected: a time column and only numeric columns" : "\(setting: .layout, "wide")",
      hasHeader: true, header: header, timeIndex: timeIndex)
    plan.wideColumns = others
    // --include/--exclude name category columns here (CategoryFilter). The columns left out are
    // still read, so a TOTAL column is still seen to equal the sum of all of them.
    let kept = CategoryFilter.kept(others.map { header[$0].trimmed }, filters: options.filters)
    plan.filteredOut = others.indices.filter { !kept[$0] }.map { others[$0] }
    if options.group != nil {
      throw ShareError.request(
        "\(setting: .grouping) does not apply to \(source): in a wide file the columns are the categories",
        hint: "regroup the columns with \(setting: .map, "FILE") (e.g. exchange → currency)")
    }
    return plan
  }
}
