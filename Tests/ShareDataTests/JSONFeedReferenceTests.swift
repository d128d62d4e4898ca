// The JSON feed readers against an independent computation: every fixture's per-day volumes, in
// base and quote units, equal what pandas makes of the same file (scripts/fixtures/
// json_feeds_reference.py, beside json_feeds_fixtures.py that generated the fixtures).

import Foundation
import TestSupport
import Testing

@testable import ShareData

struct ReferenceDay: Sendable, CustomTestStringConvertible {
  var file: String
  var unit: VolumeUnit
  var volumes: [String: Double]
  var testDescription: String { "\(file) \(unit.rawValue)" }
}

/// reference-daily.csv, one case per file and unit.
let jsonFeedReference: [ReferenceDay] = {
  let path = Paths.fixture("ShareDataTests", "JSONFeeds/reference-daily.csv")
  guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
  var cases: [String: ReferenceDay] = [:]
  var order: [String] = []
  for line in text.split(separator: "\n").dropFirst() {
    let fields = line.split(separator: ",").map(String.init)
    guard fields.count == 4, let unit = VolumeUnit(rawValue: fields[1]), let volume = Double(fields[3]) else {
      continue
    }
    let key = fields[0] + " " + fields[1]
    if cases[key] == nil {
      cases[key] = ReferenceDay(file: fields[0], unit: unit, volumes: [:])
      order.append(key)
    }
    cases[key]!.volumes[fields[2]] = volume
  }
  return order.map { cases[$0]! }
}()

/// The table's valid cells summed per UTC day, by `YYYY-MM-DD`.
func dailyVolumes(_ table: VolumeTable) -> [String: Double] {
  var days: [String: Double] = [:]
  for cell in 0..<table.cellCount where table.valid[cell] {
    days[dateString(seconds: table.times[cell]), default: 0] += table.volumes[cell]
  }
  return days
}

func readFeed(_ file: String, _ options: IngestOptions = IngestOptions()) throws -> IngestResult {
  try Ingest.read(paths: [Paths.fixture("ShareDataTests", "JSONFeeds/\(file)")], options: options)
}

struct JSONFeedReferenceTests {
  @Test func theReferenceCoversEveryFixture() {
    #expect(jsonFeedReference.count == 15)
  }

  @Test(arguments: jsonFeedReference)
  func perDayVolumesMatchPandas(_ reference: ReferenceDay) throws {
    let result = try readFeed(reference.file, IngestOptions(unit: reference.unit))
    let days = dailyVolumes(result.table)
    #expect(Set(days.keys) == Set(reference.volumes.keys))
    for (day, expected) in reference.volumes {
      let found = days[day] ?? .nan
      #expect(abs(found - expected) <= 1e-9 * abs(expected), "\(day): \(found) vs \(expected)")
    }
  }
}
