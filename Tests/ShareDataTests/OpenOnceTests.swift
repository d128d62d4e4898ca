// An input is opened once: the parallel reader's second pass reads the file that was opened, even
// when its path names another file by then.

import Foundation
import TestSupport
import Testing

@testable import ShareData

func readAll(_ stream: ByteStream) throws -> [UInt8] {
  var out: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 7)
  while true {
    let got = try buffer.withUnsafeMutableBytes { try stream.read(into: $0.baseAddress!, count: $0.count) }
    if got == 0 { return out }
    out += buffer[..<got]
  }
}

@Suite struct OpenOnceTests {
  /// I02: the file is replaced (renamed over) between the first read and the second pass: the
  /// second pass still reads the first file (reopening by path mixed the two files).
  @Test(arguments: [false, true])
  func theSecondPassReadsTheFileThatWasOpened(gzipped: Bool) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let first = "Time,a,b\n2016-01-01,1,3\n"
    let path = dir.file("in.csv", first)
    if gzipped {
      #expect(try runProcess("/bin/gzip", ["-f", path]).status == 0)
      #expect(rename(path + ".gz", path) == 0)
    }
    let opened = try openInputOnce(path)
    #expect(try readAll(opened.stream) == Array(first.utf8))
    let other = dir.file("other.csv", "Time,x,y\n2020-01-01,9,9\n")
    #expect(rename(other, path) == 0)
    let again = try #require(opened.reopen)
    #expect(try readAll(try again()) == Array(first.utf8))
    #expect(try readAll(try again()) == Array(first.utf8))
  }
}
