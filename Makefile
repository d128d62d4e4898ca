# sharelens: the two commands a new user needs are `make demo` and `make test`.
SHARED ?= ../shared/datasets
SWIFT_BUILD_FLAGS ?=
BIN_DEBUG = .build/debug/sharelens
BIN = .build/release/sharelens
DATASET = datasets/btc-volume-by-currency-monthly.csv

.PHONY: demo reports bench bench-binance bench-breaks docs test lint unit-test test-sanitize test-plain test-asan test-tsan fuzz fuzz-smoke mutants \
	setup build release datasets clean static manual install uninstall check-install

setup:
	@scripts/setup.sh

build: setup
	swift build $(SWIFT_BUILD_FLAGS)

release: setup
	swift build -c release $(SWIFT_BUILD_FLAGS)

# make install PREFIX=… (default /usr/local; DESTDIR is put in front, for packagers) installs
# bin/sharelens, built with the Swift standard library linked in (--static-swift-stdlib, in its own
# scratch path) so that it runs where the toolchain is absent; the man page that argument-parser's
# generate-manual plugin writes from the help (share/man/man1/sharelens.1, every subcommand in it);
# and the bash, zsh and fish completions. It also lists what it wrote in
# share/sharelens/install-manifest, and make uninstall PREFIX=… removes exactly that
# (scripts/install.sh). make check-install proves both with the toolchain hidden
# (scripts/check-install.sh).
PREFIX ?= /usr/local
DESTDIR ?=
STATIC_SCRATCH = .build-release-static
BIN_STATIC = $(STATIC_SCRATCH)/release/sharelens
MANUAL_DIR = .build/plugins/GenerateManual/outputs/sharelens

# Only the sharelens product: TestSupport imports Testing, which has no static standard library.
# The static FoundationNetworking (the ClickHouse client's URLSession) links libcurl, hence its -dev.
static: setup
	scripts/setup.sh libcurl4-openssl-dev
	swift build -c release --static-swift-stdlib --product sharelens --scratch-path $(STATIC_SCRATCH) $(SWIFT_BUILD_FLAGS)

# The plugin builds the package (debug, as make build does) and runs generate-manual on sharelens;
# it works offline: the plugin ships in swift-argument-parser, which sharelens already depends on.
manual: setup
	swift package plugin generate-manual --configuration debug

install: static manual
	scripts/install.sh install "$(DESTDIR)$(PREFIX)" $(BIN_STATIC) $(MANUAL_DIR)

uninstall:
	scripts/install.sh uninstall "$(DESTDIR)$(PREFIX)"

# Not part of make test: from a clean tree the static build took about 8.5 minutes on 2 cores.
check-install:
	scripts/setup.sh man-db groff-base
	$(LIMIT) scripts/check-install.sh

# Installs what is missing, builds, and runs the main job on the bundled dataset: the example
# China report, printed as text, with the path of its HTML version.
demo: release
	$(BIN) inspect $(DATASET)
	scripts/make-reports.sh $(BIN)
	@cat reports/china.txt
	@echo "HTML report: $$(pwd)/reports/china.html"

# Regenerates the committed example report in reports/ from datasets/.
reports: release
	scripts/make-reports.sh $(BIN)

# The DocC documentation of the three libraries (catalogs in Sources/<Module>/<Module>.docc), one
# archive each in .build/plugins/Swift-DocC/outputs/. Works offline (the toolchain's docc, run by
# swift-docc-plugin). A warning, such as a link to a symbol that no longer exists, fails.
DOC_TARGETS = ShareData ShareStats ShareReport
docs: setup
	swift package generate-documentation $(addprefix --target ,$(DOC_TARGETS)) --warnings-as-errors
	@ls -d $(patsubst %,.build/plugins/Swift-DocC/outputs/%.doccarchive,$(DOC_TARGETS))

# Installs what is missing, then runs the whole test suite: the lint, unit and CLI tests, the same
# under AddressSanitizer and ThreadSanitizer, and a short fuzzing smoke run of every parser.
# The database servers start once (scripts/with-engines.sh) for all three runs, so the engine tests
# also run under the sanitizers; with CI=true a test that cannot reach them fails.
test: setup lint
	scripts/setup.sh $(TEST_TOOLS)
	scripts/with-engines.sh $(MAKE) --no-print-directory test-plain test-asan test-tsan
	$(MAKE) --no-print-directory fuzz-smoke

