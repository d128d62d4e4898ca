// A JSON list read item by item through a small window (JSONItems) must give exactly the items a
// whole parse gives, wherever the window's edges fall, and place a syntax error at the same line
// and column; the window must not grow with the file.

import Foundation
import TestSupport
import Testing

@testable import ShareData

struct JSONItemsTests {
  private func items(_ bytes: [UInt8], chunk: Int) throws -> [JSONValue] {
    let scanner = CSVScanner(stream: MemoryStream(name: "t.json", bytes: bytes), chunkSize: chunk)
    var list = try JSONItems(scanner: scanner, file: "t.json", chunk: chunk)
    var values: [JSONValue] = []
    while let item = try list.next() { values.append(item.value) }
    return values
  }

  private static let fixtures = [
    "BTC-USD.json", "BTC_USDT-1h.json", "BTC_USDT-trades.json", "coingecko-binance-hourly.json", "tBTCUSD.json",
  ]

  @Test(arguments: fixtures)
  func everyWindowSizeGivesTheWholeParsesItems(_ name: String) throws {
    let bytes = [UInt8](
      try Data(contentsOf: URL(fileURLWithPath: Paths.fixture("ShareDataTests", "JSONFeeds/" + name))))
    guard case .array(let whole) = try JSONParser.parse(bytes) else {
      Issue.record("\(name) is not a list")
      return
    }
    #expect(!whole.isEmpty)
    for chunk in [1, 2, 3, 5, 8, 13, 64, 1000, 1 << 20] {
      #expect(try items(bytes, chunk: chunk) == whole, "\(name), window of \(chunk)")
    }
  }

  @Test func numbersCutByTheWindowAreNotReadShort() throws {
    let text = "[123456789, 1.5e10,\n\"a\\u00e9\\ud83d\\ude00\", true, null, [], {}, -0.25]"
    guard case .array(let whole) = try JSONParser.parse(Array(text.utf8)) else { return }
    for chunk in 1...12 {
      #expect(try items(Array(text.utf8), chunk: chunk) == whole, "window of \(chunk)")
    }
  }

  /// The line and column a whole parse gives for the same document.
  private func wholeError(_ text: String) -> (Int, Int)? {
    do {
      _ = try JSONParser.parse(Array(text.utf8))
      return nil
    } catch {
      return (error.line, error.column)
    }
  }

  @Test func syntaxErrorsArePlacedAsAWholeParsePlacesThem() {
    let broken = [
      "[1, 2,\n 3 x]", "[[1, 2],\n\n [3, tru]]", "[1,\n 2", "[\"a\nb\"]", "[1, 2] ,", "[01]", "[1,\n  {\"a\" 1}]",
      "[" + String(repeating: "7, ", count: 500) + "\n  ,]",
    ]
    for text in broken {
      guard let (line, column) = wholeError(text) else {
        Issue.record("\(text) parses whole")
        continue
      }
      for chunk in [1, 2, 3, 7, 64, 4096] {
        do {
          _ = try items(Array(text.utf8), chunk: chunk)
          Issue.record("\(text): no error with a window of \(chunk)")
        } catch let error as ShareError {
          #expect(
            "\(error)".hasPrefix("t.json:\(line):\(column): not valid JSON"), "\(text), window \(chunk): \(error)")
        } catch {
          Issue.record("\(error)")
        }
      }
    }
  }

  @Test func aLongListIsReadInAWindowThatDoesNotGrowWithIt() throws {
    // 200 000 CCXT-style bars (about 12 MB) read through a 64 KiB window: the items all arrive, and
    // the last one is the last bar.
    var text = "["
    for i in 0..<200_000 { text += "\(i == 0 ? "" : ",")\n[\(1_600_000_000_000 + i * 60_000), 1, 2, 0.5, 1.5, 3]" }
    text += "]"
    let bytes = Array(text.utf8)
    let scanner = CSVScanner(stream: MemoryStream(name: "t.json", bytes: bytes), chunkSize: 1 << 16)
    var list = try JSONItems(scanner: scanner, file: "t.json", chunk: 1 << 16)
    var last: JSONValue?
    while let item = try list.next() {
      last = item.value
      #expect(list.windowSize < 1 << 18)
    }
    #expect(list.count == 200_000)
    let bar: [Double] = [1_600_000_000_000 + 199_999 * 60_000, 1, 2, 0.5, 1.5, 3]
    #expect(last == .array(bar.map { .number($0) }))
  }
}
