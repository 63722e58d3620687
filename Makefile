# debrief: one POSIX-ish GNU Makefile, pkg-config flags, explicit stages.
#
#   make            build ./debrief (never installs anything)
#   make deps       install missing Debian build packages (tools/deps.sh)
#   make install    binary, man pages, templates and schemas under
#                   $(DESTDIR)$(PREFIX); honours CPPFLAGS, CFLAGS, LDFLAGS
#   make test       unit, golden, public suites, pathological inputs, fuzz
#                   smoke runs; plain build, then ASan+UBSan, then valgrind
#                   (installs missing test packages first; builds with -Werror)
#   make bench      speed and memory figures against a floor in the same run
#   make fuzz       libFuzzer targets in build/fuzz/ (FUZZ_SECONDS=N: run
#                   each for N seconds)
#   make format     clang-format the sources in place

PKGS      = yaml-0.1 libcmark-gfm harfbuzz-subset harfbuzz libutf8proc fontconfig zlib icu-uc libxxhash
CC       ?= cc
OPT      ?= -O2 -g
# -Werror in developers' and test builds only (make test sets it): a
# distribution's newer compiler must not fail the build on a new warning.
WERROR   ?=
WARN      = -Wall -Wextra $(WERROR) -Wstrict-prototypes -Wshadow -Wno-unused-parameter
STD       = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -pthread
DEPCFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
DEPLIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lm -pthread
CFLAGS   ?=
CPPFLAGS ?=
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
DATADIR  ?= $(PREFIX)/share/debrief
ALLCFLAGS = $(STD) $(OPT) $(WARN) $(DEPCFLAGS) $(INCS) $(CPPFLAGS) $(CFLAGS)
# Where the program looks for its templates and schemas: DATADIR, and DATADIR
# as seen from BINDIR (so that a tree staged under DESTDIR, or moved whole,
# finds its own).  Only fsutil.c embeds them; its object depends on
# $(BUILD)/datadirs, rewritten when they change, so that `make install
# DATADIR=…` after a plain `make` rebuilds it.
DATAREL  := $(shell realpath -m --relative-to='$(BINDIR)' '$(DATADIR)' 2>/dev/null)
DATAFLAGS = -DDEBRIEF_DATADIR='"$(DATADIR)"' -DDEBRIEF_DATADIR_REL='"$(DATAREL)"'

