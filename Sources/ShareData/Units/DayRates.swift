// The factor each volume of one input is multiplied by to count it in the target currency: the
// input's quote currency at its day's rate. The table builder applies it to every value the input
// adds (VolumeTableBuilder.rates), so every reader converts the same way, before any grouping adds
// markets up. A day without a rate is remembered, not guessed, and reported once the input is read.

/// One input's conversion into the target currency, per UTC day.
public struct DayRates: Sendable {
  /// The quote currency converted from.
  public let currency: String
  /// The currency whose rates are used: `currency`, or USD for a pegged stablecoin.
  public let rateCurrency: String
  /// A factor for every day (1 for the target itself, or a stablecoin pegged to a USD target).
  let constant: Double?
  let rates: [Int64: Double]
  /// The earliest day with volume but no rate, if any.
  public private(set) var missingDay: Day?
  /// One of the currencies of a long trade log, converted row by row (RowRates).
  public internal(set) var perRow = false

  init(currency: String, rateCurrency: String, constant: Double?, rates: [Int64: Double]) {
    self.currency = currency
    self.rateCurrency = rateCurrency
    self.constant = constant
    self.rates = rates
  }

  /// `volume` on `day` (days since 1970-01-01) in the target currency. A day without a rate keeps
  /// the volume and is remembered (`missingDay`): the input is refused once read.
  @inline(__always)
  mutating func convert(_ volume: Double, day: Int64) -> Double {
    if let constant { return volume * constant }
    if let rate = rates[day] { return volume * rate }
    if volume != 0, missingDay.map({ day < $0.number }) ?? true { missingDay = Day(day) }
    return volume
  }
}
