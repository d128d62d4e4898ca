// The small fact tables that travel with volume data are not volume data: a category map
// (`from,to`, for mapping categories) and an events list (`date,event`, for marking charts). `inspect` recognises
// them so a user pointing it at every CSV in a folder learns what each one is for.

public enum AuxiliaryFile: Sendable, Equatable {
  /// A two-column map: entries and a few examples.
  case categoryMap(entries: Int, examples: [String])
  /// A date,event list.
  case events(count: Int, first: CivilDate, last: CivilDate)

  /// What the file at `path` is, if it is one of these; nil otherwise.
  public static func recognise(path: String) -> AuxiliaryFile? {
    guard path != "-", let stream = try? openInput(path) else { return nil }
    guard let sample = try? Sample.read(from: CSVScanner(stream: stream), limit: 10_000),
      sample.header.count == 2, !sample.rows.isEmpty, sample.records.allSatisfy({ $0.count == 2 })
    else { return nil }
    if sample.isTimeColumn(0, allowUnix: false), !sample.isNumericColumn(1),
      let events = try? EventList.load(path: path), let first = events.first, let last = events.last
    {
      return .events(count: events.count, first: first.date, last: last.date)
    }
    if !sample.isNumericColumn(0), !sample.isNumericColumn(1), let map = try? CategoryMap.load(path: path) {
      let examples = map.entries.keys.sorted().prefix(3).map { "\($0) → \(map.entries[$0]!)" }
      return .categoryMap(entries: map.entries.count, examples: examples)
    }
    return nil
  }

  public var description: Phrase {
    switch self {
    case .categoryMap(let entries, let examples):
      return
        "category map (from,to) with \(entries) entries, e.g. \(examples.joined(separator: ", ")): use it with \(setting: .map)"
    case .events(let count, let first, let last):
      return "events list (date,event): \(count) events from \(first) to \(last): use it with \(setting: .events)"
    }
  }
}
