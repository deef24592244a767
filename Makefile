# Thin wrapper: the real work is in CMake, scripts/ and the tool itself.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
PORT ?= 8080

.PHONY: setup build demo test bench clean

setup:
	@bash scripts/setup.sh

build:
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# serve builds the example site first, then serves it on 127.0.0.1.
demo: setup build
	$(BUILD_DIR)/tsunagu serve --source . --out site --port $(PORT)

test: setup build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: setup build
	@bash bench/run.sh

clean:
	rm -rf $(BUILD_DIR) site
