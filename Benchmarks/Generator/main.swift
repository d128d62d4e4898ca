// Seeded generator of synthetic trade data for the benchmark harness (Benchmarks/bench.sh):
//
//   sharelens-gen log ROWS [SEED]        timestamp,exchange,base,quote,price,amount (one trade a row)
//   sharelens-gen dump ROWS MARKET [SEED] bitcoincharts style: unixtime,price,amount for one market
//   sharelens-gen hourly HOURS MARKETS [SEED] long table time,market,volume: one row per hour and
//                                         market from 2016-01-01, ISO 8601 times with Z
//   sharelens-gen wide HOURS MARKETS [SEED]   the same hours as a wide export: time and one column
//                                         per market, every 20th value (by the generator) empty
//
// Written to standard output. The same arguments give the same bytes on every machine: the
// generator is SplitMix64, and prices and amounts are printed from integers, not Doubles.

#if canImport(Glibc)
  import Glibc
#endif

struct SplitMix64 {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: UInt64) -> UInt64 { next() % n }
}

/// Buffered standard output.
struct Output {
  var buffer: [UInt8] = []
  init() { buffer.reserveCapacity(1 << 20) }
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { buffer.append(contentsOf: $0) }
  }
  mutating func append(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }
  mutating func append(_ value: UInt64) {
    var digits: [UInt8] = []
    var v = value
    repeat {
      digits.append(UInt8(ascii: "0") + UInt8(v % 10))
      v /= 10
    } while v > 0
    buffer.append(contentsOf: digits.reversed())
  }
  /// A fixed-point number: `value` / 10^decimals, with exactly `decimals` digits after the point.
  mutating func append(fixed value: UInt64, decimals: Int) {
    var scale: UInt64 = 1
    for _ in 0..<decimals { scale *= 10 }
    append(value / scale)
    buffer.append(UInt8(ascii: "."))
    var fraction = String(value % scale)
    while fraction.count < decimals { fraction = "0" + fraction }
    buffer.append(contentsOf: Array(fraction.utf8))
  }
  mutating func byte(_ b: UInt8) { buffer.append(b) }
  mutating func flushIfFull() { if buffer.count > 1 << 20 { flush() } }
  mutating func flush() {
    buffer.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = write(1, raw.baseAddress! + offset, raw.count - offset)
        if n <= 0 { exit(1) }
        offset += n
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }
}

/// `YYYY-MM-DDTHH:00:00Z` of a unix time on the hour (civil-from-days, Howard Hinnant's algorithm).
func isoHour(_ t: UInt64) -> String {
  let days = Int64(t / 86_400)
  let hour = Int(t % 86_400 / 3600)
  let z = days + 719_468
  let era = z / 146_097
  let doe = z - era * 146_097
  let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
  let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
  let mp = (5 * doy + 2) / 153
  let day = doy - (153 * mp + 2) / 5 + 1
  let month = mp < 10 ? mp + 3 : mp - 9
  let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
  return "\(year)-\(two(month))-\(two(day))T\(two(Int64(hour))):00:00Z"
}

let arguments = CommandLine.arguments
func usage() -> Never {
  let text =
    "usage: sharelens-gen log ROWS [SEED] | dump ROWS MARKET [SEED] | hourly HOURS MARKETS [SEED]"
    + " | wide HOURS MARKETS [SEED]\n"
  _ = text.withCString { write(2, $0, strlen($0)) }
  exit(64)
}
guard arguments.count >= 3, let rows = UInt64(arguments[2]) else { usage() }
let start: UInt64 = 1_451_606_400  // 2016-01-01
let span: UInt64 = 6 * 365 * 86_400
var out = Output()

