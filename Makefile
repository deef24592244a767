# Thin wrapper: the real work is in CMake, scripts/ and the tool itself.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
PORT ?= 8080

.PHONY: setup build demo test test-sanitize bench clean

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

# The whole suite against a build with AddressSanitizer and UndefinedBehaviorSanitizer: any
# memory error or undefined behaviour aborts the test that hit it.
SANITIZE_DIR ?= build-sanitize
test-sanitize: setup
	@cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" >/dev/null
	@cmake --build $(SANITIZE_DIR) -j $(JOBS)
	cd $(SANITIZE_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

bench: setup build
	@bash bench/run.sh

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR) site print
