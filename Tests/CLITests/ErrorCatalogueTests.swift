// One test per row of docs/errors.md: the real binary, with --out, checked for its exit status,
// its message, and that no output file appeared.

import Foundation
import ShareData
import TestSupport
import Testing

struct BadInput: CustomTestStringConvertible, Sendable {
  var id: String
  /// The input file's bytes; nil when the case supplies its own arguments only.
  var bytes: [UInt8]?
  /// Arguments after `shares` (or a command first: `concentration`); `IN` is replaced by the input's path, `OUT` by the output path.
  var arguments: [String] = ["IN"]
  var status: Int32
  var message: String
  var name = "in.csv"
  /// Where a data error points: `line:column` or `line` (docs/errors.md: every data error names
  /// file:line:column); nil where the error is about the whole file or an option.
  var location: String?
  /// The hint docs/errors.md promises, if any.
  var hint: String?

  var testDescription: String { id }

  /// The same case, with where it points and the hint it gives.
  func at(_ location: String?, hint: String? = nil) -> BadInput {
    var copy = self
    copy.location = location
    copy.hint = hint
    return copy
  }

  init(
    _ id: String, _ text: String?, _ message: String, args arguments: [String] = ["IN"], status: Int32 = 65,
    name: String = "in.csv"
  ) {
    self.id = id
    self.bytes = text.map { Array($0.utf8) }
    self.arguments = arguments
    self.status = status
    self.message = message
    self.name = name
  }

  init(_ id: String, bytes: [UInt8], _ message: String, status: Int32 = 65) {
    self.id = id
    self.bytes = bytes
    self.status = status
    self.message = message
  }
}

/// A Binance fixture made by scripts/fixtures/binance_fixtures.py.
private func binance(_ relative: String) -> String { Paths.fixture("ShareDataTests", "binance/" + relative) }

let binanceTrades = "1,93500.1,0.5,46750.05,1735603200123,True,True\n"

