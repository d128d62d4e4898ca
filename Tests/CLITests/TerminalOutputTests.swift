// Escape sequences and markup from data do not reach a terminal or a markdown page as such:
// rows W03–W05 of docs/errors.md.

import Foundation
import TestSupport
import Testing

@Suite struct TerminalOutputTests {
  /// A category that sets the window title (OSC 0), clears the screen (CSI 2J), then a bidi
  /// override; and one that is an HTML tag.
  static let hostile = "\u{1B}]0;pwned\u{07}evil\u{1B}[2J\u{202E}x"
  static let tag = "<img src=x onerror=alert(1)>"

  func input(_ dir: TemporaryDirectory) -> String {
    var text = "date,cat,v\n"
    for day in 1...3 { text += "2016-01-0\(day),\(Self.hostile),\(day)\n2016-01-0\(day),\"\(Self.tag)\",3\n" }
    return dir.file("in.csv", text)
  }

  static func hasControls(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}"
    }
  }

  /// W03: text output (tables, charts, inspect) shows control characters from data as visible
  /// escapes (`\x1B`), never as the characters; the chart's own colours are the only escapes.
  @Test(arguments: [["shares", "IN"], ["shares", "IN", "--chart"], ["inspect", "IN"], ["concentration", "IN"]])
  func textOutputHasNoControlsFromData(_ arguments: [String]) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let path = input(dir)
    let result = try runSharelens(arguments.map { $0 == "IN" ? path : $0 })
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!Self.hasControls(result.stdout), "\(result.stdout.debugDescription)")
    if arguments.count == 2 && arguments[0] == "shares" { #expect(result.stdout.contains("\\x1B]0;pwned\\x07evil")) }
  }

  /// W03: with colour forced on, the chart's own SGR colour codes are the only escape sequences.
  @Test func forcedColourKeepsOnlyOwnColours() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let result = try runSharelens(["shares", input(dir), "--chart", "--color", "always"])
    #expect(result.status == 0, "\(result.stderr)")
    let withoutOwn = result.stdout.replacingOccurrences(
      of: "\u{1B}\\[(38;5;[0-9]+|0)m", with: "", options: .regularExpression)
    #expect(!Self.hasControls(withoutOwn), "\(withoutOwn.debugDescription)")
  }

  /// W04: messages on standard error show controls in what they quote (here a file name; server
  /// error text goes the same way) as visible escapes.
  @Test func messagesHaveNoControlsFromData() throws {
    let result = try runSharelens(["shares", "/nonexistent/\u{1B}]0;pwned\u{07}x.csv"])
    #expect(result.status == 66)
    #expect(result.stderr.contains("no such file"))
    #expect(!Self.hasControls(result.stderr), "\(result.stderr.debugDescription)")
    #expect(result.stderr.contains("\\x1B]0;pwned\\x07x.csv"))
  }

  /// W05: markdown output writes `<`, `>` and `&` from data and from `--title` as entities, so no
  /// name becomes HTML where the markdown is rendered.
  @Test func markdownHasNoRawHTMLFromData() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let shares = try runSharelens(["shares", input(dir), "--format", "markdown"])
    #expect(shares.status == 0, "\(shares.stderr)")
    #expect(!shares.stdout.contains("<img"))
    #expect(shares.stdout.contains("&lt;img src=x onerror=alert(1)&gt;"))
    #expect(!Self.hasControls(shares.stdout))
    let out = dir.path + "/report.md"
    let report = try runSharelens([
      "report", Paths.monthlyByExchange, "--format", "markdown", "--title", "<script>alert(1)</script>", "--out", out,
    ])
    #expect(report.status == 0, "\(report.stderr)")
    let text = try String(contentsOfFile: out, encoding: .utf8)
    #expect(!text.contains("<script>"))
    #expect(text.hasPrefix("# &lt;script&gt;alert(1)&lt;/script&gt;\n"))
  }
}
