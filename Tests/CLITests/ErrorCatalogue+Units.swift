// docs/errors.md rows E52–E58, V36–V37: volumes counted in a currency (--unit USD --rates FILE,
// --peg) and groupings that would add different units, run through the real binary by
// ErrorCatalogueTests like every other row. The markets and rates are the units fixture
// (scripts/fixtures/units_fixtures.py); a case's own file (IN) is the rates file or the data.

import TestSupport

private func units(_ relative: String) -> String { Paths.fixture("ShareDataTests", "units/" + relative) }

/// `-` (standard input, a wide table) read in USD with the case's file as the rates.
private let ratesIN = ["-", "--unit", "USD", "--rates", "IN"]

let unitsCatalogue: [BadInput] = [
  BadInput("E52", "day,EUR\n2024-01-20,1.1\n", "is neither long nor wide", args: ratesIN, name: "rates.csv")
    .at("1"),
  BadInput("E52", "date,EUR,rate!\n", "column \"rate!\" is not a currency code", args: ratesIN, name: "rates.csv")
    .at("1:3"),
  BadInput("E52", "date,currency,rate\n", "the rates file has a header but no rates", args: ratesIN, name: "rates.csv"),
  BadInput("E53", "date,currency,rate\n2024-01-20,EUR,abc\n", "not a rate: \"abc\"", args: ratesIN, name: "rates.csv")
    .at("2:3"),
  BadInput("E53", "date,currency,rate\nsoon,EUR,1\n", "not a date: \"soon\"", args: ratesIN, name: "rates.csv")
    .at("2:1"),
  BadInput("E53", "date,EUR\n2024-01-20\n", "this row has 1 field, the header has 2", args: ratesIN, name: "rates.csv")
    .at("2"),
  BadInput(
    "E54", "date,currency,rate\n2024-01-20,EUR,1.1\n2024-01-20,eur,1.2\n",
    "the rate of EUR on 2024-01-20 is in the rates file twice", args: ratesIN, name: "rates.csv"
  ).at("3:3"),
  BadInput(
    "E55", "date,currency,rate\n2024-01-20,EUR,1.1\n", "the rates file has no EUR rate for 2024-01-21, a day",
    args: [units("data/krakenEUR.csv"), "--unit", "USD", "--rates", "IN"], name: "rates.csv"),
  BadInput(
    "E55", "date,currency,rate\n2024-01-20,EUR,1.1\n", "the rates file has no USDT rate",
    args: [units("data/Kraken_Trading_History/ETHUSDT.csv"), "--unit", "USD", "--rates", "IN"], name: "rates.csv"
  ).at(nil, hint: "--peg USDT"),
  BadInput(
    "E56", "1705725451,100,1\n", "the quote currency of", args: ["IN", "--unit", "USD", "--rates", units("rates.csv")],
    status: 64
  ).at(nil, hint: "--markets"),
  BadInput(
    "E56", nil, "<stdin> is a wide table: its categories are not markets",
    args: ["-", "--unit", "USD", "--rates", units("rates.csv")], status: 64),
  BadInput(
    "E57", nil, "--group exchange adds volumes of different base assets into \"kraken\"",
    args: [units("data"), "--group", "exchange"], status: 64
  ).at(nil, hint: "--unit quote"),
  BadInput(
    "E57", nil, "--group base adds quote volumes in different currencies into \"BTC\"",
    args: [units("data"), "--group", "base", "--unit", "quote"], status: 64
  ).at(nil, hint: "--unit USD"),
  BadInput("E58", nil, "--unit USD needs daily rates into USD", args: ["-", "--unit", "USD"], status: 64),
  BadInput(
    "E58", nil, "--rates and --peg apply to a currency unit", args: ["-", "--rates", units("rates.csv")], status: 64),
  BadInput(
    "E58", nil, "--peg EUR names no US dollar stablecoin",
    args: ["-", "--unit", "USD", "--rates", units("rates.csv"), "--peg", "EUR"], status: 64),
  BadInput("E58", nil, "The value 'U$D' is invalid for '--unit", args: ["-", "--unit", "U$D"], status: 64),
]

let unitsGoodInputs: [GoodInput] = [
  // Four markets in USD, EUR and USDT, wide rates, USDT pegged: February's kraken share (pandas:
  // Tests/ShareDataTests/Fixtures/units/monthly_shares.csv).
  GoodInput(
    id: "V36", bytes: [], expect: "2024-02-01,2024-02-29,kraken,8047618.45867199",
    arguments: [
      "shares", units("data"), "--group", "exchange", "--unit", "usd", "--rates", units("rates-wide.csv"), "--peg",
      "USDT", "--every", "month", "--format", "csv",
    ]),
  // A quote equal to the target needs no rate (the rates file has none for USD).
  GoodInput(
    id: "V36", bytes: [], expect: "2024-01-20,2024-01-20,bitstampUSD,226152.872354,1",
    arguments: [
      "shares", units("data/bitstampUSD.csv"), "--unit", "USD", "--rates", units("rates.csv"), "--format", "csv",
    ]),
  // Each base its own category: read in base units.
  GoodInput(
    id: "V37", bytes: [], expect: "2024-01-20,2024-01-20,BCH,69.6395,",
    arguments: ["shares", units("data"), "--group", "base", "--format", "csv"]),
  // A long table's categories are not markets: its bases are unknown, not known to differ.
  GoodInput(
    id: "V37", bytes: Array("date,exchange,volume\n2016-01-01,kraken,1\n2016-01-01,bitstamp,3\n".utf8),
    expect: "2016-01-01,2016-01-01,bitstamp,3,0.75,4,1,false",
    arguments: ["shares", "IN", units("data/bitstampUSD.csv"), "--group", "exchange", "--format", "csv"]),
]