# src/ holds a folder per stage (ARCHITECTURE.md); a header is included by
# its name alone, from any folder.
SRCDIRS   = src $(patsubst %/,%,$(sort $(dir $(wildcard src/*/*.c src/*/*.h))))
INCS      = $(addprefix -I,$(SRCDIRS))
SRCS      = $(sort $(wildcard src/*.c src/*/*.c))
HDRS      = $(wildcard src/*.h src/*/*.h)
LIBSRCS   = $(filter-out src/main.c,$(SRCS))
UNITSRCS  = $(sort $(wildcard tests/unit/*.c))
TOOLSRCS  = $(sort $(wildcard tests/tools/*.c))
FUZZSRCS  = $(sort $(wildcard fuzz/*.c))

BUILD    ?= build
OBJS      = $(SRCS:src/%.c=$(BUILD)/obj/%.o)
LIBOBJS   = $(LIBSRCS:src/%.c=$(BUILD)/obj/%.o)
UNITBINS  = $(UNITSRCS:tests/unit/%.c=$(BUILD)/unit/%) $(TOOLSRCS:tests/tools/%.c=$(BUILD)/unit/%)

SAN       = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

.PHONY: FORCE all demo deps deps-test install test test-plain test-asan test-valgrind bench fuzz print-cstyled \
	format format-check clean units

all: debrief

# The main job on the bundled examples: check them, write every report (vi
# and en) and the archive into out/.  Findings in examples are intended, so
# only exit status 2 (a real failure) stops the demo.
demo: deps
	@$(MAKE) --no-print-directory all
	@./debrief check --today 2026-11-23 examples/ || [ $$? -eq 1 ]
	@./debrief report -o out/reports/vi --lang vi --today 2026-11-23 examples/
	@./debrief report -o out/reports/en --lang en --today 2026-11-23 examples/
	@./debrief archive -o out/archive --today 2026-11-23 examples/
	@echo "demo: reports in out/reports/{vi,en}/, archive in out/archive/"

deps:
	@sh tools/deps.sh build

deps-test:
	@sh tools/deps.sh test

debrief: $(BUILD)/debrief
	@cp $(BUILD)/debrief $@

# What a Debian package needs, under $(DESTDIR)$(PREFIX).  The installed
# binary finds $(DATADIR)/templates from any directory: the PREFIX, BINDIR and
# DATADIR given here are those it is built with (see DATAFLAGS).
install: $(BUILD)/debrief
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(DATADIR)/schemas
	install -m 755 $(BUILD)/debrief $(DESTDIR)$(BINDIR)/debrief
	install -m 644 man/debrief.1 $(DESTDIR)$(MANDIR)/man1/debrief.1
	install -m 644 man/debrief.5 $(DESTDIR)$(MANDIR)/man5/debrief.5
	install -m 644 schemas/*.json $(DESTDIR)$(DATADIR)/schemas/
	for d in templates/*/; do l=$$(basename $$d); \
		install -d $(DESTDIR)$(DATADIR)/templates/$$l || exit 1; \
		install -m 644 $$d* $(DESTDIR)$(DATADIR)/templates/$$l/ || exit 1; done

$(BUILD)/debrief: $(OBJS)
	$(CC) $(OPT) $(CFLAGS) -o $@ $(OBJS) $(DEPLIBS) $(LDFLAGS)

$(BUILD)/obj/%.o: src/%.c $(HDRS) | $(BUILD)/obj
	@mkdir -p $(@D); echo "CC $<"; $(CC) $(ALLCFLAGS) -c -o $@ $<

$(BUILD)/obj/util/fsutil.o: ALLCFLAGS += $(DATAFLAGS)
$(BUILD)/obj/util/fsutil.o: $(BUILD)/datadirs

# What tells these sources from others (src/util/build.c): a hash of every
# source file, in the keys of what an archive keeps between runs, so that a
# patched program with the same version number does not take an older one's
# pages as its own.  build.o is compiled again whenever a source changes.
SOURCEID := $(shell cat $(SRCS) $(HDRS) 2>/dev/null | sha256sum 2>/dev/null | cut -c1-32)
$(BUILD)/obj/util/build.o: ALLCFLAGS += -DDEBRIEF_SOURCE_ID='"$(SOURCEID)"'
$(BUILD)/obj/util/build.o: $(SRCS)

# the stamp of the directories fsutil.o embeds: touched only when they change
$(BUILD)/datadirs: FORCE | $(BUILD)/obj
	@d='DATADIR=$(DATADIR) DATAREL=$(DATAREL)'; \
		[ "$$(cat $@ 2>/dev/null)" = "$$d" ] || echo "$$d" >$@

$(BUILD)/unit/%: tests/unit/%.c $(LIBOBJS) tests/unit/*.h | $(BUILD)/unit
	$(CC) $(ALLCFLAGS) -Itests/unit -o $@ $< $(LIBOBJS) $(DEPLIBS) $(LDFLAGS)

# Test tools (tests/tools/*.c): drivers the suites run on inputs; built
# like unit tests, but not run as ones.
$(BUILD)/unit/%: tests/tools/%.c $(LIBOBJS) | $(BUILD)/unit
	$(CC) $(ALLCFLAGS) -o $@ $< $(LIBOBJS) $(DEPLIBS) $(LDFLAGS)

units: $(UNITBINS)

$(BUILD)/obj $(BUILD)/unit:
	@mkdir -p $@

# The test command: everything a newcomer needs, from a fresh machine.
test: deps-test
	@$(MAKE) --no-print-directory WERROR=-Werror all units
	@$(MAKE) --no-print-directory WERROR=-Werror BUILD=build/asan CC=clang OPT="-O1 -g $(SAN)" \
		LDFLAGS="$(SAN)" build/asan/debrief units
	@$(MAKE) --no-print-directory WERROR=-Werror fuzz
	@sh tests/run

# Fuzz targets: clang with libFuzzer; each links every stage but main.c.
# UBSan is fatal in the stages too, so that libFuzzer saves what it finds.
# With FUZZ_SECONDS=N each target then fuzzes for N seconds, from its seeds
# (fuzz/corpus/NAME) into build/fuzz/corpus-NAME, crashes saved beside.
FUZZFLAGS = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -O1 -g
FUZZ_SECONDS ?=
fuzz:
	@$(MAKE) --no-print-directory BUILD=build/fuzzobj CC=clang \
		OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
		$(LIBSRCS:src/%.c=build/fuzzobj/obj/%.o)
	@mkdir -p build/fuzz
	@for f in $(FUZZSRCS); do n=$$(basename $$f .c); \
		clang $(STD) $(WARN) $(DEPCFLAGS) $(INCS) $(FUZZFLAGS) -o build/fuzz/$$n $$f \
		$(LIBSRCS:src/%.c=build/fuzzobj/obj/%.o) $(DEPLIBS) || exit 1; done
	@[ -z "$(FUZZ_SECONDS)" ] || for f in $(FUZZSRCS); do n=$$(basename $$f .c); \
		d=fuzz/$${n#fuzz_}.dict; mkdir -p build/fuzz/corpus-$$n; \
		echo "fuzz: $$n for $(FUZZ_SECONDS) s"; \
		build/fuzz/$$n -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
		-artifact_prefix=build/fuzz/$$n- $$([ -f $$d ] && echo -dict=$$d) \
		build/fuzz/corpus-$$n $$([ -d fuzz/corpus/$$n ] && echo fuzz/corpus/$$n) || exit 1; \
		done

bench: all
	@DEPCFLAGS="$(DEPCFLAGS) $(addprefix -I$(CURDIR)/,$(SRCDIRS))" DEPLIBS="$(DEPLIBS)" \
		LIBOBJS="$(addprefix $(CURDIR)/,$(LIBOBJS))" sh bench/run

CSTYLED   = $(SRCS) $(HDRS) tests/unit/*.c tests/unit/*.h tests/tools/*.c tests/pdf/*.c fuzz/*.c bench/*.c

format:
	clang-format -i $(CSTYLED)

format-check:
	@clang-format --dry-run -Werror $(CSTYLED)

# the files format covers, for tests/style
print-cstyled:
	@echo $(CSTYLED)

clean:
	rm -rf build debrief
