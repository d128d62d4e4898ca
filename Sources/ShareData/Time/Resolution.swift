// The data's own resolution: what the bucket width defaults to, and the finest bucket a file supports.

extension Every {
  /// The coarsest bucket width in which every time is a bucket start: a monthly export (all times
  /// on the 1st) is `month`; anything with times inside a day, or a single time, is `day`.
  public static func resolution(ofSortedDistinct times: [Int64]) -> Every {
    guard times.count >= 2 else { return .day }
    var days: [Int64] = []
    days.reserveCapacity(times.count)
    for time in times {
      guard time.floorMod(secondsPerDay) == 0 else { return .day }
      days.append(time / secondsPerDay)
    }
    for width in [Every.year, .quarter, .month, .week] where days.allSatisfy({ width.isBucketStart(day: $0) }) {
      return width
    }
    return .day
  }
}
