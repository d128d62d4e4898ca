// docs/errors.md rows E95–E99, V34–V35: Kraken OHLCVT, CryptoDataDownload and Coin Metrics files,
// run through the real binary by ErrorCatalogueTests like every other row.

import TestSupport

private let cddHeader =
  "https://www.CryptoDataDownload.com\nunix,date,symbol,open,high,low,close,Volume BTC,Volume USDT,tradecount\n"

let vendorCatalogue: [BadInput] = [
  BadInput(
    "E95", nil, "are BTC/EUR bars of 60 and 1440 minutes: the same trades twice",
    args: [Paths.fixture("ShareDataTests", "vendors/bad/Kraken_OHLCVT.zip")]
  )
  .at(nil, hint: "name the members of one interval only"),
  BadInput(
    "E96", "1704067200,42000,42100,41900,42050,2.5,30\n", "hold the base volume only",
    args: ["IN", "--unit", "quote"], status: 64, name: "XBTEUR_1440.csv"),
  BadInput(
    "E97", "1704067200,42000,42100,41900,42050,2.5,30\n1704153600,42000,42100,41900,42050,2.5,x\n",
    "not a trade count: \"x\"", name: "XBTEUR_1440.csv"
  )
  .at("2:7"),
  BadInput(
    "E97", "1704067200,42000,42100,41900,42050,2.5,30\n1704153600,42000,42100,41900,42050,2.5\n",
    "7 fields, as in Kraken OHLCVT", name: "XBTEUR_1440.csv"
  )
  .at("2"),
  BadInput(
    "E98",
    cddHeader + "1513641600000,2017-12-19,BTC/USDT,1,1,1,1,4,40,9\nyesterday,2017-12-18,BTC/USDT,1,1,1,1,3,30,9\n",
    "not a unix time: \"yesterday\"", name: "Binance_BTCUSDT_d.csv"
  )
  .at("4:1"),
  BadInput(
    "E99", "time,AdrActCnt,PriceUSD\n2024-01-01,800000,42000\n", "has no volume_reported_spot_usd_1d column",
    name: "btc.csv"
  )
  .at("1"),
]

let vendorGoodInputs: [GoodInput] = [
  GoodInput(
    id: "V34", bytes: Array("1704067200,42000,42100,41900,42050,2.5,30\n".utf8), name: "XBTEUR_1440.csv",
    expect: "2024-01-01,2024-01-01,XBTEUR,2.5,1,2.5,1,false,1,0,align"),
  GoodInput(
    id: "V34", bytes: Array("time,PriceUSD,volume_reported_spot_usd_1d\n2024-01-01,42000,1.5e10\n2024-01-02,1,\n".utf8),
    name: "btc.csv", expect: "2024-01-01,2024-01-01,BTC,15000000000,1,15000000000,1,false,1,0,align",
    stderr: "the newest day (2024-01-02) has no volume_reported_spot_usd_1d yet: read as missing, not 0"),
  GoodInput(
    id: "V34", bytes: Array((cddHeader + "1513641600000,2017-12-19,BTC/USDT,1,1,1,1,4,40,9\n").utf8),
    name: "Binance_BTCUSDT_d.csv", expect: "2017-12-19,2017-12-19,Binance_BTCUSDT_d,40,1,40,1,false,1,0,align",
    arguments: ["shares", "IN", "--unit", "quote", "--format", "csv"], stderr: "its volume is likely partial"),
  GoodInput(
    id: "V35",
    bytes: Array(
      (cddHeader + "1513641600000,2017-12-19,BTC/USDT,1,1,1,1,4,40,9\n1513555200.0,2017-12-18,BTC/USDT,1,1,1,1,3,30,9\n"
        + "1513555200.0,2017-12-18,BTC/USDT,1,1,1,1,5,50,9\n").utf8),
    name: "Binance_BTCUSDT_d.csv", expect: "2017-12-18,2017-12-18,Binance_BTCUSDT_d,3,1,3,1,false,1,0,align",
    stderr: "2017-12-18 at lines 4 and 5, volumes 3 and 5"),
]
