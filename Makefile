# sharelens: the two commands a new user needs are `make demo` and `make test`.
SHARED ?= ../shared/datasets
SWIFT_BUILD_FLAGS ?=
BIN_DEBUG = .build/debug/sharelens
BIN = .build/release/sharelens
DATASET = datasets/btc-volume-by-currency-monthly.csv

.PHONY: demo test setup build release datasets clean

setup:
	@scripts/setup.sh

build: setup
	swift build $(SWIFT_BUILD_FLAGS)

release: setup
	swift build -c release $(SWIFT_BUILD_FLAGS)

# Installs what is missing, builds, and runs the main job on the bundled dataset.
demo: release
	$(BIN) inspect $(DATASET)
	$(BIN) shares $(DATASET) --every year

# Installs what is missing, then runs the whole test suite.
test: setup
	swift build $(SWIFT_BUILD_FLAGS)
	swift test $(SWIFT_BUILD_FLAGS)

# Regenerates datasets/ with sharelens itself from the shared real exports.
datasets: release
	scripts/make-datasets.sh $(BIN) $(SHARED)

clean:
	rm -rf .build