let catalogue: [BadInput] = [
  BadInput("E01", "\n\n", "the file is empty"),
  BadInput("E01", "", "the file is empty"),  // 0 bytes
  BadInput("E02", "Time,a,b\n", "header but no data rows"),
  BadInput("E03", "a,b\n1,2\n", "no time column").at("1", hint: "--time"),
  BadInput("E04", "Time,a\nsoon,1\n", "not a time: \"soon\"").at("2:1"),
  BadInput("E05", "Time,a\n2017-02-30,1\n", "February 2017 has 28 days").at("2:1"),
  BadInput("E06", "Time,a,b\n2016-01-01,1,2\n2016-01-02,1,abc\n2016-01-03,1,2\n", "not a number: \"abc\"").at("3:3"),
  BadInput("E07", "Time,a\n2016-01-01,-5\n", "negative volume").at("2:2"),
  BadInput("E07", "Time,a\n2016-01-01,-0.5\n", "negative volume").at("2:2"),
  BadInput("E08", "Time,a,b\n2016-01-01,NaN,1\n", "not a number: \"NaN\"").at(
    "2:2", hint: "leave a missing value as an empty cell"),
  BadInput("E09", "Time,a\n2016-01-01,1e999\n", "too large").at("2:2"),
  BadInput("E10", "Time,a\n2016-01-01,\"1\n2016-01-02,2\n", "unterminated quoted field").at("2:2"),
  BadInput("E11", "Time,a,b\n2016-01-01,1\n", "the header has 3").at("2", hint: "keep its comma"),
  BadInput("E12", "Time,a,a\n2016-01-01,1,2\n", "duplicate column name \"a\"").at("1:3"),
  BadInput("E13", "date,cat,v\n2016-01-01,x,1\n2016-01-01,x,2\n", "appears twice").at(
    "3", hint: "--duplicates sum adds repeated values up"),
  BadInput("E14", bytes: Array("Time,a\n2016-01-01,1".utf8) + [0] + Array("\n".utf8), "NUL byte").at("2:2"),
  BadInput("E15", bytes: Array("date,cat,v\n2016-01-01,".utf8) + [0xFF, 0xFE] + Array(",1\n".utf8), "invalid UTF-8")
    .at("2:2", hint: "iconv"),
  BadInput("E16", "Time,a\n2016-01-01," + String(repeating: "9", count: 17 << 20) + "\n", "longer than 16 MiB"),
  BadInput("E17", "Time,a\n2016-01-01,1\n1451692800,2\n", "mixed time formats").at("3:1"),
  BadInput("E18", "Time,,b\n2016-01-01,1,2\n", "empty column name").at("1:2"),
  BadInput("E19", "Time,a\n\"2016-01-01\"x,1\n", "text after a closing quote").at(
    "2:1", hint: "a quote inside a quoted field is written twice"),
  BadInput("E20", "date,cat,v\n2016-01-01,x,1\n2016-01-02,,2\n", "empty category").at("3:2"),
  BadInput("E21", "1,2\n3,4\n", "holds numbers, not column names").at("1", hint: "--layout trades"),
  BadInput("E22", "Time,bitstamp,zaif\n2016-01-01,1,2\n", "not in the map: \"zaif\"", args: ["IN", "--map", "MAP"]).at(
    nil, hint: "--unmapped"),
  BadInput("E23", "Time,a\n2016-01-01,1\n", "mapped twice", args: ["IN", "--map", "BADMAP"]),
  BadInput("E24", "Time,a\n99999999999999999999,1\n", "out of range").at("2:1"),
  BadInput("E25", nil, "no such file", args: ["/nonexistent/input.csv"], status: 66),
  BadInput("E26", nil, "directory", args: ["DIR/outdir"], status: 66),
  BadInput(
    "E27", "Time,a\n2016-01-01,1\n", "is after --to", args: ["IN", "--from", "2017-01-01", "--to", "2016-01-01"],
    status: 64),
  BadInput("E28", "Time,a\n2016-01-01,1\n", "Unknown option", args: ["IN", "--bogus"], status: 64),
  BadInput(
    "E29", "Time,a\n2015-01-01,1\n2015-02-01,2\n", "finer than the data", args: ["IN", "--every", "day"], status: 64),
  BadInput("E30", "Time,a\n2016-01-01,1\n", "no data in the range", args: ["IN", "--from", "2019-01-01"], status: 64)
    .at(nil, hint: "2016-01-01"),
  BadInput("E31", "date,cat,v\n2016-01-01,x,1\n", "no such column", args: ["IN", "--value", "nope"], status: 64).at(
    nil, hint: "its columns are \"date\", \"cat\", \"v\""),
  BadInput("E32", "Time,a\n2016-01-01,1\n", "only once", args: ["-", "-"], status: 64),
  BadInput("E33", "Time,a\n2016-01-01,1\n", "does not apply", args: ["IN", "--group", "exchange"], status: 64).at(
    nil, hint: "--map FILE"),
  BadInput("E34", "date,cat,x,y\n2016-01-01,a,1,2\n", "none is clearly the volume", status: 64).at(
    nil, hint: "--value"),
  BadInput(
    "E35", "Time,a\n2016-01-01,1\n", "cannot create the output", args: ["IN", "--out", "DIR/no/such/dir/out.txt"],
    status: 73),
  // A directory inside the case's directory, so a temporary file left beside it would be seen.
  BadInput("E36", "Time,a\n2016-01-01,1\n", "is a directory", args: ["IN", "--out", "DIR/outdir"], status: 73),
  BadInput("E37", "Time,a,b,c,TOTAL\n2015-01-01,1,2,3,6\n2015-02-01,2,2,4,8\n", "--strict", args: ["IN", "--strict"]),
  BadInput("E38", bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00], "binary"),
  BadInput("E40", "Time,a,b\n0001-01-01T00:30:00+01:00,1,3\n0001-01-02T00:00:00Z,1,1\n", "out of range"),
  BadInput("E41", "Time,a,b\n9999-12-31T23:30:00-01:00,1,3\n9999-12-30T00:00:00Z,1,1\n", "out of range"),
  BadInput(
    "E42", "1451606400,430,1\n1451610000,431,2\n1451692800,432,1\n", "the same trades twice", args: ["IN", "IN"],
    name: "bitstampUSD.csv"),
  BadInput("E39", bytes: [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4B, 0x4C], "ends early"),
  BadInput(
    "E43", "Time,a\n2016-01-01,1\n", "not a colour: \"purple\"", args: ["IN", "--colors", "a=purple"], status: 64
  )
  .at(nil, hint: "e.g. USD=#0072B2"),
  BadInput(
    "E50", "Time,a,b\n2016-01-01,1,3\n", "has no category \"c\"", args: ["IN", "--exclude", "exchange=c"],
    status: 64
  )
  .at(nil, hint: "\"a\", \"b\""),
  BadInput(
    "E66", "Time,a,others\n2016-01-01,1,2\n", "names no category: \"nobody\"",
    args: ["concentration", "IN", "--aggregate", "nobody"], status: 64
  )
  .at(nil, hint: "the categories are \"others\", \"a\""),
  BadInput(
    "E90", "Time,a,others\n2016-01-01,1,2\n2016-01-02,2,1\n", "names no category: \"nobody\"",
    args: [
      "compare", "IN", "--period", "A=2016-01-01..2016-01-01", "--period", "B=2016-01-02..2016-01-02",
      "--aggregate", "nobody",
    ], status: 64
  )
  .at(nil, hint: "the categories are \"a\", \"others\""),
  BadInput("E51", "{\"group\": \"category\"}\n", "JSON without \"buckets\"", name: "in.json"),
  BadInput("E79", nil, "the zip archive ends early or is damaged", args: [binance("bad/truncated.zip")]).at(
    nil, hint: "unzip -t"),
  BadInput("E80", nil, "does not inflate", args: [binance("bad/crc.zip")]).at(nil, hint: "download it again"),
  BadInput("E80", nil, "its CRC-32 does not match", args: [binance("bad/crc-stored.zip")]),
  BadInput(
    "E81", nil, "the zip archive does not match its checksum",
    args: [binance("bad/checksum/BTCUSDT-trades-2024-12-31.zip")]
  ).at(nil, hint: "--no-verify"),
  BadInput(
    "E82", nil, "not a checksum file: it starts with \"<html><body>404",
    args: [binance("bad/not-a-checksum/BTCUSDT-trades-2024-12-31.zip")]
  ).at(nil, hint: "--no-verify"),
  BadInput(
    "E83", binanceTrades + "2,93500,0.5,46750,1735603200500,maybe,True\n", "not a true/false flag: \"maybe\"",
    name: "BTCUSDT-trades-2024-12-31.csv"
  ).at("2:6"),
  BadInput(
    "E83", binanceTrades + "2,93500,0.5,46750,soon,True,True\n", "not a Binance time: \"soon\"",
    name: "BTCUSDT-trades-2024-12-31.csv"
  ).at("2:5"),
  BadInput(
    "E83", binanceTrades + "2,93500,0.5,46750,1735603200500,True\n", "7 fields, as in Binance spot trades",
    name: "BTCUSDT-trades-2024-12-31.csv"
  ).at("2"),
  BadInput(
    "E84", "1735603200000,1,1,1,1,500,1735606799999,5,10,2,2,0\n", "the unit of the amounts in BTCUSD is not known",
    name: "BTCUSD-1h-2024-12-31.csv"
  ).at(nil, hint: "--markets"),
  BadInput("E51", "{\"buckets\": [\n", "not valid JSON", name: "in.json"),
  BadInput(
    "E69", "1451606400,430.5,0.5\n", "the exchange of BCHEUR is not known", args: ["IN", "--group", "exchange"],
    status: 64, name: "BCHEUR.csv"
  )
  .at(nil, hint: "--markets"),
  BadInput(
    "E70", "symbol,venue\nBCHEUR,kraken\n", "unknown column \"venue\"", args: ["-", "--markets", "IN"], name: "m.csv"
  )
  .at("1:2"),
  BadInput("E70", "exchange\nkraken\n", "no symbol column", args: ["-", "--markets", "IN"], name: "m.csv"),
  BadInput(
    "E71", "symbol,instrument\nBTCUSD_PERP,option\n", "instrument \"option\" is not one sharelens knows",
    args: ["-", "--markets", "IN"], name: "m.csv"
  )
  .at("2:2"),
  BadInput(
    "E71", "symbol,contract_size\nBTCUSD_PERP,0\n", "contract size \"0\" is not a positive number",
    args: ["-", "--markets", "IN"], name: "m.csv"
  )
  .at("2:2"),
  BadInput(
    "E72", "symbol,exchange\nBCHEUR,kraken\nbcheur,bitstamp\n", "is in the markets file twice (line 2 and here)",
    args: ["-", "--markets", "IN"], name: "m.csv"
  )
  .at("3:1"),
  BadInput("E76", "Time;a;b\n2016-01-01;1.234;10\n", "cannot tell the decimal mark: \"1.234\"")
    .at("2:2", hint: "--decimal comma"),
  BadInput("E77", "Time;a;b\n2016-01-01;1,5;10\n2016-01-02;1.5;10\n", "mixed decimal marks: \"1.5\" after \"1,5\"")
    .at("3:2", hint: "--decimal point"),
  BadInput(
    "E78", "category,period,volume,share,mean_daily_share\nUSD,a,1,0.5,0.5\n",
    "in.csv is sharelens' compare output: statistics, not volumes"
  )
  .at("1", hint: "read the data it was computed from"),
]

