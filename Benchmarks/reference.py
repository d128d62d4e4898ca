#!/usr/bin/env python3
"""The benchmark's competitors: the same aggregation as
`sharelens shares FILE --group quote --every month --format csv`, i.e. the monthly sum of `amount`
by `quote` of a trade log `timestamp,exchange,base,quote,price,amount` (UTC calendar months),
written as `month,quote,volume` sorted by month then quote.

Usage: reference.py polars|duckdb|pandas FILE OUT.csv   (polars and DuckDB use every core)
"""
import sys

tool, path, out = sys.argv[1:4]

if tool == "polars":
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
