#!/usr/bin/env bash
# Throwaway database servers on loopback for the engine tests and benchmark: two ClickHouse nodes
# (127.0.0.1 and 127.0.0.2, each with its own ports) with a Distributed table over both shards, and
# a PostgreSQL cluster. Every process started is recorded by PID and stopped by PID.
#
#   scripts/engines.sh start DIR      install what is missing, start the servers, write DIR/env
#   scripts/engines.sh load DIR FILE  load a trade log (timestamp,exchange,base,quote,price,amount)
#   scripts/engines.sh stop DIR       stop every server started in DIR
set -euo pipefail
cmd=${1:?start, load or stop}
dir=${2:?a working directory}
cd "$(dirname "$0")/.."
root=$PWD
pgbin=/usr/lib/postgresql/15/bin
ch_http=(18123 18124)
ch_tcp=(19001 19002)
ch_inter=(19011 19012)
ch_host=(127.0.0.1 127.0.0.2)
pg_port=55432

ch() { # node query [extra curl args…]
  local node=$1 query=$2
  shift 2
  curl -sS --fail-with-body "http://${ch_host[$node]}:${ch_http[$node]}/?query=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")" "$@"
}

# Streams a CSV (with a header) into a table through the native client: files of any size, and
# through a Distributed table synchronously, so the rows are on their shards when it returns.
ch_insert() { # node table file
  clickhouse-client --host "${ch_host[$1]}" --port "${ch_tcp[$1]}" --insert_distributed_sync=1 \
    --query "INSERT INTO $2 FORMAT CSVWithNames" <"$3"
}

start() {
  scripts/setup.sh clickhouse-server clickhouse-client postgresql libpq-dev curl >/dev/null
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  chmod 755 "$dir"  # the postgres user must reach its data folder inside it
  cat >"$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.0/8</ip></networks><profile>default</profile><quota>default</quota></default>
    <analyst><password>ch-secret</password><networks><ip>127.0.0.0/8</ip></networks><profile>default</profile><quota>default</quota></analyst>
  </users>
  <quotas><default></default></quotas>
</yandex>
XML
  for n in 0 1; do
    local d="$dir/ch$n"
    mkdir -p "$d/data" "$d/tmp" "$d/user_files" "$d/format_schemas" "$d/log"
    cat >"$d/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$d/log/server.log</log><errorlog>$d/log/error.log</errorlog><console>0</console></logger>
  <listen_host>${ch_host[$n]}</listen_host>
  <http_port>${ch_http[$n]}</http_port>
  <tcp_port>${ch_tcp[$n]}</tcp_port>
  <interserver_http_port>${ch_inter[$n]}</interserver_http_port>
  <interserver_http_host>${ch_host[$n]}</interserver_http_host>
  <path>$d/data/</path>
  <tmp_path>$d/tmp/</tmp_path>
  <user_files_path>$d/user_files/</user_files_path>
  <format_schema_path>$d/format_schemas/</format_schema_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <remote_servers>
    <sharelens_two_shards>
      <shard><replica><host>${ch_host[0]}</host><port>${ch_tcp[0]}</port></replica></shard>
      <shard><replica><host>${ch_host[1]}</host><port>${ch_tcp[1]}</port></replica></shard>
    </sharelens_two_shards>
  </remote_servers>
</yandex>
XML
    clickhouse-server --config-file="$d/config.xml" >"$d/log/stdout.log" 2>&1 &
    echo $! >"$d/pid"
  done
  # PostgreSQL: initdb and pg_ctl refuse root, so they run as postgres in a postgres-owned folder.
  mkdir -p "$dir/pg"
  chown postgres "$dir/pg"
  runuser -u postgres -- "$pgbin/initdb" -D "$dir/pg/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/log" -w \
    -o "-p $pg_port -k $dir/pg -c listen_addresses=127.0.0.1" start >/dev/null
  head -n 1 "$dir/pg/data/postmaster.pid" >"$dir/pg/pid"
  runuser -u postgres -- psql -q -h "$dir/pg" -p $pg_port -U postgres -c "CREATE ROLE sharelens LOGIN PASSWORD 'pg-secret'" \
    -c "CREATE DATABASE shares OWNER sharelens" >/dev/null
  for n in 0 1; do
    for _ in $(seq 100); do
      curl -s "http://${ch_host[$n]}:${ch_http[$n]}/" --data-binary 'SELECT 1' >/dev/null 2>&1 && break
      sleep 0.1
    done
    curl -sf "http://${ch_host[$n]}:${ch_http[$n]}/" --data-binary 'SELECT 1' >/dev/null || {
      echo "engines: ClickHouse node $n did not start; its log:" >&2
      tail -n 20 "$dir/ch$n/log/error.log" "$dir/ch$n/log/stdout.log" >&2 || true
      return 1
    }
  done
  cat >"$dir/env" <<ENV
CLICKHOUSE_1=clickhouse://${ch_host[0]}:${ch_http[0]}/default
CLICKHOUSE_2=clickhouse://${ch_host[1]}:${ch_http[1]}/default
CLICKHOUSE_AUTH=clickhouse://analyst@${ch_host[0]}:${ch_http[0]}/default
POSTGRES=postgres://sharelens@127.0.0.1:$pg_port/shares
PGPASSWORD=pg-secret
ENV
  echo "engines: ClickHouse on ${ch_host[0]}:${ch_http[0]} and ${ch_host[1]}:${ch_http[1]}, PostgreSQL on 127.0.0.1:$pg_port"
}

