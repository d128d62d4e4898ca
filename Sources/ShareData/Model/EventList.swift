// Dated events (`date,event`, like ../shared/datasets/china-events.csv): annotations for charts
// and reports, and a kind of file `inspect` recognises.

public struct MarketEvent: Sendable, Equatable {
  public var day: Day
  public var label: String

  public init(day: Day, label: String) {
    self.day = day
    self.label = label
  }

  public var date: CivilDate { day.date }
}

public enum EventList {
  /// Reads `date,event` rows after a header; sorted by date, ties in file order.
  public static func load(path: String) throws -> [MarketEvent] {
    try load(scanner: CSVScanner(stream: try openInput(path)))
  }

  public static func load(scanner: CSVScanner) throws -> [MarketEvent] {
    guard try scanner.next() else {
      throw ShareError.data(
        "the events file is empty", at: SourceLocation(file: scanner.name), expected: "a header and date,event rows")
    }
    var events: [MarketEvent] = []
    while try scanner.next() {
      guard scanner.fieldCount == 2 else {
        throw ShareError.data(
          "this row has \(scanner.fieldCount) fields", at: scanner.location(), expected: "two fields: date,event",
          hint: "quote an event text that contains commas")
      }
      let parsed = scanner.withField(0) { TimeParser.parse($0) }
      guard case .success(let time) = parsed else {
        throw ShareError.data(
          Phrase("not a date: \(try scanner.string(0).debugDescription)"), at: scanner.location(column: 1),
          expected: TimeParser.expected)
      }
      let label = try scanner.string(1).trimmed
      guard !label.isEmpty else {
        throw ShareError.data("empty event text", at: scanner.location(column: 2), expected: "a short description")
      }
      events.append(MarketEvent(day: UnixTime(seconds: time.seconds).day, label: label))
    }
    return events.enumerated().sorted { ($0.element.day.number, $0.offset) < ($1.element.day.number, $1.offset) }.map(
      \.element)
  }
}
