// docs/errors.md rows E91–E94, V32–V33: Tardis and Kaiko files, run through the real binary by
// ErrorCatalogueTests like every other row.

import TestSupport

private let tardisHeader = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n"
private let tardisRow = "bitmex,XBTUSD,1709251200000000,1709251200000100,,buy,50000,1000\n"
private let kaikoHeader = "id,exchange,symbol,date,price,amount,sell\n"

let tardisCatalogue: [BadInput] = [
  BadInput(
    "E91", tardisHeader + tardisRow + "bitmex,XBTUSD,1709251200000,1709251200000100,,buy,50000,1000\n",
    "not a Tardis time: \"1709251200000\"", name: "bitmex_trades_2024-03-01_XBTUSD.csv"
  ).at("3:3"),
  BadInput(
    "E91", tardisHeader + tardisRow + "bitmex,XBTUSD,1709251200000000,1709251200000100,,buy,5e,1000\n",
    "not a number: \"5e\"", name: "bitmex_trades_2024-03-01_XBTUSD.csv"
  ).at("3:7"),
  BadInput(
    "E91", kaikoHeader + "1,cbse,btc_usd,1709251200000,50000,0.5\n", "7 fields, as in Kaiko trades",
    name: "Coinbase_btc_usd_trades_2024_03_01.csv"
  ).at("2"),
  BadInput(
    "E91", "1709251200000,3390,3400,3380,3395,12.5\n1709254800000,3395,3401,3390,3398\n",
    "6 fields, as in Kaiko OHLCV", name: "Bitstamp_eth_usd_ohlcv_1h_2024_03_01.csv"
  ).at("2"),
  BadInput(
    "E92", tardisHeader + "okex-swap,BTC-USDT-SWAP,1709251200000000,1709251200000100,1,buy,50000,20\n",
    "the unit of the amounts of okex-swap BTC-USDT-SWAP is not known", name: "okex-swap_trades_2024-03-01_BTC.csv"
  ).at("2:2", hint: "--markets"),
  BadInput(
    "E92", kaikoHeader + "1,bmex,btcusd_perp,1709251200000,50000,1000,true\n",
    "the unit of the amounts of bmex btcusd_perp is not known", name: "BitMEX_btcusd_perp_trades_2024_03_01.csv"
  ).at("2:3", hint: "--markets"),
  BadInput(
    "E93", "", "every input is an empty Tardis file (1 day without data)",
    name: "binance-futures_trades_2024-03-02_BTCUSDT.csv.gz"),
  BadInput(
    "E94", "1709251200000,3390,3400,3380,3395,12.5\n", "no quote volume", args: ["IN", "--unit", "quote"],
    status: 64, name: "Bitstamp_eth_usd_ohlcv_1h_2024_03_01.csv"),
]

let tardisGoodInputs: [GoodInput] = [
  GoodInput(
    id: "V32", bytes: [], expect: "2024-03-01,2024-03-01,bitmex XBTUSD,81.40425587908841,",
    arguments: ["shares", Paths.fixture("ShareDataTests", "tardis/data/tardis"), "--format", "csv"],
    stderr: "no trades: an empty Tardis file, a day without data; passed over"),
  GoodInput(
    id: "V33",
    bytes: Array(
      (tardisHeader + tardisRow + "deribit,BTC-PERPETUAL,1709251200000000,1709251200000100,7,sell,50000,500\n").utf8),
    name: "deribit_trades_2024-03-01_PERPETUALS.csv",
    expect: "2024-03-01,2024-03-01,bitmex XBTUSD,0.02,0.6666666666666667,0.03,1,false,1,0,align"),
]
