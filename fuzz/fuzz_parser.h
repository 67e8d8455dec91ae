// Shared body of the parser fuzz targets: writes the fuzzer's input as the files of a list
// version directory and runs one registered list format over it (strict, then lenient when
// the strict parse fails). Crashes, sanitizer reports and broken invariants are findings;
// error Statuses are the expected outcome for garbage. Not thread-safe (one temp dir per
// process), and one target per process (the format and file paths are looked up once), which
// is how libFuzzer and the replay main call it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace tamiz::fuzz {

// Splits `data` at NUL bytes into at most files.size() parts (the last part keeps any further
// NULs), writes part i as files[i] (absent parts are removed), and parses the directory with
// the registered format named `format`. Aborts when the format is not registered, when called
// with another format or file list than on the first call in the process, or when a
// parser returns an entity that breaks the model's invariants (empty id, id not prefixed
// with the dataset, caption or name that is not valid UTF-8).
void FuzzParser(std::string_view format, std::initializer_list<const char*> files,
                const uint8_t* data, size_t size);

}  // namespace tamiz::fuzz
