// Which character separates a number's fraction. Spreadsheets in much of Europe write 1.234,56
// (a dot between thousands, a comma before the fraction) and save "CSV" with semicolons, since the
// comma is taken; read with a decimal point, every such value is "not a number". The mark is
// settled once per input, from the sampled values, by what each value can be read as: "1234,56"
// only with a comma, "1234.56" only with a point, "1.234" with either but to different numbers
// (1.234 or 1234), "1234" with either alike. A comma-separated file keeps the point (an unquoted
// comma there ends the field), and a file whose only evidence is ambiguous is an error rather than
// a guess that could be off by a factor of 1,000.

/// The decimal mark of an input's numbers.
public enum DecimalMark: String, CaseIterable, Sendable {
  /// 1234.56 (and 1.2e6): what sharelens writes.
  case point
  /// 1234,56 or 1.234,56: a comma before the fraction, dots (optional) between groups of thousands.
  case comma

  /// What an error says was expected of a number read with this mark.
  public var expected: Phrase {
    switch self {
    case .point: DecimalParser.expected
    case .comma: "a decimal number with a decimal comma like 1234,5 or 1.234,5"
    }
  }

  /// The mark of the sampled values, not counting columns of times (01.02.2017). `forced` wins; a
  /// comma delimiter means a point.
  /// Throws when the sampled values disagree, or when all that tells the marks apart is a value such
  /// as 1.234 that either mark reads, to numbers 1,000 apart; both errors name the value's place.
  static func settle(_ sample: Sample, delimiter: Delimiter, forced: DecimalMark?, source: String) throws
    -> DecimalMark
  {
    if let forced { return forced }
    guard delimiter != .comma else { return .point }
    let header = sample.header
    let times = Set(header.indices.filter { sample.isTimeColumn($0, allowUnix: false) })
    var first: [DecimalMark: Place] = [:]
    var ambiguous: Place?
    for (r, record) in sample.records.enumerated().dropFirst() {
      for (c, value) in record.enumerated() where !times.contains(c) {
        let line = sample.lines.indices.contains(r) ? sample.lines[r] : r + 1
        let place = Place(value: value, line: line, column: c, name: header.indices.contains(c) ? header[c] : nil)
        switch reading(value) {
        case .some(.some(let mark)): if first[mark] == nil { first[mark] = place }
        case .some(.none): if ambiguous == nil { ambiguous = place }
        case .none: break
        }
      }
    }
    if let point = first[.point], let comma = first[.comma] {
      let later = point.line > comma.line || point.line == comma.line && point.column > comma.column ? point : comma
      let earlier = later.line == point.line && later.column == point.column ? comma : point
      throw ShareError.data(
        "mixed decimal marks: \(quoted(later.value)) after \(quoted(earlier.value)) on line \(earlier.line)",
        at: later.location(source), expected: "one decimal mark in the whole file",
        hint: "say which with \(setting: .decimalMark, "point") or \(setting: .decimalMark, "comma")")
    }
    if let found = first.keys.first { return found }
    if let ambiguous {
      let readings =
        ambiguous.value.contains(",")
        ? "\(commaReading(ambiguous.value)) with a decimal comma or \(ambiguous.value.filter { $0 != "," }) with a thousands comma"
        : "\(pointReading(ambiguous.value)) with a decimal point or \(commaReading(ambiguous.value)) with thousands dots"
      throw ShareError.data(
        "cannot tell the decimal mark: \(quoted(ambiguous.value)) is \(readings)",
        at: ambiguous.location(source), expected: "a value whose decimal mark shows (1234,5 or 1234.5)",
        hint: ambiguous.value.contains(",")
          ? "if the comma is the decimal mark, say so with \(setting: .decimalMark, "comma"); thousands commas are not read: remove them"
          : "say which with \(setting: .decimalMark, "point") or \(setting: .decimalMark, "comma")")
    }
    return .point
  }

  /// What `value` says about the mark: nil, nothing (empty, text, or read alike by both); .some(nil),
  /// either mark reads it but to different numbers; .some(mark), only that mark reads it.
  /// A lone comma before three digits (1,234) is a decimal comma in Europe and a thousands comma in
  /// the US: no evidence either way, as 1.234 is not.
  static func reading(_ value: String) -> DecimalMark?? {
    if value.trimmed.wholeMatch(of: /[+-]?[0-9]{1,3},[0-9]{3}/) != nil { return .some(nil) }
    let point = try? DecimalParser.parse(value).get()
    let comma = try? DecimalParser.parse(value, mark: .comma).get()
    switch (point, comma) {
    case (.some(let p), .some(let c)): return p == c ? nil : .some(nil)
    case (.some, .none): return .some(.point)
    case (.none, .some): return .some(.comma)
    case (.none, .none): return nil
    }
  }

  static func pointReading(_ value: String) -> String {
    (try? DecimalParser.parse(value).get()).map { "\($0)" } ?? value
  }

  static func commaReading(_ value: String) -> String {
    // Whole numbers without ".0", as long as Int64 holds them exactly (1.234e300 is ambiguous too).
    (try? DecimalParser.parse(value, mark: .comma).get()).map {
      $0 == $0.rounded() && abs($0) < 1e15 ? "\(Int64($0))" : "\($0)"
    } ?? value
  }

  /// Where a sampled value is, for an error.
  struct Place {
    var value: String
    var line: Int
    var column: Int
    var name: String?

    func location(_ source: String) -> SourceLocation {
      SourceLocation(file: source, line: line, column: column + 1, columnName: name)
    }
  }
}
