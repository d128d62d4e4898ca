// The builder finds a repeated (time, category) however the cells arrive: in time order (no
// index is built), at the latest time (per-category marks), or earlier (the lazy index), and
// after a column is removed. Checked against a plain dictionary on seeded random sequences.

import Testing

@testable import ShareData

@Suite struct VolumeTableBuilderTests {
  /// A seeded generator (SplitMix64), so a failure names a sequence that can be run again.
  struct Seeded {
    var state: UInt64
    mutating func below(_ n: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(n))
    }
  }

  struct Key: Hashable {
    var time: Int64
    var code: Int32
  }

  @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
  func repeatsAreFoundInEveryOrder(seed: UInt64) throws {
    var random = Seeded(state: seed)
    var builder = VolumeTableBuilder(policy: .sum)
    let source = builder.addSource("test.csv")
    let codes = (0..<5).map { builder.code(for: "c\($0)") }
    var model: [Key: Double] = [:]
    var time: Int64 = 0
    var repeats = 0
    for line in 0..<400 {
      // Mostly forward in time (as wide and sorted long files come), sometimes the same time,
      // sometimes back to an earlier one.
      switch random.below(10) {
      case 0..<4: time += Int64(1 + random.below(3)) * 3600
      case 4: time = Int64(random.below(Int(time / 3600) + 1)) * 3600
      default: break
      }
      let code = codes[random.below(codes.count)]
      let volume = Double(1 + random.below(100))
      let key = Key(time: time, code: code)
      if model[key] != nil { repeats += 1 }
      model[key, default: 0] += volume
      try builder.addObservation(
        time: time, code: code, volume: volume, origin: CellOrigin(source: source, line: Int64(line)))
      if line == 200 {
        // A removed column (a TOTAL found late) must not leave stale marks or index entries.
        builder.removeCells(code: codes[4], source: source)
        for key in model.keys where key.code == codes[4] { model[key] = nil }
      }
    }
    #expect(repeats > 20, "the sequence should repeat some cells")
    #expect(builder.duplicateCount == repeats)
    let table = builder.build()
    var seen: [Key: Double] = [:]
    for cell in 0..<table.cellCount {
      let code = builder.code(for: table.categories[Int(table.codes[cell])])
      let key = Key(time: table.times[cell], code: code)
      #expect(seen[key] == nil, "cell \(key) appears twice in the table")
      seen[key] = table.volumes[cell]
    }
    #expect(seen == model)
  }

  @Test func aRepeatedTimeInAWideFileIsAnError() throws {
    var builder = VolumeTableBuilder(policy: .error)
    let source = builder.addSource("wide.csv")
    let a = builder.code(for: "a")
    let b = builder.code(for: "b")
    for (line, time) in [Int64(0), 86400, 86400].enumerated() {
      do {
        for code in [a, b] {
          try builder.addObservation(
            time: time, code: code, volume: 1, origin: CellOrigin(source: source, line: Int64(line + 2)))
        }
        #expect(line < 2, "the third row repeats the second row's time")
      } catch let error as ShareError {
        #expect(line == 2)
        #expect("\(error)".contains("appears twice: at wide.csv:3 and at wide.csv:4"), "\(error)")
      }
    }
  }

  /// Removing a column at the latest time: its cell is gone (adding it again is no repeat), and
  /// the cells that moved are still found where they now are.
  @Test func removingACellAtTheLatestTimeLeavesNoStaleMark() throws {
    var builder = VolumeTableBuilder(policy: .sum)
    let source = builder.addSource("wide.csv")
    let (total, a) = (builder.code(for: "total"), builder.code(for: "a"))
    let origin = CellOrigin(source: source, line: 2)
    try builder.addObservation(time: 0, code: total, volume: 5, origin: origin)
    try builder.addObservation(time: 0, code: a, volume: 5, origin: origin)
    builder.removeCells(code: total, source: source)
    try builder.addObservation(time: 0, code: total, volume: 1, origin: origin)
    try builder.addObservation(time: 0, code: a, volume: 2, origin: origin)
    #expect(builder.duplicateCount == 1)
    let table = builder.build()
    #expect(table.categories == ["total", "a"] || table.categories == ["a", "total"])
    let volumes = Dictionary(
      uniqueKeysWithValues: (0..<table.cellCount).map {
        (table.categories[Int(table.codes[$0])], table.volumes[$0])
      })
    #expect(volumes == ["a": 7, "total": 1])
  }
}
