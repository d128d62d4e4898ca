// The command-line entry point. Subcommands live in Commands/, one per file; they parse options,
// call the libraries, and print. No analysis happens here.

import ArgumentParser

@main
struct Sharelens: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sharelens",
    abstract: "Who has what share of a market's trading volume, and how it changed.",
    discussion: """
      sharelens reads trade-volume series by exchange, currency pair or any other category and \
      computes each category's share of the volume in every day, week, month, quarter or year.

      It reads the files you have: bitcoinity-style wide exports (Time,<exchange>,…), long tables \
      (time, category, value), bitcoincharts trade dumps (unixtime,price,amount) and daily OHLCV \
      bars, plain or .csv.gz. The layout is detected; an empty cell is missing data, never zero. \
      A database table works wherever a file does (clickhouse://host:8123/db?table=T, \
      postgres://user@host/db?table=T): the engine does the aggregation, sharelens the statistics.

      Then: compare periods with tests (compare), measure concentration (concentration), date the \
      breaks (breaks), fit a trend (trend), or write the whole analysis as a report (report).

      Start with `sharelens inspect FILE` to see what was detected, then `sharelens shares FILE`.

      EXAMPLES
        sharelens inspect daily-by-exchange.csv
        sharelens shares daily.csv --map exchange-currency.csv --every year
        sharelens shares trades/*.csv --group quote --every month --format csv

      PASSWORDS
        Give database passwords in CLICKHOUSE_PASSWORD or PGPASSWORD (or ~/.pgpass), not in \
      the URL: a command line is visible to every user of the machine (ps, /proc). sharelens \
      never prints a password: URLs in messages lose theirs, and server messages that echo one \
      have it cut out. A ClickHouse answer larger than 64 MiB is refused \
      (SHARELENS_MAX_ANSWER_MIB, 1 to 4096, changes the limit).

      EXIT STATUS
        0 success; 64 bad options; 65 bad data; 66 input missing or unreadable;
        69 database unreachable; 73 output cannot be created; 74 I/O error;
        75 database timeout; 77 database login refused.
      """,
    version: "0.1.0",
    subcommands: [
      Inspect.self, SharesCommand.self, CompareCommand.self, ConcentrationCommand.self, BreaksCommand.self,
      TrendCommand.self, EffectCommand.self, ReportCommand.self, VolumesCommand.self,
    ]
  )
}
