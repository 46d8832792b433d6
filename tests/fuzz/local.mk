# Fuzzing (RELIABILITY.md section 6, G1). The libFuzzer harnesses
# tests/fuzz/fuzz_*.c need clang and its sanitizer runtimes, so
# scripts/fuzz.sh builds them and the library with
# -fsanitize=fuzzer,address,undefined out of tree in _build/fuzz:
#   make fuzz                  each target for FUZZ_SECONDS (60) seconds
#   make fuzz FUZZ_TARGETS=sanitize FUZZ_SECONDS=600
#   make fuzz-replay           each target once over its corpus and seeds
# `make check` replays the inputs they found (tests/fixtures/fuzz/) through
# the same harnesses in tests/test_fuzz_regressions.
FUZZ_SECONDS = 60
FUZZ_TARGETS =
EXTRA_DIST += scripts/fuzz.sh tests/fuzz/html.dict tests/fuzz/money_date.dict \
	tests/fuzz/sanitize.dict tests/fuzz/config.dict tests/fuzz/disposition.dict tests/fuzz/seeds

fuzz:
	$(SHELL) $(srcdir)/scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)
fuzz-replay:
	$(SHELL) $(srcdir)/scripts/fuzz.sh --replay $(FUZZ_TARGETS)
.PHONY: fuzz fuzz-replay
