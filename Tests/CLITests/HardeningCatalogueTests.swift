// The rows of docs/errors.md added by the hardening review (output files and streams, CSV and
// terminal output, databases) are each pinned by a test whose doc comment starts with the row's ID
// ("/// O01: …"); this checks the two lists stay in step, as ErrorCatalogueTests does for E and V.

import Foundation
import TestSupport
import Testing

@Suite struct HardeningCatalogueTests {
  static let prefixes: Set<Character> = ["O", "W", "D", "N", "I"]

  /// D01–D08 predate this catalogue and are pinned by EngineTests without the comment convention.
  static func isChecked(_ id: Substring) -> Bool {
    guard id.count == 3, let first = id.first, prefixes.contains(first), let number = Int(id.dropFirst()) else {
      return false
    }
    return first != "D" || number >= 9
  }

  @Test func everyDocumentedRowHasATestAndEveryTestARow() throws {
    let doc = try String(contentsOfFile: Paths.root + "/docs/errors.md", encoding: .utf8)
    let documented = Set(
      doc.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("| ") else { return nil }
        let id = line.dropFirst(2).prefix(3)
        return Self.isChecked(id) && line.dropFirst(5).hasPrefix(" ") ? String(id) : nil
      })
    var tested = Set<String>()
    for directory in ["CLITests", "ShareReportTests", "ShareDataTests"] {
      let folder = Paths.root + "/Tests/" + directory
      for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".swift") {
        let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        for line in text.split(separator: "\n") {
          let trimmed = line.drop { $0 == " " }
          guard trimmed.hasPrefix("/// ") else { continue }
          let id = trimmed.dropFirst(4).prefix(4)
          if id.last == ":", Self.isChecked(id.dropLast()) { tested.insert(String(id.dropLast())) }
        }
      }
    }
    #expect(documented == tested)
  }
}