load() { # FILE TABLE-PREFIX [dist-only]
  local file=${1:?a trade log} name=${2:-trades} only=${3:-}
  dir=$(cd "$dir" && pwd)
  for n in 0 1; do
    ch "$n" "CREATE TABLE IF NOT EXISTS ${name}_local (timestamp UInt32, exchange String, base String, quote String, price Float64, amount Float64) ENGINE = MergeTree() ORDER BY timestamp" -d ''
    ch "$n" "CREATE TABLE IF NOT EXISTS ${name}_dist AS ${name}_local ENGINE = Distributed(sharelens_two_shards, default, ${name}_local, rand())" -d ''
  done
  ch_insert 0 "${name}_dist" "$file"
  [ "$only" = dist-only ] && return 0
  # The same rows in one local table, for single-node queries.
  ch 0 "CREATE TABLE IF NOT EXISTS ${name} AS ${name}_local" -d ''
  ch_insert 0 "${name}" "$file"
  PGPASSWORD=pg-secret psql -q -h 127.0.0.1 -p $pg_port -U sharelens shares \
    -c "CREATE TABLE IF NOT EXISTS ${name} (timestamp bigint, exchange text, base text, quote text, price double precision, amount double precision)" \
    -c "\\copy ${name} FROM '$file' WITH (FORMAT csv, HEADER true)" >/dev/null
}

# A bitcoinity wide export (Time,<exchange>,…) as long rows timestamp,exchange,volume (empty cells
# are no row), loaded as the table `daily` (and daily_dist over both ClickHouse shards).
load_daily() { # FILE
  local file=${1:?a wide export}
  dir=$(cd "$dir" && pwd)
  python3 - "$file" "$dir/daily-long.csv" <<'PY'
import calendar, csv, sys, time
with open(sys.argv[1], newline="") as f, open(sys.argv[2], "w", newline="") as out:
    rows = csv.reader(f)
    header = next(rows)
    out.write("timestamp,exchange,volume\n")
    for row in rows:
        t = calendar.timegm(time.strptime(row[0][:10], "%Y-%m-%d"))
        for name, cell in zip(header[1:], row[1:]):
            if cell.strip():
                out.write(f"{t},{name},{cell}\n")
PY
  for n in 0 1; do
    ch "$n" "CREATE TABLE IF NOT EXISTS daily_local (timestamp UInt32, exchange String, volume Float64) ENGINE = MergeTree() ORDER BY timestamp" -d ''
    ch "$n" "CREATE TABLE IF NOT EXISTS daily_dist AS daily_local ENGINE = Distributed(sharelens_two_shards, default, daily_local, rand())" -d ''
  done
  ch_insert 0 daily_dist "$dir/daily-long.csv"
  ch 0 "CREATE TABLE IF NOT EXISTS daily AS daily_local" -d ''
  ch_insert 0 daily "$dir/daily-long.csv"
  PGPASSWORD=pg-secret psql -q -h 127.0.0.1 -p $pg_port -U sharelens shares \
    -c "CREATE TABLE IF NOT EXISTS daily (timestamp bigint, exchange text, volume double precision)" \
    -c "\\copy daily FROM '$dir/daily-long.csv' WITH (FORMAT csv, HEADER true)" >/dev/null
}

stop() {
  dir=$(cd "$dir" 2>/dev/null && pwd) || return 0
  if [ -f "$dir/pg/pid" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null 2>&1 || kill "$(cat "$dir/pg/pid")" 2>/dev/null || true
    rm -f "$dir/pg/pid"
  fi
  for n in 0 1; do
    local pidfile="$dir/ch$n/pid"
    [ -f "$pidfile" ] || continue
    local pid
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

case $cmd in
  start) start ;;
  load) load "${3:?a trade log}" "${4:-trades}" "${5:-}" ;;
  load-daily) load_daily "${3:?a wide export}" ;;
  stop) stop ;;
  *) echo "usage: scripts/engines.sh start|load|stop DIR" >&2; exit 64 ;;
esac
