// CSV that sharelens writes reads back into sharelens unchanged, and opens in a spreadsheet as
// text: rows W01 and W02 of docs/errors.md.

import Foundation
import TestSupport
import Testing

/// A CSV field quoted the RFC 4180 way (the test's own, independent of the writer under test; on
/// bytes, since a quote followed by a combining mark is no `"` Character).
func quoted(_ field: String) -> String {
  String(decoding: [0x22] + field.utf8.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22], as: UTF8.self)
}

@Suite struct CSVOutputTests {
  static let names = ["a,\u{301}b", "c\"\u{301}d", "e\r\nf", "=SUM(A1:A9)", "+1 boom", "-x", "@cmd", "'=already"]

  func longInput(_ dir: TemporaryDirectory) -> String {
    var text = "date,cat,v\n"
    for (i, name) in Self.names.enumerated() {
      text += "2016-01-01,\(quoted(name)),\(i + 1)\n2016-01-02,\(quoted(name)),\(2 * i + 1)\n"
    }
    return dir.file("in.csv", text)
  }

  /// W01: `volumes` writes names holding CR LF, or a comma or quote followed by a combining mark,
  /// so that sharelens reads the file back to the same table.
  @Test func volumesReadsBackUnchanged() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = longInput(dir)
    let first = dir.path + "/v1.csv"
    let second = dir.path + "/v2.csv"
    var result = try runSharelens(["volumes", input, "--out", first])
    #expect(result.status == 0, "\(result.stderr)")
    result = try runSharelens(["volumes", first, "--out", second])
    #expect(result.status == 0, "\(result.stderr)")
    let a = try String(contentsOfFile: first, encoding: .utf8)
    let b = try String(contentsOfFile: second, encoding: .utf8)
    #expect(a == b)
    let direct = try runSharelens(["shares", input, "--format", "csv"])
    let reread = try runSharelens(["shares", first, "--format", "csv"])
    #expect(direct.status == 0 && reread.status == 0, "\(direct.stderr) \(reread.stderr)")
    #expect(direct.stdout == reread.stdout)
  }

  /// W02: category names a spreadsheet would run as formulas are written with a leading
  /// apostrophe; numbers are not touched.
  @Test func formulaNamesAreGuarded() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = longInput(dir)
    let result = try runSharelens(["shares", input, "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    // The input's `'=already` is a guarded cell: the category is `=already`, written guarded again.
    for name in ["'=SUM(A1:A9)", "'+1 boom", "'-x", "'@cmd", "'=already"] {
      #expect(lines.contains { $0.contains(",\(name),") }, "\(name)")
    }
    #expect(!lines.contains { $0.contains(",=SUM") || $0.contains(",-x,") })
  }
}

@Suite struct GzipByContentTests {
  /// V13: a gzipped `--map` file is decompressed like any input (it was read as text: "NUL byte").
  @Test func aGzippedMapIsRead() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", "Time,bitstamp,zaif\n2016-01-01,1,3\n")
    let plain = dir.file("map.csv", "from,to\nbitstamp,USD\nzaif,JPY\n")
    let gzip = try runProcess("/bin/gzip", ["-k", plain])
    #expect(gzip.status == 0, "\(gzip.stderr)")
    let result = try runSharelens(["shares", input, "--map", plain + ".gz", "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("2016-01-01,2016-01-01,JPY,3,0.75,4,1,false"), "\(result.stdout)")
  }
}

@Suite struct FileNameTests {
  /// I01: a file name that is not valid UTF-8 gets a message that says so (and how to get around
  /// it), not "no such file".
  @Test func aNonUTF8FileNameIsExplained() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let command =
      "cd '\(dir.path)' && printf 'Time,a,b\\n2016-01-01,1,3\\n' > \"$(printf 'in\\377.csv')\" && "
      + "'\(Paths.binary)' shares \"$(printf 'in\\377.csv')\""
    let result = try runProcess("/bin/bash", ["-c", command])
    #expect(result.status == 66, "\(result.stderr)")
    #expect(result.stderr.contains("the file name is not valid UTF-8"), "\(result.stderr)")
  }
}

@Suite struct TradeDumpTests {
  /// I03: daily dumps whose edges overlap by a few seconds are not the same trades twice (E42 is).
  @Test func adjacentDumpsAreNotDuplicates() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    try FileManager.default.createDirectory(atPath: dir.path + "/day1", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: dir.path + "/day2", withIntermediateDirectories: true)
    let first = dir.file("day1/bitstampUSD.csv", "1451606400,430,1\n1451692800,432,1\n")
    let second = dir.file("day2/bitstampUSD.csv", "1451692795,433,1\n1451779200,434,1\n")
    let result = try runSharelens(["shares", first, second, "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    let overlapping = dir.file("day2/bitstampUSD.csv", "1451606500,433,1\n1451779200,434,1\n")
    let repeated = try runSharelens(["shares", first, overlapping, "--format", "csv"])
    #expect(repeated.status == 65, "\(repeated.stderr)")
    #expect(repeated.stderr.contains("the same trades twice"))
  }
}
