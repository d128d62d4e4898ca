// What `inspect` tells about each category: when it starts and ends, its total, and its gaps.

public struct CategoryProfile: Sendable {
  public var name: String
  public var firstTime: UnixTime?
  public var lastTime: UnixTime?
  public var total: Double
  /// Cells with a value.
  public var observed: Int
  /// Times inside the category's span where it has no value (an empty cell or no row at all).
  public var gaps: Int
}

extension VolumeTable {
  public var categoryProfiles: [CategoryProfile] {
    var profiles = categories.map {
      CategoryProfile(name: $0, firstTime: nil, lastTime: nil, total: 0, observed: 0, gaps: 0)
    }
    for cell in 0..<cellCount where valid[cell] {
      let c = Int(codes[cell])
      if profiles[c].firstTime == nil { profiles[c].firstTime = UnixTime(seconds: times[cell]) }
      profiles[c].lastTime = UnixTime(seconds: times[cell])
      profiles[c].total += volumes[cell]
      profiles[c].observed += 1
    }
    let distinct = distinctTimes
    for c in profiles.indices {
      guard let first = profiles[c].firstTime, let last = profiles[c].lastTime else { continue }
      let inSpan = distinct.partitionPoint { $0 > last.seconds } - distinct.partitionPoint { $0 >= first.seconds }
      profiles[c].gaps = inSpan - profiles[c].observed
    }
    return profiles
  }

  /// Steps of the data's resolution between the first and last time that have no row at all.
  public var missingTimeSteps: Int {
    let distinct = distinctTimes
    guard let first = distinct.first, let last = distinct.last else { return 0 }
    var expected = 0
    var day = resolution.bucketStart(day: first.floorDiv(secondsPerDay))
    let lastDay = last.floorDiv(secondsPerDay)
    while day <= lastDay {
      expected += 1
      day = resolution.nextStart(after: day)
    }
    var present = 0
    var previous: Int64? = nil
    for time in distinct {
      let bucket = resolution.bucketStart(day: time.floorDiv(secondsPerDay))
      if bucket != previous { present += 1 }
      previous = bucket
    }
    return max(0, expected - present)
  }
}
