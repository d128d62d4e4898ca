#!/usr/bin/env python3
"""The benchmark's competitors: the same aggregation as
`sharelens shares FILE --group quote --every month --format csv`, i.e. the monthly sum of `amount`
by `quote` of a trade log `timestamp,exchange,base,quote,price,amount` (UTC calendar months),
written as `month,quote,volume` sorted by month then quote.

With a fourth argument `long`, the job is the long table's instead (`sharelens-gen hourly`):
`sharelens shares FILE --every month --format csv` on `time,market,volume` with ISO 8601 times
(`2016-01-01T00:00:00Z`), i.e. the monthly sum of `volume` by `market`, written as
`month,market,volume`. Each tool is told the time format, so none of them guesses it.

With `wide`, the table is `sharelens-gen wide`: `time` and one column per market (empty cells
left out of the sums), summed by month per column and written as the long table's output.

Usage: reference.py polars|duckdb|pandas FILE OUT.csv [long|wide]   (polars and DuckDB use every core)
"""
import sys

tool, path, out = sys.argv[1:4]
long_table = sys.argv[4:5] == ["long"]
wide_table = sys.argv[4:5] == ["wide"]

if wide_table and tool == "polars":
    import polars as pl
    df = (
        pl.scan_csv(path, schema_overrides={"time": pl.String}, infer_schema_length=0)
        .with_columns(pl.exclude("time").cast(pl.Float64))
        .group_by(pl.col("time").str.to_datetime("%Y-%m-%dT%H:%M:%SZ").dt.truncate("1mo").alias("month"))
        .agg(pl.exclude("time").sum())
        .collect()
        .unpivot(index="month", variable_name="market", value_name="volume")
        .sort(["month", "market"])
    )
    df.with_columns(pl.col("month").dt.strftime("%Y-%m-%d")).write_csv(out)
    raise SystemExit(0)
elif wide_table and tool == "duckdb":
    import duckdb
    duckdb.sql(f"""
        COPY (
          SELECT strftime(date_trunc('month', strptime(time, '%Y-%m-%dT%H:%M:%SZ')), '%Y-%m-%d') AS month,
                 market, sum(volume) AS volume
          FROM (UNPIVOT (SELECT * FROM read_csv('{path}', header = true, types = {{'time': 'VARCHAR'}}))
                ON COLUMNS(* EXCLUDE (time)) INTO NAME market VALUE volume)
          GROUP BY ALL ORDER BY month, market
        ) TO '{out}' (HEADER, DELIMITER ',')
    """)
    raise SystemExit(0)
elif wide_table and tool == "pandas":
    import pandas as pd
    df = pd.read_csv(path, dtype={"time": str})
    month = pd.to_datetime(df.pop("time"), format="%Y-%m-%dT%H:%M:%SZ").dt.to_period("M").dt.start_time.dt.strftime("%Y-%m-%d")
    result = df.groupby(month.rename("month")).sum().reset_index().melt(id_vars="month", var_name="market", value_name="volume")
    result.sort_values(["month", "market"]).to_csv(out, index=False, float_format="%.17g")
    raise SystemExit(0)

if long_table and tool == "polars":
    import polars as pl
    df = (
        pl.scan_csv(path, schema_overrides={"time": pl.String, "market": pl.String, "volume": pl.Float64})
        .group_by([pl.col("time").str.to_datetime("%Y-%m-%dT%H:%M:%SZ").dt.truncate("1mo").alias("month"), "market"])
        .agg(pl.col("volume").sum())
        .sort(["month", "market"])
        .collect()
    )
    df.with_columns(pl.col("month").dt.strftime("%Y-%m-%d")).write_csv(out)
elif long_table and tool == "duckdb":
    import duckdb
    duckdb.sql(f"""
        COPY (
          SELECT strftime(date_trunc('month', strptime(time, '%Y-%m-%dT%H:%M:%SZ')), '%Y-%m-%d') AS month,
                 market, sum(volume) AS volume
          FROM read_csv('{path}', header = true, columns = {{'time': 'VARCHAR', 'market': 'VARCHAR', 'volume': 'DOUBLE'}})
          GROUP BY ALL ORDER BY month, market
        ) TO '{out}' (HEADER, DELIMITER ',')
    """)
elif long_table and tool == "pandas":
    import pandas as pd
    df = pd.read_csv(path, dtype={"market": str, "volume": float})
    month = pd.to_datetime(df["time"], format="%Y-%m-%dT%H:%M:%SZ").dt.to_period("M").dt.start_time.dt.strftime("%Y-%m-%d")
    result = df.groupby([month.rename("month"), "market"])["volume"].sum().reset_index()
    result.sort_values(["month", "market"]).to_csv(out, index=False, float_format="%.17g")
elif tool == "polars":
    import polars as pl
    df = (
        pl.scan_csv(path)
        .group_by([pl.from_epoch("timestamp", time_unit="s").dt.truncate("1mo").alias("month"), "quote"])
        .agg(pl.col("amount").sum().alias("volume"))
        .sort(["month", "quote"])
        .collect()
    )
    df.with_columns(pl.col("month").dt.strftime("%Y-%m-%d")).write_csv(out)
elif tool == "duckdb":
    import duckdb
    duckdb.sql(f"""
        COPY (
          SELECT strftime(date_trunc('month', to_timestamp(timestamp) AT TIME ZONE 'UTC'), '%Y-%m-%d') AS month,
                 quote, sum(amount) AS volume
          FROM read_csv('{path}', header = true)
          GROUP BY ALL ORDER BY month, quote
        ) TO '{out}' (HEADER, DELIMITER ',')
    """)
elif tool == "pandas":
    import pandas as pd
    df = pd.read_csv(path, usecols=["timestamp", "quote", "amount"])
    month = pd.to_datetime(df["timestamp"], unit="s").dt.to_period("M").dt.start_time.dt.strftime("%Y-%m-%d")
    result = df.groupby([month.rename("month"), "quote"])["amount"].sum().rename("volume").reset_index()
    result.sort_values(["month", "quote"]).to_csv(out, index=False, float_format="%.17g")
else:
    raise SystemExit(f"unknown tool {tool}")
