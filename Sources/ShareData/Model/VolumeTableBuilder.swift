// Builds a VolumeTable from observations in any order, from any number of inputs. Series data
// (one value per time and category) must not repeat a (time, category); trades are events and
// are summed into their day.

/// What to do when a series has the same (time, category) twice.
public enum DuplicatePolicy: String, CaseIterable, Sendable {
  /// Stop with an error naming both places (the default: a repeat is usually a mistake).
  case error
  /// Add the values up.
  case sum
  /// Keep the value read last.
  case last
}

/// A repeated (time, category), kept for `inspect`.
public struct DuplicateCell: Sendable, Equatable {
  public var time: Int64
  public var category: String
  public var first: String
  public var second: String
}

public struct VolumeTableBuilder {
  struct Key: Hashable {
    var time: Int64
    var code: Int32
  }

  public private(set) var dictionary = CategoryDictionary()
  public private(set) var sources: [String] = []
  public var policy: DuplicatePolicy
  /// Repeats found (up to 20 kept), when the policy is not `.error`.
  public private(set) var duplicates: [DuplicateCell] = []
  public private(set) var duplicateCount = 0

  private var times: [Int64] = []
  private var codes: [Int32] = []
  private var volumes: [Double] = []
  private var counts: [Int64] = []
  private var valid = BitVector()
  private var origins: [CellOrigin] = []
  /// Cells `0..<indexed` are in `index`; the rest are added when a key first needs looking up.
  /// Keys at the latest time so far are found without it: a key later than every cell cannot be
  /// there, and the cells at the latest time are marked per category (`marks`, valid for the
  /// current `generation`). So rows in time order (a wide export row by row, a long table sorted
  /// by time) never build the index at all: hashing the 11M cells of a 500-column hourly export
  /// was 80% of its read time and much of its memory.
  private var index: [Key: Int] = [:]
  private var indexed = 0
  private var latest = Int64.min
  private var generation = 0
  private var marks: [(generation: Int, cell: Int)] = []
  private var lastEvent: (key: Key, cell: Int)?
  /// Set while an input counted in another currency is read: every value it adds is converted at
  /// its day's rate here, before grouping adds markets up (Units/DayRates).
  public var rates: DayRates?

  public init(policy: DuplicatePolicy = .error) {
    self.policy = policy
  }

  /// Registers an input; its index goes into `CellOrigin.source`.
  public mutating func addSource(_ name: String) -> Int32 {
    sources.append(name)
    return Int32(sources.count - 1)
  }

  public mutating func code(for name: String) -> Int32 { dictionary.code(for: name) }

  @inline(__always)
  public mutating func code(for bytes: UnsafeBufferPointer<UInt8>) -> Int32? { dictionary.code(for: bytes) }

  /// One observation of a series; `volume` nil is a missing (empty) cell.
  public mutating func addObservation(time: Int64, code: Int32, volume: Double?, origin: CellOrigin) throws {
    var volume = volume
    if rates != nil, let value = volume { volume = rates!.convert(value, day: time.floorDiv(secondsPerDay)) }
    let key = Key(time: time, code: code)
    if let cell = cell(of: key) {
      duplicateCount += 1
      let here = "\(sources[Int(origin.source)]):\(origin.line)"
      let there = "\(sources[Int(origins[cell].source)]):\(origins[cell].line)"
      switch policy {
      case .error:
        throw ShareError.data(
          "\(dateTimeLabel(time)) / \(dictionary.names[Int(code)]) appears twice: at \(there) and at \(here)",
          at: SourceLocation(file: sources[Int(origin.source)], line: Int(origin.line)),
          expected: "one value per time and category",
          hint:
            "\(setting: .duplicates, "sum") adds repeated values up, \(setting: .duplicates, "last") keeps the later one"
        )
      case .sum:
        if let volume {
          volumes[cell] = valid[cell] ? volumes[cell] + volume : volume
          valid[cell] = true
          counts[cell] += 1
        }
      case .last:
        volumes[cell] = volume ?? 0
        valid[cell] = volume != nil
        counts[cell] = 1
      }
      if duplicates.count < 20 {
        duplicates.append(
          DuplicateCell(time: time, category: dictionary.names[Int(code)], first: there, second: here))
      }
      return
    }
    append(time: time, code: code, volume: volume, origin: origin)
  }

  /// The cell of `key`, if there is one; brings the index up to date first.
  @inline(__always)
  private mutating func cell(of key: Key) -> Int? {
    guard key.time < latest else {
      let code = Int(key.code)
      guard key.time == latest, code < marks.count, marks[code].generation == generation else { return nil }
      return marks[code].cell
    }
    if indexed < times.count {
      for cell in indexed..<times.count { index[Key(time: times[cell], code: codes[cell])] = cell }
      indexed = times.count
    }
    return index[key]
  }

  /// One trade: its volume is added to the cell of its day and category.
  @inline(__always)
  public mutating func addEvent(day: Int64, code: Int32, volume: Double, origin: CellOrigin) {
    let volume = rates == nil ? volume : rates!.convert(volume, day: day)
    let key = Key(time: day * secondsPerDay, code: code)
    if let last = lastEvent, last.key == key {
      volumes[last.cell] += volume
      counts[last.cell] += 1
      return
    }
    if let cell = cell(of: key) {
      volumes[cell] += volume
      counts[cell] += 1
      lastEvent = (key, cell)
      return
    }
    let cell = times.count
    append(time: key.time, code: code, volume: volume, origin: origin)
    lastEvent = (key, cell)
  }