switch arguments[1] {
case "log":
  var rng = SplitMix64(state: arguments.count > 3 ? UInt64(arguments[3]) ?? 1 : 1)
  let exchanges: [[UInt8]] = [
    "bitstamp", "kraken", "coinbase", "bitfinex", "okcoin", "huobi", "btcchina", "bitflyer", "bithumb", "gemini",
  ].map { Array($0.utf8) }
  // Each exchange's quote currency; okcoin and huobi trade CNY until 2017-10, then USD.
  let quotes: [[UInt8]] = ["USD", "EUR", "USD", "USD", "CNY", "CNY", "CNY", "JPY", "KRW", "USD"].map { Array($0.utf8) }
  let usd = Array("USD".utf8)
  let btc = Array("BTC".utf8)
  let eth = Array("ETH".utf8)
  let closure: UInt64 = 1_509_494_400  // 2017-11-01
  var price: UInt64 = 43_000  // cents
  out.append("timestamp,exchange,base,quote,price,amount\n")
  for i in 0..<rows {
    let t = start + i * span / max(rows, 1)
    // Chinese venues dominate early, then fade: pick an exchange with time-dependent weights.
    let early = t < closure
    var e = Int(rng.below(early ? 16 : 10))
    if e >= 10 { e = 4 + Int(rng.below(3)) }  // the extra draws go to the CNY venues
    if !early && (e == 6) { e = 0 }  // btcchina closed
    let quote = !early && (e == 4 || e == 5) ? usd : quotes[e]
    price = max(10_000, price + rng.below(201) - 100)
    let amount = 1 + rng.below(500_000_000)  // up to 5 BTC in satoshi
    out.append(t)
    out.byte(UInt8(ascii: ","))
    out.append(exchanges[e])
    out.byte(UInt8(ascii: ","))
    out.append(rng.below(20) == 0 ? eth : btc)
    out.byte(UInt8(ascii: ","))
    out.append(quote)
    out.byte(UInt8(ascii: ","))
    out.append(fixed: price, decimals: 2)
    out.byte(UInt8(ascii: ","))
    out.append(fixed: amount, decimals: 8)
    out.byte(0x0A)
    out.flushIfFull()
  }
case "dump":
  guard arguments.count >= 4 else { usage() }
  var rng = SplitMix64(state: arguments.count > 4 ? UInt64(arguments[4]) ?? 1 : 1)
  var price: UInt64 = 43_000
  for i in 0..<rows {
    let t = start + i * span / max(rows, 1)
    price = max(10_000, price + rng.below(201) - 100)
    out.append(t)
    out.byte(UInt8(ascii: ","))
    out.append(fixed: price, decimals: 2)
    out.byte(UInt8(ascii: ","))
    out.append(fixed: 1 + rng.below(500_000_000), decimals: 8)
    out.byte(0x0A)
    out.flushIfFull()
  }
case "hourly":
  guard arguments.count >= 4, let markets = UInt64(arguments[3]) else { usage() }
  var rng = SplitMix64(state: arguments.count > 4 ? UInt64(arguments[4]) ?? 1 : 1)
  let names = (0..<markets).map { Array("market\($0 < 10 ? "00" : $0 < 100 ? "0" : "")\($0)".utf8) }
  out.append("time,market,volume\n")
  for hour in 0..<rows {
    let stamp = Array(isoHour(start + hour * 3600).utf8)
    for m in 0..<Int(markets) {
      out.append(stamp)
      out.byte(UInt8(ascii: ","))
      out.append(names[m])
      out.byte(UInt8(ascii: ","))
      // Market m's scale falls with m, so shares differ; four decimals, printed from an integer.
      out.append(fixed: rng.below(1_000_000_000 / UInt64(m + 1)), decimals: 4)
      out.byte(0x0A)
    }
    out.flushIfFull()
  }
case "wide":
  // The same hours and scales as `hourly`, one column per market (a wide export); every 20th
  // value (by the generator, not by position) is left empty, as exports leave gaps.
  guard arguments.count >= 4, let markets = UInt64(arguments[3]) else { usage() }
  var rng = SplitMix64(state: arguments.count > 4 ? UInt64(arguments[4]) ?? 1 : 1)
  out.append("time")
  for m in 0..<markets { out.append(Array(",market\(m < 10 ? "00" : m < 100 ? "0" : "")\(m)".utf8)) }
  out.byte(0x0A)
  for hour in 0..<rows {
    out.append(Array(isoHour(start + hour * 3600).utf8))
    for m in 0..<markets {
      out.byte(UInt8(ascii: ","))
      let value = rng.below(1_000_000_000 / (m + 1))
      if rng.below(20) != 0 { out.append(fixed: value, decimals: 4) }
    }
    out.byte(0x0A)
    out.flushIfFull()
  }
default:
  usage()
}
out.flush()