# swift format (the toolchain's, settings in .swift-format) must find nothing, and no Swift file in
# Sources/ may pass 400 lines nor a declaration 80 (scripts/check-size.py says how lines are counted
# and how a `// hot loop:` comment exempts a declaration). Every check runs and every offender is
# printed; any finding fails. The size check's own tests run first.
FORMAT_PATHS = Sources Tests Package.swift Fuzz Benchmarks
lint:
	@status=0; \
	python3 -B -m unittest discover -s scripts -p 'test_check_size.py' || status=1; \
	swift format lint --strict -r --configuration .swift-format $(FORMAT_PATHS) || status=1; \
	scripts/check-size.py Sources || status=1; \
	exit $$status

# Test tools: xmllint and rsvg-convert check every SVG, headless Chromium renders the HTML report.
TEST_TOOLS = libxml2-utils librsvg2-bin chromium strace

# A test run that hangs fails after TEST_TIME_LIMIT seconds instead of running into CI's limit (a
# normal run takes a minute or two); whatever it started is stopped then, and when it ends, so
# nothing is left holding the output open (scripts/time-limit.py says why `timeout` is not enough).
TEST_TIME_LIMIT ?= 1800
LIMIT = scripts/time-limit.py $(TEST_TIME_LIMIT)

# The engine tests need ClickHouse (two shards) and PostgreSQL: scripts/with-engines.sh starts them
# on loopback, loads the test data, runs the suite, and stops them.
unit-test: setup
	scripts/setup.sh $(TEST_TOOLS)
	scripts/with-engines.sh $(MAKE) --no-print-directory test-plain

# XCTest itself leaks, so LeakSanitizer is off; Swift Testing may print "passed" on a race, so the
# exit status decides.
test-sanitize: setup
	scripts/setup.sh $(TEST_TOOLS)
	scripts/with-engines.sh $(MAKE) --no-print-directory test-asan test-tsan

# The runs themselves, for a caller that has the servers up (SHARELENS_ENGINES set).
test-plain:
	swift build $(SWIFT_BUILD_FLAGS)
	$(LIMIT) swift test $(SWIFT_BUILD_FLAGS)

test-asan:
	swift build --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS=detect_leaks=0 $(LIMIT) swift test --sanitize=address --scratch-path .build-asan

test-tsan:
	swift build --sanitize=thread --scratch-path .build-tsan
	$(LIMIT) swift test --sanitize=thread --scratch-path .build-tsan

# Every libFuzzer target for FUZZ_SECONDS each (default 10 minutes). The targets are a package of
# their own (Fuzz/Package.swift, built into .build-fuzz/).
FUZZ_SECONDS ?= 600
fuzz: setup
	scripts/fuzz.sh $(FUZZ_SECONDS)

fuzz-smoke: setup
	scripts/fuzz.sh 30 FuzzCSV FuzzTime FuzzNumber FuzzLayout FuzzParallel FuzzCSVWriter FuzzURL FuzzJSON FuzzRates
	scripts/fuzz.sh 10 FuzzZip

# Mutation testing (not part of make test): plants each bug listed in scripts/mutants.txt in a mirror
# of the tree (.build-mutants), runs the tests named for it, prints "killed K of N" and the survivors,
# and writes docs/mutants-results.md. MUTANTS=M01,M02 runs only those.
mutants:
	scripts/mutants.py $(if $(MUTANTS),--only $(MUTANTS))

# sharelens against polars, DuckDB and pandas (BENCH_50M=1 adds the 50M-row log; see docs/performance.md).
# The data generator is a package of its own (Benchmarks/Package.swift, built into .build-bench/).
bench: setup
	Benchmarks/bench.sh
	Benchmarks/bench-binance.sh

# A generated month of Binance spot trades (5M rows, zipped): sharelens against unzip -p and polars.
bench-binance: setup
	Benchmarks/bench-binance.sh

# The breaks simulation (docs/breaks-simulation.md): false-break rate and date error of each
# --penalty beside ruptures' PELT, 40 seeded AR(1) series per rho; about a minute.
bench-breaks: release
	@test -x Benchmarks/.venv-breaks/bin/python || { python3 -m venv Benchmarks/.venv-breaks && \
		Benchmarks/.venv-breaks/bin/pip install -q numpy ruptures; }
	Benchmarks/.venv-breaks/bin/python Benchmarks/breaks_simulation.py .build/release/sharelens --reps 40

# Regenerates datasets/ with sharelens itself from the shared real exports.
datasets: release
	scripts/make-datasets.sh $(BIN) $(SHARED)

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz .build-bench $(STATIC_SCRATCH)
