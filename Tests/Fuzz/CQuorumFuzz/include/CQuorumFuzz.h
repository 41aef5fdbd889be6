#ifndef C_QUORUM_FUZZ_H
#define C_QUORUM_FUZZ_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver (LLVM 11 and later), for a program whose `main` is not libFuzzer's own:
// SwiftPM links executables with `main` aliased to `<Module>_main`, so the fuzz target defines
// that and hands over to the driver. Declared here only; it exists when built with
// -sanitize=fuzzer.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
