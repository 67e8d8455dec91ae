# tamiz — top-level entry points. `make run` and `make test` work on a fresh Debian 12 machine.
BUILD_DIR ?= build
ASAN_DIR ?= build-asan
JOBS ?= $(shell nproc)
PORT ?= 8080
CMAKE_FLAGS ?=

.PHONY: deps build run test asan format format-check bench clean

deps:
	@bash scripts/install_deps.sh

$(BUILD_DIR)/build.ninja: CMakeLists.txt | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@bash scripts/run.sh $(BUILD_DIR) $(PORT)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Every test, unit and integration (label `integration`: they start the binary or a server),
# under AddressSanitizer + UndefinedBehaviorSanitizer, built at -O1 to fit CI's budget.
asan: deps
	cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTAMIZ_SANITIZE=ON \
	  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DTAMIZ_BUILD_BENCH=OFF -DTAMIZ_WERROR=ON $(CMAKE_FLAGS)
	cmake --build $(ASAN_DIR) -j $(JOBS)
	cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS)

format:
	@bash scripts/format.sh fix

format-check:
	@bash scripts/format.sh check

bench: build
	$(BUILD_DIR)/tamiz bench screen

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)
