// The temporary file behind `--out`: unpredictable names that fit the file system's limit.

import Testing

@testable import ShareReport

@Suite struct TemporaryFileTests {
  @Test func namesAreRandomAndHidden() {
    let names = Set((0..<100).map { _ in TemporaryFile.randomName(directory: "d", base: "out.csv") })
    #expect(names.count == 100)
    #expect(names.allSatisfy { $0.hasPrefix("d/.out.csv.tmp-") && $0.count == "d/.out.csv.tmp-".count + 12 })
  }

  @Test func longNamesAreCutAtACharacterBoundary() {
    let base = String(repeating: "é", count: 127)  // 254 bytes
    let name = TemporaryFile.randomName(directory: "", base: base)
    #expect(name.utf8.count <= 255)
    #expect(name.hasPrefix(".é"))
    #expect(name.unicodeScalars.allSatisfy { $0 != "\u{FFFD}" })
  }
}