  /// Volume summed elsewhere (a block of trades) added to the cell of its day and category.
  public mutating func addEventSum(day: Int64, code: Int32, volume: Double, count: Int64, origin: CellOrigin) {
    let volume = rates == nil ? volume : rates!.convert(volume, day: day)
    let key = Key(time: day * secondsPerDay, code: code)
    if let cell = cell(of: key) {
      volumes[cell] += volume
      counts[cell] += count
      return
    }
    append(time: key.time, code: code, volume: volume, origin: origin)
    counts[counts.count - 1] = count
    lastEvent = nil
  }

  private mutating func append(time: Int64, code: Int32, volume: Double?, origin: CellOrigin) {
    if time > latest {
      latest = time
      generation += 1
    }
    if time == latest { mark(code: code, cell: times.count) }
    times.append(time)
    codes.append(code)
    volumes.append(volume ?? 0)
    counts.append(volume == nil ? 0 : 1)
    valid.append(volume != nil)
    origins.append(origin)
  }

  /// Drops every cell of `code` read from `source` (a TOTAL column found to be the row sum).
  public mutating func removeCells(code: Int32, source: Int32) {
    let keep = (0..<times.count).filter { !(codes[$0] == code && origins[$0].source == source) }
    guard keep.count != times.count else { return }
    rebuild(keeping: keep)
  }

  private mutating func rebuild(keeping keep: [Int]) {
    var newValid = BitVector()
    newValid.reserveCapacity(keep.count)
    for cell in keep { newValid.append(valid[cell]) }
    times = keep.map { times[$0] }
    codes = keep.map { codes[$0] }
    volumes = keep.map { volumes[$0] }
    counts = keep.map { counts[$0] }
    origins = keep.map { origins[$0] }
    valid = newValid
    index = [:]
    indexed = 0
    lastEvent = nil
    latest = times.max() ?? .min
    generation += 1
    for (cell, time) in times.enumerated() where time == latest { mark(code: codes[cell], cell: cell) }
  }

  private mutating func mark(code: Int32, cell: Int) {
    let code = Int(code)
    if code >= marks.count {
      marks.append(contentsOf: repeatElement((generation: 0, cell: 0), count: max(code + 1 - marks.count, marks.count)))
    }
    marks[code] = (generation, cell)
  }

  /// The finished table: cells sorted by (time, category), categories that lost all their cells
  /// dropped, and categories numbered in order of first appearance.
  public func build() -> VolumeTable {
    var used = [Bool](repeating: false, count: dictionary.count)
    for code in codes { used[Int(code)] = true }
    var remap = [Int32](repeating: -1, count: dictionary.count)
    var names: [String] = []
    for (code, name) in dictionary.names.enumerated() where used[code] {
      remap[code] = Int32(names.count)
      names.append(name)
    }
    // Cells that came in table order (rows in time order, columns in first-seen order: a wide
    // export) are handed over as they are, sharing the builder's storage instead of a sorted copy.
    let renumbered = codes.map { remap[Int($0)] }
    let inOrder = renumbered.indices.dropFirst().allSatisfy {
      times[$0 - 1] < times[$0] || (times[$0 - 1] == times[$0] && renumbered[$0 - 1] < renumbered[$0])
    }
    if inOrder {
      var distinct: [Int64] = []
      for time in times where distinct.last != time { distinct.append(time) }
      return VolumeTable(
        sources: sources, categories: names, times: times, codes: renumbered, volumes: volumes, counts: counts,
        valid: valid, origins: origins, resolution: Every.resolution(ofSortedDistinct: distinct))
    }
    let order = (0..<times.count).sorted { (a: Int, b: Int) -> Bool in
      if times[a] != times[b] { return times[a] < times[b] }
      return remap[Int(codes[a])] < remap[Int(codes[b])]
    }
    var sortedValid = BitVector()
    sortedValid.reserveCapacity(order.count)
    for cell in order { sortedValid.append(valid[cell]) }
    let sortedTimes = order.map { times[$0] }
    var distinct: [Int64] = []
    for time in sortedTimes where distinct.last != time { distinct.append(time) }
    return VolumeTable(
      sources: sources, categories: names, times: sortedTimes,
      codes: order.map { renumbered[$0] }, volumes: order.map { volumes[$0] },
      counts: order.map { counts[$0] }, valid: sortedValid, origins: order.map { origins[$0] },
      resolution: Every.resolution(ofSortedDistinct: distinct))
  }
}

/// A time as a user wrote it: the date alone at midnight, else date and time in UTC.
public func dateTimeLabel(_ seconds: Int64) -> String {
  let day = seconds.floorDiv(secondsPerDay)
  let rest = seconds - day * secondsPerDay
  let date = CivilDate(dayNumber: day).description
  if rest == 0 { return date }
  func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
  return "\(date) \(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60)) UTC"
}
