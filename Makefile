# The two commands a new machine needs: `make demo` and `make test`.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
SHARED ?= $(abspath ../shared)

.PHONY: all deps build demo serve test bench bench-planner fuzz load-test package format clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Runs the main job: plans a synthetic borough's SEN transport, then checks the engine on a
# Cordeau DARP instance.
demo: build
	@scripts/demo.sh $(BUILD_DIR) $(SHARED)

# The web app on the demo's store (run `make demo` first): http://127.0.0.1:8080
serve: build
	$(BUILD_DIR)/sendplan serve --database sqlite:out/demo/sendplan.db --shared $(SHARED)

# The benchmark-based tests need ../shared; without it they would skip, so refuse instead
# (set ALLOW_MISSING_SHARED=1 to run the rest anyway).
test: build
	@if [ ! -d "$(SHARED)/benchmarks" ] && [ -z "$(ALLOW_MISSING_SHARED)" ]; then \
	  echo "error: $(SHARED)/benchmarks not found: put shared/ beside this repository or set SHARED=..." >&2; \
	  exit 1; fi
	cd $(BUILD_DIR) && SENDPLAN_SHARED=$(SHARED) ctest --output-on-failure -j $(JOBS)

# Solution-quality benchmarks (slow; never part of `make test`).
bench: build
	@scripts/bench.sh $(BUILD_DIR) $(SHARED)

# The planner at borough scale: 300 and 1,500 pupils, and a pool of 4 boroughs (about 15 min).
bench-planner: build
	@scripts/bench-planner.sh $(BUILD_DIR) $(SHARED)

# libFuzzer targets (a separate clang build in build-fuzz/), FUZZ_SECONDS each.
FUZZ_SECONDS ?= 60
fuzz: deps
	@scripts/fuzz.sh $(FUZZ_SECONDS)

# 10,000 requests against a live server on loopback; prints the latency table.
load-test: build
	@scripts/load-test.sh $(BUILD_DIR) $(SHARED)

# The Debian package a council's IT installs (docs/deploy.md): $(BUILD_DIR)/sendplan_*.deb, with
# the program, the web app, the systemd unit, /etc/sendplan/sendplan.conf and the man page. It
# ships the borough boundaries from $(SHARED)/data/boundaries.
package: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS) -DSENDPLAN_SHARED_DIR=$(SHARED)
	cmake --build $(BUILD_DIR) -j $(JOBS) --target sendplan sendplan_man
	cd $(BUILD_DIR) && cpack -G DEB

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD_DIR)
