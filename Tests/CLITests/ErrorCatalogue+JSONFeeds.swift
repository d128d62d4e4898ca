// docs/errors.md rows E85–E89, V29–V30: the JSON feeds (CCXT, CryptoCompare, CoinGecko), run
// through the real binary by ErrorCatalogueTests like every other row.

/// A CCXT trade object at `ms` of `amount`.
private func ccxtTrade(_ ms: Int64, _ amount: String, symbol: String = "BTC/USDT") -> String {
  "{\"timestamp\": \(ms), \"symbol\": \"\(symbol)\", \"price\": 430, \"amount\": \(amount), \"cost\": null}"
}

let jsonFeedCatalogue: [BadInput] = [
  BadInput(
    "E85", "[[1451606400000, \"1\"],\n [x]]", "not valid JSON: a value was expected, found \"x\"", name: "in.json"
  )
  .at("2:3"),
  BadInput("E85", "[]", "the JSON list is empty", name: "in.json"),
  BadInput("E85", "[[1, 2, 3]]", "JSON of a shape sharelens does not read (a list of 3 first)", name: "in.json"),
  BadInput(
    "E85", String(repeating: "[", count: 80) + String(repeating: "]", count: 80),
    "not valid JSON: nested deeper than 64 levels", name: "in.json"
  )
  .at("1:65"),
  BadInput(
    "E85", "[[1451649600000, \"1\"]]", "no point falls within an hour after a midnight UTC",
    name: "coingecko.json"),
  BadInput(
    "E86", "{\"Response\": \"Success\", \"Data\": {\"Data\": [{\"time\": 1451606400, \"volumefrom\": \"abc\"}]}}",
    "$.Data.Data[0].volumefrom is the string \"abc\", not a number; expected volumefrom, a number of 0 or more",
    name: "in.json"),
  BadInput("E86", "[\(ccxtTrade(1_451_606_400_000, "-2"))]", "$[0].amount is negative: -2", name: "in.json"),
  BadInput("E86", "[[1451606400000, 1, 2, 3, 4, true]]", "$[0][5] is true, not a number", name: "in.json"),
  BadInput(
    "E87", "{\"Response\": \"Error\", \"Message\": \"fsym param is empty or null.\", \"Data\": {}}",
    "the file is a CryptoCompare \"Error\" answer: \"fsym param is empty or null.\"", name: "in.json"),
  BadInput(
    "E88", "[\(ccxtTrade(1_451_606_400_000, "1")), \(ccxtTrade(1_451_606_500_000, "1", symbol: "ETH/USDT"))]",
    "$[1] is a trade of the string \"ETH/USDT\", the first trade of the string \"BTC/USDT\"", name: "in.json"),
  BadInput(
    "E89", "[[1451606400000, 430, 431, 429, 430, 2]]", "no quote volume", args: ["IN", "--unit", "quote"],
    status: 64, name: "BTC_USD-1d.json"),
  BadInput(
    "E89", "[[1451606400000, \"2\"]]", "no quote volume", args: ["IN", "--unit", "quote"], status: 64,
    name: "coingecko.json"),
]

let jsonFeedGoodInputs: [GoodInput] = [
  GoodInput(
    id: "V29",
    bytes: Array("[\(ccxtTrade(1_451_606_400_000, "2")), \(ccxtTrade(1_451_606_500_000, "1.5"))]".utf8),
    name: "BTC_USDT-trades.json", expect: "2016-01-01,2016-01-01,BTC_USDT-trades,3.5,1,3.5,1,false,1,0,align"),
  GoodInput(
    id: "V29",
    bytes: Array(
      ("{\"Response\": \"Success\", \"Data\": {\"Data\": [{\"time\": 1451606400, \"open\": 0, \"high\": 0, "
        + "\"low\": 0, \"close\": 0, \"volumefrom\": 0, \"volumeto\": 0}, {\"time\": 1451692800, \"open\": 430, "
        + "\"high\": 431, \"low\": 429, \"close\": 430, \"volumefrom\": 4, \"volumeto\": 1720}]}}").utf8),
    name: "histoday.json", expect: "2016-01-02,2016-01-02,histoday,1720,1,1720,1,false",
    arguments: ["shares", "IN", "--unit", "quote", "--format", "csv"], stderr: "1 bar with every value 0"),
  GoodInput(
    id: "V30", bytes: Array("[[1451606400000, \"5\"], [1451610000000, \"6\"], [1451692800000, \"7\"]]".utf8),
    name: "coingecko.json", expect: "2016-01-01,2016-01-01,coingecko,7,1,7,1,false,1,0,align"),
]
