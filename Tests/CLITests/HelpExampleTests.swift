// The help is documentation that can be pasted: every line of every EXAMPLE(S) section in
// `sharelens --help` and each subcommand's --help runs as written, against real files named for the
// example's files, and with COLUMNS=80 every command line as printed fits in 80 columns (a command
// the help wraps is no longer one a shell can run).

import Foundation
import TestSupport
import Testing

/// The commands whose --help is read: the root command and every subcommand.
let helpCommands: [[String]] = [
  [], ["inspect"], ["shares"], ["compare"], ["concentration"], ["breaks"], ["trend"], ["effect"], ["report"],
  ["volumes"],
]

/// One example as the help prints it: its lines (a `\` at the end continues a command on the next).
struct HelpExample: CustomStringConvertible {
  var lines: [String]
  /// The command's words, continuations joined, without the leading `sharelens`.
  var arguments: [String] {
    let joined = lines.map { line in
      var text = line.trimmingCharacters(in: .whitespaces)
      if text.hasSuffix("\\") { text.removeLast() }
      return text
    }.joined(separator: " ")
    return Array(joined.split(separator: " ").map(String.init).dropFirst())
  }
  var description: String { lines.joined(separator: "\n") }
}

/// The examples in a help text, and the lines of its examples sections (which end at a blank line)
/// that are neither a command nor the continuation of one: the rest of a command the help wrapped.
func helpExamples(_ help: String) -> (examples: [HelpExample], strays: [String]) {
  var examples: [HelpExample] = []
  var strays: [String] = []
  var inSection = false
  var continues = false
  for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
    let text = line.trimmingCharacters(in: .whitespaces)
    if text == "EXAMPLES" || text == "EXAMPLE" {
      inSection = true
      continue
    }
    guard inSection else { continue }
    if text.isEmpty {
      inSection = false
    } else if continues {
      examples[examples.count - 1].lines.append(line)
    } else if text.hasPrefix("sharelens ") {
      examples.append(HelpExample(lines: [line]))
    } else {
      strays.append(line)
    }
    continues = inSection && text.hasSuffix("\\")
  }
  return (examples, strays)
}

/// Real files for the file names the examples use; --out targets go to the scratch directory.
struct ExampleFixtures {
  let scratch: TemporaryDirectory
  let files: [String: [String]]

  init() throws {
    scratch = TemporaryDirectory()
    let tradeDirectory = scratch.path + "/trades"
    try FileManager.default.createDirectory(atPath: tradeDirectory, withIntermediateDirectories: true)
    // Two months of bitcoincharts dumps (unixtime,price,amount; the market is in the file name)
    // and one long trade log with the same trades.
    var log = "timestamp,exchange,base,quote,price,amount\n"
    var dumps: [String] = []
    for (market, exchange, quote) in [("bitstampUSD", "bitstamp", "USD"), ("btcnCNY", "btcchina", "CNY")] {
      var rows = ""
      for day in 0..<60 {
        let time = 1_483_228_800 + day * 86_400 + (quote == "USD" ? 3_600 : 7_200)
        let amount = quote == "USD" ? 1.5 + Double(day % 5) : 4.0 + Double(day % 3)
        rows += "\(time),\(1_000 + day),\(amount)\n"
        log += "\(time),\(exchange),BTC,\(quote),\(1_000 + day),\(amount)\n"
      }
      dumps.append(scratch.file("trades/\(market).csv", rows))
    }
    files = [
      "daily.csv": [Paths.dailyByExchange],
      "daily-by-exchange.csv": [Paths.dailyByExchange],
      "monthly.csv": [Paths.monthlyByExchange],
      "exchange-currency.csv": [Paths.exchangeCurrency],
      "china-events.csv": [Paths.chinaEvents],
      "trades.csv": [scratch.file("trades.csv", log)],
      "trades/*.csv": dumps,
    ]
  }

  /// The example's arguments with each file name replaced by its fixture, or nil and the name
  /// that has none.
  func arguments(_ example: HelpExample) -> (arguments: [String]?, unmapped: String?) {
    var result: [String] = []
    var isOutput = false
    for word in example.arguments {
      defer { isOutput = word == "--out" }
      if isOutput {
        result.append(scratch.path + "/out-" + word.replacingOccurrences(of: "/", with: "-"))
      } else if let paths = files[word] {
        result += paths
      } else if word.contains(".csv") || word.contains("/") {
        return (nil, word)
      } else {
        result.append(word)
      }
    }
    return (result, nil)
  }
}

@Suite(.serialized)
struct HelpExampleTests {
  @Test func everyHelpExampleLineFitsIn80ColumnsAndIsACommandOrItsContinuation() throws {
    var count = 0
    for command in helpCommands {
      let help = try runSharelens(command + ["--help"], environment: ["COLUMNS": "80"])
      #expect(help.status == 0, "sharelens \(command) --help: \(help.stderr)")
      let (examples, strays) = helpExamples(help.stdout)
      #expect(!examples.isEmpty || command == ["inspect"], "sharelens \(command) --help shows no example")
      #expect(strays.isEmpty, "sharelens \(command) --help: lines that are not a command (wrapped?): \(strays)")
      for example in examples {
        count += 1
        for line in example.lines {
          #expect(line.count <= 80, "sharelens \(command) --help: \(line.count) columns: \(line)")
        }
      }
    }
    #expect(count >= 10, "only \(count) examples found: is the section heading still EXAMPLE(S)?")
  }

  @Test func everyHelpExampleRunsAsWritten() throws {
    let fixtures = try ExampleFixtures()
    defer { fixtures.scratch.cleanup() }
    var count = 0
    for command in helpCommands {
      let help = try runSharelens(command + ["--help"], environment: ["COLUMNS": "80"])
      for example in helpExamples(help.stdout).examples {
        count += 1
        let (arguments, unmapped) = fixtures.arguments(example)
        guard let arguments else {
          Issue.record("\(example)\nnames \(unmapped ?? "?"), which has no fixture in HelpExampleTests")
          continue
        }
        let run = try runSharelens(arguments, in: fixtures.scratch.path)
        #expect(run.status == 0, "\(example)\nexited \(run.status): \(run.stderr)")
        #expect(!run.stdout.isEmpty || arguments.contains("--out"), "\(example)\nprinted nothing")
      }
    }
    #expect(count >= 10, "only \(count) examples ran")
  }
}
