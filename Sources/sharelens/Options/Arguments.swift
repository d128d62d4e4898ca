// Values typed on the command line, each parsed once, where the option is declared: dates (a day,
// or a month or year meaning its first or last day), periods (LABEL=FROM..TO), break penalties,
// and the enums the libraries define.

import ArgumentParser
import ShareData
import ShareStats

extension Layout: ExpressibleByArgument {}
extension VolumeUnit: ExpressibleByArgument {}
extension DuplicatePolicy: ExpressibleByArgument {}
extension UnmappedPolicy: ExpressibleByArgument {}
extension Every: ExpressibleByArgument {}
extension Weighting: ExpressibleByArgument {}
extension GapPolicy: ExpressibleByArgument {}
extension AbsentPolicy: ExpressibleByArgument {}
extension MovingWindow.Statistic: ExpressibleByArgument {}
extension ConcentrationBands: ExpressibleByArgument {}
extension Grouping: ExpressibleByArgument {
  public init?(argument: String) { self.init(argument) }
}

/// A date typed as an option: YYYY-MM-DD, or YYYY-MM / YYYY for the first (`start`) or last
/// (`end`) day of that month or year. The day number keeps the text for messages.
struct DayArgument: Sendable, Equatable {
  var day: Day
  var text: String

  /// The first day a text names (for --from and a period's start).
  static func start(_ text: String) throws -> DayArgument { DayArgument(day: try day(text, end: false), text: text) }

  /// The last day a text names (for --to and a period's end).
  static func end(_ text: String) throws -> DayArgument { DayArgument(day: try day(text, end: true), text: text) }

  static func day(_ text: String, end: Bool) throws -> Day {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), parts[0].count == 4
    {
      let month = parts.count == 2 ? Int(parts[1]) ?? 0 : (end ? 12 : 1)
      guard (1...12).contains(month) else { throw ValidationError("\(text): month \(month) does not exist") }
      if !end { return Day(year: year, month: month, day: 1) }
      return Day(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))
    }
    switch TimeParser.parse(text) {
    case .success(let parsed) where parsed.format == .date:
      return UnixTime(seconds: parsed.seconds).day
    case .failure(.impossibleDate(let why)):
      throw ValidationError("\(text) is not a real date: \(why)")
    default:
      throw ValidationError("\(text) is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
    }
  }
}

/// `--period LABEL=FROM..TO` (or LABEL=2016, LABEL=2017-03: the whole year or month).
enum PeriodArgument {
  static func parse(_ text: String) throws -> Period {
    guard let eq = text.firstIndex(of: "="), !text[..<eq].isEmpty else {
      throw ValidationError("write LABEL=FROM..TO, e.g. 2016=2016-01-01..2016-12-31")
    }
    let label = String(text[..<eq])
    let parts = text[text.index(after: eq)...].components(separatedBy: "..")
    guard parts.count == 1 || parts.count == 2 else { throw ValidationError("write LABEL=FROM..TO") }
    let period = Period(
      label: label, first: try DayArgument.day(parts[0], end: false),
      last: try DayArgument.day(parts[parts.count - 1], end: true))
    if period.first > period.last { throw ValidationError("\(period.from) is after \(period.to)") }
    return period
  }
}

/// `--penalty lwz|bic|mbic|NUMBER`.
enum PenaltyArgument {
  static func parse(_ text: String) throws -> BreakPenalty {
    guard let penalty = BreakPenalty(text) else { throw ValidationError("use lwz, bic, mbic or a number of 0 or more") }
    return penalty
  }
}
