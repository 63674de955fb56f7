# The two commands a new machine needs: `make demo` and `make test`.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
SHARED ?= $(abspath ../shared)

.PHONY: all deps build demo test bench format clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Runs the main job: solves a Cordeau DARP instance and prints the plan summary.
demo: build
	@scripts/demo.sh $(BUILD_DIR) $(SHARED)

test: build
	cd $(BUILD_DIR) && SENDPLAN_SHARED=$(SHARED) ctest --output-on-failure -j $(JOBS)

# Solution-quality benchmarks (slow; never part of `make test`).
bench: build
	@scripts/bench.sh $(BUILD_DIR) $(SHARED)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD_DIR)