/// `Time,a,b\n2016-01-01,1,3\n`, gzipped.
let gzipped: [UInt8] = [
  0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x0B, 0xC9, 0xCC, 0x4D, 0xD5, 0x49, 0xD4, 0x49, 0xE2,
  0x32, 0x32, 0x30, 0x34, 0xD3, 0x35, 0x30, 0x04, 0x22, 0x1D, 0x43, 0x1D, 0x63, 0x2E, 0x00, 0x4B, 0x26, 0x31, 0xA8,
  0x18, 0x00, 0x00, 0x00,
]

struct GoodInput: CustomTestStringConvertible, Sendable {
  var id: String
  var bytes: [UInt8]
  var name = "in.csv"
  /// A line the CSV output must contain (with `arguments`: a line that starts with it).
  var expect: String
  /// The command line instead of `shares IN --format csv` (IN is the input's path).
  var arguments: [String]? = nil
  /// Text standard error must contain (a warning).
  var stderr: String? = nil
  /// Standard input, for a command line without IN.
  var stdin: String? = nil
  var testDescription: String { id }
}

let oddButValid: [GoodInput] = [
  GoodInput(
    id: "V01", bytes: [0xEF, 0xBB, 0xBF] + Array("Time,a,b\n2016-01-01,1,3\n".utf8),
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(
    id: "V02", bytes: Array("Time,a,b\r\n2016-01-01,1,3\r\n".utf8),
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(
    id: "V03", bytes: Array("Time,a,b\r2016-01-01,1,3\r".utf8),
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(
    id: "V04", bytes: Array("date,cat,v\n\"2016-01-01\",\"x,y\",\"1.5\"\n2016-01-01,z,\"0.5\"\n".utf8),
    expect: "2016-01-01,2016-01-01,\"x,y\",1.5,0.75,2,1,false,1,0,align"),
  GoodInput(
    id: "V05", bytes: Array("\nTime,a,b\n\n2016-01-01,1,3\n\n\n".utf8),
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(
    id: "V06", bytes: Array("Time,a,b\n2016-01-01,1,3".utf8),
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(
    id: "V07", bytes: Array("date,cat,v\n2016-01-02,b,1\n2016-01-01,b,3\n2016-01-01,a,1\n".utf8),
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(
    id: "V08", bytes: Array("Time,a,b\n2016-01-01,1,3\n2016-01-02,1,\n2016-01-03,1,1\n".utf8),
    expect: "2016-01-02,2016-01-02,b,,,1,0.5,false,0,0,align"),
  GoodInput(
    id: "V09", bytes: Array("Time,a,b,TOTAL\n2016-01-01,1,3,4\n2016-01-02,1,1,2\n".utf8),
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(
    id: "V10",
    bytes: Array(
      "Date,Open,High,Low,Close,Volume (BTC),Volume (Currency),Weighted Price\n2016-06-09,0,0,0,0,0,0,0\n2016-06-08,1,1,1,1,3,3,1\n"
        .utf8), name: "BCHARTS-BTCNCNY.csv", expect: "2016-06-08,2016-06-08,BTCNCNY,3,1,3,1,false,1,0,align"),
  GoodInput(
    id: "V11",
    bytes: Array(
      ("date,cat,v\n2016-01-01,\"" + String(repeating: "x", count: 3 << 20) + "\",1\n2016-01-01,b,3\n").utf8),
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(
    id: "V12", bytes: Array("currency,volume_btc_24h\nUSD,3\nEUR,1\n".utf8), name: "snapshot-2016-05-01.csv",
    expect: "2016-05-01,2016-05-01,USD,3,0.75,4,1,false,1,0,align"),
  GoodInput(id: "V13", bytes: gzipped, name: "in.GZ", expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(id: "V14", bytes: gzipped, name: "in.csv", expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(
    id: "V15", bytes: Array("Time,a,b\n20160101,1,3\n20160102,2,2\n".utf8),
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(
    id: "V16",
    bytes: Array(
      ("Time,a,b\n2016-01-01,1,3\n2016-01-02,2,3\n2016-01-03,0,3\n2016-01-04,1,3\n2016-01-05,3,3\n"
        + "2016-01-06,,3\n2016-01-07,,3\n").utf8),
    expect: "a,2016-01-01,2016-01-05,5,", arguments: ["trend", "IN", "--category", "a", "--format", "csv"],
    stderr: "a: 1 share of 0 or 1 inside 2016-01-01..2016-01-05 clamped to 0.0001 or 0.9999 before the logit"),
  GoodInput(
    id: "V20", bytes: Array("Time;a;b\n2016-01-01;1;3\n".utf8),
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(
    id: "V20", bytes: Array("date\tcat\tv\n2016-01-01\ta\t1\n2016-01-01\tb\t3\n".utf8),
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(
    id: "V20", bytes: Array("Time|a|b\n2016-01-01|1|3\n".utf8),
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(
    id: "V21",
    bytes: Array(
      ("{\"categories\": [\"b\", \"a\"], \"buckets\": [{\"start\": \"2016-01-01\", \"end\": \"2016-01-01\", "
        + "\"volumes\": {\"b\": 3, \"a\": 1}}]}\n").utf8), name: "saved.json",
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(
    id: "V21",
    bytes: Array(
      "start,end,category,volume,share,total,coverage,partial\n2016-01-01,2016-01-01,b,3,0.75,4,1,false\n2016-01-01,2016-01-01,a,1,0.25,4,1,false\n"
        .utf8),
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align"),
  GoodInput(
    id: "V21",
    bytes: Array(
      ("{\"weighting\": \"equal\", \"smoothing\": {\"window\": 3, \"statistic\": \"mean\"}, \"buckets\": "
        + "[{\"start\": \"2016-01-01\", \"volumes\": {\"b\": 3, \"a\": 1}}]}\n").utf8), name: "saved.json",
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align",
    stderr: "the saved shares were smoothed (mean 3) and equal-weighted; its volumes are read"),
  GoodInput(
    id: "V21",
    bytes: Array(
      "start,end,category,volume,share,total,coverage,partial,smoothing\n2016-01-01,2016-01-01,b,3,0.5,4,1,false,mean 3\n2016-01-01,2016-01-01,a,1,0.5,4,1,false,mean 3\n"
        .utf8),
    expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align",
    stderr: "the saved shares were smoothed; its volumes are read"),
  GoodInput(
    id: "V25", bytes: Array("Time;a;b\n2016-01-01;1,5;4.998,5\n".utf8),
    expect: "2016-01-01,2016-01-01,b,4998.5,0.9997,5000,1,false,1,0,align"),
  GoodInput(
    id: "V26", bytes: Array("Time,a,b\n2016-01-01,\"1,5\",\"4.998,5\"\n".utf8),
    expect: "2016-01-01,2016-01-01,b,4998.5,0.9997,5000,1,false",
    arguments: ["shares", "IN", "--decimal", "comma", "--format", "csv"]),
  GoodInput(
    id: "V27", bytes: [], expect: "2024-12-31,2024-12-31,BTCUSDT UM,62.017",
    arguments: ["shares", binance("data"), "--format", "csv"]),
  // E81's way out: --no-verify reads a zip whose .CHECKSUM does not match.
  GoodInput(
    id: "E81", bytes: [], expect: "2024-12-31,2024-12-31,BTCUSDT spot,",
    arguments: ["shares", binance("bad/checksum/BTCUSDT-trades-2024-12-31.zip"), "--no-verify", "--format", "csv"]),
  GoodInput(
    id: "V28", bytes: Array((binanceTrades + "2,94000,0.25,23500,1735689600000000,False,True\n").utf8),
    name: "BTCUSDT-trades-2025-01.csv",
    expect: "2025-01-01,2025-01-01,BTCUSDT spot,0.25,1,0.25,1,false,1,0,align"),
  // The same rule for every layout: a long table whose times go from seconds to nanoseconds.
  GoodInput(
    id: "V28",
    bytes: Array(
      "time,market,volume\n1451606400,a,1\n1451606400500,b,1\n1451606400000000,c,1\n1451606400999999999,d,1\n"
        .utf8),
    expect: "2016-01-01,2016-01-01,d,1,0.25,4,1,false,1,0,align"),
  GoodInput(
    id: "V22", bytes: [], expect: "2016-01-01,2016-01-01,b,3,0.75,4,1,false,1,0,align",
    arguments: ["shares", "--format", "csv"],
    stdin: "Time,a,b\n2016-01-01,1,3\n"),
]

@Suite struct ErrorCatalogueTests {
  @Test(arguments: catalogue + jsonFeedCatalogue + unitsCatalogue + vendorCatalogue + tardisCatalogue)
  func badInputGetsItsStatusAndMessageAndNoOutput(_ case: BadInput) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = `case`.bytes.map { dir.file(`case`.name, bytes: $0) } ?? ""
    let map = dir.file("map.csv", "exchange,currency\nbitstamp,USD\n")
    let badMap = dir.file("badmap.csv", "from,to\na,X\na,Y\n")
    let out = dir.path + "/out.txt"
    // A case for another command names it first (E66: concentration, E90: compare); the rest run `shares`.
    let command = ["concentration", "compare"].contains(`case`.arguments.first) ? [String]() : ["shares"]
    var arguments =
      command
      + `case`.arguments.map {
        $0.replacingOccurrences(of: "DIR", with: dir.path).replacingOccurrences(of: "BADMAP", with: badMap)
          .replacingOccurrences(of: "MAP", with: map).replacingOccurrences(of: "IN", with: input)
      }
    if !arguments.contains("--out") { arguments += ["--out", out] }
    let target = arguments[arguments.firstIndex(of: "--out")! + 1]
    let stdin = `case`.arguments.contains("-") ? "Time,a\n2016-01-01,1\n" : nil
    try FileManager.default.createDirectory(atPath: dir.path + "/outdir", withIntermediateDirectories: false)
    let before = try FileManager.default.subpathsOfDirectory(atPath: dir.path).sorted()
    let result = try runSharelens(arguments, stdin: stdin)
    #expect(result.status == `case`.status, "\(`case`.id): \(result.stderr)")
    #expect(result.stderr.contains(`case`.message), "\(`case`.id): \(result.stderr)")
    if let location = `case`.location {
      let place = (`case`.bytes == nil ? "" : `case`.name + ":") + location + ": "
      #expect(result.stderr.contains(place), "\(`case`.id): no \(place) in \(result.stderr)")
    }
    if let hint = `case`.hint {
      let hintLine = result.stderr.split(separator: "\n").first { $0.hasPrefix("  hint: ") }
      #expect(hintLine?.contains(hint) == true, "\(`case`.id): no hint with \(hint) in \(result.stderr)")
    }
    #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace"))
    #expect(result.stdout.isEmpty)
    // Nothing was written: not the --out target (a directory stays a directory), no temporary
    // file, nothing anywhere in the directory.
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
    let wasDirectory = target == dir.path || target == dir.path + "/outdir"
    #expect(!exists || (wasDirectory && isDirectory.boolValue), "\(`case`.id): \(target) was written")
    #expect(try FileManager.default.subpathsOfDirectory(atPath: dir.path).sorted() == before, "\(`case`.id)")
  }

  @Test(arguments: oddButValid + jsonFeedGoodInputs + unitsGoodInputs + vendorGoodInputs + tardisGoodInputs)
  func oddButValidInputWorks(_ case: GoodInput) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file(`case`.name, bytes: `case`.bytes)
    let out = dir.path + "/out.csv"
    let arguments = (`case`.arguments ?? ["shares", "IN", "--format", "csv"]).map { $0 == "IN" ? input : $0 }
    let result = try runSharelens(arguments + ["--out", out], stdin: `case`.stdin)
    #expect(result.status == 0, "\(`case`.id): \(result.stderr)")
    let text = try String(contentsOfFile: out, encoding: .utf8)
    let lines = text.split(separator: "\n")
    let found =
      `case`.arguments == nil ? lines.contains { $0 == `case`.expect } : lines.contains { $0.hasPrefix(`case`.expect) }
    #expect(found, "\(`case`.id): \(text)")
    if let warning = `case`.stderr { #expect(result.stderr.contains(warning), "\(`case`.id): \(result.stderr)") }
  }

  @Test func everyDocumentedRowHasATestAndEveryTestARow() throws {
    let doc = try String(contentsOfFile: Paths.root + "/docs/errors.md", encoding: .utf8)
    let documented = Set(
      doc.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("| E") || line.hasPrefix("| V") else { return nil }
        return String(line.dropFirst(2).prefix(3))
      })
    let tested = Set(
      (catalogue + jsonFeedCatalogue + unitsCatalogue + vendorCatalogue + tardisCatalogue).map(\.id)
        + (oddButValid + jsonFeedGoodInputs + unitsGoodInputs + vendorGoodInputs + tardisGoodInputs).map(\.id))
    #expect(documented == tested)
  }
}
