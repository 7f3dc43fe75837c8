# virtlint — GNU make.  `make` builds ./virtlint, `make check` runs every test.
# Options: WERROR=0 (warnings are not errors; they are by default, as in CI), SANITIZE=1 (ASan+UBSan),
# PREFIX and DESTDIR for `make install`.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
CC ?= cc
PKG_CONFIG ?= pkg-config

# libvirt is only asked for its headers here: plain file linting must not pay
# for loading libvirt, and the release findings target is found at run time
# (lint/engine/version.c).
PKGS := libxml-2.0 libxslt libpcre2-8 glib-2.0 json-c

WARNINGS := -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CFLAGS ?= -O2 -g
ALL_CFLAGS := -std=c11 -D_DEFAULT_SOURCE $(WARNINGS) $(CFLAGS) -I. \
	$(shell $(PKG_CONFIG) --cflags $(PKGS) libvirt)
# -ldl: libvirt itself is dlopen()ed, only for --domain (lint/host/live.c)
LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS)) -ldl
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags check)
CHECK_LIBS = $(shell $(PKG_CONFIG) --libs check)

WERROR ?= 1
ifeq ($(WERROR),1)
ALL_CFLAGS += -Werror
endif
ifeq ($(SANITIZE),1)
ALL_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

# B (build directory) and BIN (the program) can be moved, so that several
# builds can share one source tree: make B=/tmp/b BIN=/tmp/b/virtlint ...
B ?= build
BIN ?= virtlint
# lint/STAGE/*.c is the library, rules/CATEGORY/*.c the rules; the registry
# is generated from the rule files, so a rule is registered by existing.
RULE_SRCS := $(sort $(wildcard rules/*/*.c))
LIB_SRCS := $(filter-out lint/cli/main.c,$(wildcard lint/*/*.c)) $(RULE_SRCS)
LIB_OBJS := $(LIB_SRCS:%.c=$(B)/%.o) $(B)/fixers.o $(B)/schemas.o $(B)/registry.o
FIXERS := $(sort $(wildcard fixers/*.xsl))
SCHEMAS := $(sort $(wildcard schemas/*/*.rng))
UNIT_TESTS := $(patsubst tests/%.c,$(B)/tests/%,$(wildcard tests/check_*.c))

.PHONY: check-asan bench fuzz fuzz-build all check unit-tests corpus-tests robustness libvirt-oracle release-tests rules-md-check demo install clean \
	snapshot-check snapshot-update corpus uninstall dist deb

all: $(BIN)

# Tests keep schema verdicts in the build tree, never in the user's
# ~/.cache; a fresh tree validates everything once (lint/schema/schemacache.h).
check unit-tests corpus-tests robustness libvirt-oracle: export VIRTLINT_CACHE_DIR = $(abspath $(B))/test-cache
# under the sanitizers, every document is validated afresh once
check-asan: export VIRTLINT_CACHE_DIR = $(abspath $(ASAN_B))/test-cache
# libvirt's test suite without ../shared/corpus: what `make corpus` downloads
# (tests/lib.sh shared_corpus, tests/corpusdir.py)
export VIRTLINT_MADE_CORPUS = $(abspath $(B))/corpus

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# where the language server's diagnostics link to rules.md (DOCDIR, below);
# recompiled when DOCDIR changes (make install PREFIX=/usr after a plain
# make, make deb), through a file that holds the value built with
$(B)/lint/lsp/server.o: ALL_CFLAGS += -DVL_DOCDIR='"$(DOCDIR)"'
$(B)/lint/lsp/server.o: $(B)/docdir.txt
$(B)/docdir.txt: FORCE
	@mkdir -p $(dir $@)
	@echo '$(DOCDIR)' | cmp -s - $@ || echo '$(DOCDIR)' >$@
.PHONY: FORCE
FORCE:

$(B)/registry.c: tools/gen-registry.sh $(RULE_SRCS)
	@mkdir -p $(dir $@)
	tools/gen-registry.sh $(RULE_SRCS) > $@.tmp && mv $@.tmp $@

$(B)/registry.o: $(B)/registry.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# The stylesheets are compiled into the binary: no search path, no install step.
$(B)/tools/embed-fixers: tools/embed_fixers.c tools/embed.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBS)

$(B)/fixers.c: $(B)/tools/embed-fixers $(FIXERS)
	$(B)/tools/embed-fixers $@ $(FIXERS)

$(B)/fixers.o: $(B)/fixers.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# So are libvirt's schemas, one directory per release (schemas/README.md).
$(B)/tools/embed-schemas: tools/embed_schemas.c tools/embed.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBS)

$(B)/schemas.c: $(B)/tools/embed-schemas $(SCHEMAS)
	$(B)/tools/embed-schemas $@ $(SCHEMAS)

$(B)/schemas.o: $(B)/schemas.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(B)/libvirtlint.a: $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

$(BIN): $(B)/lint/cli/main.o $(B)/libvirtlint.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(B)/tools/gen-rules-md: $(B)/tools/gen_rules_md.o $(B)/libvirtlint.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(B)/tests/corpus-runner: $(B)/tests/corpus_runner.o $(B)/libvirtlint.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(B)/tests/check_%.o: tests/check_%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -MMD -MP -c $< -o $@

$(B)/tests/check_%: $(B)/tests/check_%.o $(B)/libvirtlint.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) $(CHECK_LIBS)

# rules.md is generated from the rules' metadata; never edit it by hand.
# corpus/verified-releases.tsv: the releases each rule was verified on
# (tests/libvirt_releases.py --update writes it).
VERIFIED := corpus/verified-releases.tsv
rules.md: $(B)/tools/gen-rules-md $(VERIFIED)
	$< $(VERIFIED) > $@.tmp && mv $@.tmp $@

rules-md-check: $(B)/tools/gen-rules-md
	@$< $(VERIFIED) | diff -u rules.md - >/dev/null || { echo "rules.md is stale: run 'make rules.md' and commit it"; exit 1; }
	@echo "rules.md is up to date"

unit-tests: $(UNIT_TESTS)
	@set -e; for t in $(UNIT_TESTS); do CK_VERBOSITY=normal $$t; done

corpus-tests: $(B)/tests/corpus-runner
	$(B)/tests/corpus-runner corpus

robustness: $(BIN)
	tests/robustness.sh $(abspath $(BIN))

# libvirt 11.3's test suite and schemas from Debian's source tarball, into
# $(B)/corpus (tools/make-corpus.py), for the tests that lint libvirt's test
# suite on a machine without the project's ../shared/corpus
corpus:
	tools/make-corpus.py $(B)/corpus

# Findings snapshots (tests/snapshot.py): every rule over every file of
# ../shared/corpus and of corpus/, against tests/snapshot/*.txt.  A change
# in findings is committed with its snapshot (make snapshot-update) and the
# reason.
snapshot-check: $(BIN)
	tests/snapshot.py $(abspath $(BIN))

snapshot-update: $(BIN)
	tests/snapshot.py $(abspath $(BIN)) --update

# Needs libvirtd on qemu:///system (tools/start-libvirtd.sh); skips without
# it, except in CI (VIRTLINT_TEST_NO_SKIP=1).
libvirt-oracle: $(BIN)
	tests/libvirt_oracle.py $(abspath $(BIN))

# Debian 12's libvirt and the trixie/sid roots of tools/make-release-root.sh
# (build/roots/): what each release defines, against what virtlint says for
# it.  A missing root skips, except in CI.
release-tests: $(BIN)
	tests/libvirt_releases.py $(abspath $(BIN))

check: $(BIN) unit-tests corpus-tests snapshot-check rules-md-check robustness libvirt-oracle
	tests/libvirt_agreement.py $(abspath $(BIN))
	tests/cli.sh $(abspath $(BIN))
	tests/cache.sh $(abspath $(BIN))
	tests/nvram_certs.sh $(abspath $(BIN))
	tests/schema_releases.sh $(abspath $(BIN))
	tests/outputs.sh $(abspath $(BIN))
	tests/config.sh $(abspath $(BIN))
	tests/documents.sh $(abspath $(BIN))
	tests/install.sh
	tests/deb.sh
	tests/dist.sh
	tests/make_corpus.sh
	tests/live.sh $(abspath $(BIN))
	tests/fleet.sh $(abspath $(BIN))
	tests/edit.sh $(abspath $(BIN))
	tests/libvirt_check.sh $(abspath $(BIN))
	tests/host.sh $(abspath $(BIN))
	tests/pinning.sh $(abspath $(BIN))
	tests/hostile.sh $(abspath $(BIN))
	tests/faults.sh $(abspath $(BIN))
	tests/libvirt_hook.sh $(abspath $(BIN))
	tests/precommit.sh
	tests/fix_cli.sh $(abspath $(BIN))
	tests/fix_sweep.sh $(abspath $(BIN))
	tests/add_suppressions.sh $(abspath $(BIN))
	tests/lsp.py $(abspath $(BIN))
	tests/lsp_nvim.sh $(abspath $(BIN))
	tests/libvirt_releases.py $(abspath $(BIN))

# The fast part of the suite again under ASan+UBSan (leaks included):
# unit tests, the corpus with its golden fixes, and the command line.
ASAN_B := build-asan
check-asan:
	$(MAKE) B=$(ASAN_B) BIN=$(ASAN_B)/virtlint SANITIZE=1 $(ASAN_B)/virtlint $(ASAN_B)/tests/corpus-runner \
		$(patsubst $(B)/%,$(ASAN_B)/%,$(UNIT_TESTS))
	@rm -rf $(ASAN_B)/test-cache
	@set -e; export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1; \
	for t in $(patsubst $(B)/%,$(ASAN_B)/%,$(UNIT_TESTS)); do CK_FORK=no $$t; done; \
	$(ASAN_B)/tests/corpus-runner corpus; \
	tests/cli.sh $(abspath $(ASAN_B)/virtlint); \
	tests/cache.sh $(abspath $(ASAN_B)/virtlint); \
	tests/schema_releases.sh $(abspath $(ASAN_B)/virtlint); \
	tests/fix_cli.sh $(abspath $(ASAN_B)/virtlint); \
	tests/documents.sh $(abspath $(ASAN_B)/virtlint); \
	tests/lsp.py $(abspath $(ASAN_B)/virtlint); \
	tests/lsp_nvim.sh $(abspath $(ASAN_B)/virtlint); \
	VIRTLINT_TEST_UNDER_ASAN=1 tests/edit.sh $(abspath $(ASAN_B)/virtlint); \
	tests/pinning.sh $(abspath $(ASAN_B)/virtlint); \
	tests/hostile.sh $(abspath $(ASAN_B)/virtlint)

# speed and memory as ratios against references (see BENCHMARKS.md)
bench: $(BIN)
	tools/bench.sh $(abspath $(BIN))

demo: $(BIN)
	$(abspath $(BIN)) examples/win11.xml; test $$? -le 1

MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share
DOCDIR ?= $(DATADIR)/doc/virtlint

# What make install puts, and so what make uninstall removes: the program,
# its man page and completion, the hook examples (libvirt's QEMU hook, a
# pre-commit configuration using the installed binary), libvirt's schemas
# (embedded in the binary; installed for reference and for --schema) and
# rules.md (the language server links each diagnostic to its rule's section
# in it).
HOOKS := share/virtlint/libvirt-hook-qemu share/virtlint/pre-commit-config.yaml
INSTALLED := $(BINDIR)/virtlint $(MANDIR)/man1/virtlint.1 $(DATADIR)/bash-completion/completions/virtlint \
	$(HOOKS:share/%=$(DATADIR)/%) $(SCHEMAS:%=$(DATADIR)/virtlint/%) $(DOCDIR)/rules.md
# the directories that are virtlint's own, deepest first
OWN_DIRS := $(sort $(dir $(SCHEMAS:%=$(DATADIR)/virtlint/%))) $(DATADIR)/virtlint/schemas/ $(DATADIR)/virtlint/ $(DOCDIR)/

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/bash-completion/completions \
		$(DESTDIR)$(DATADIR)/virtlint $(DESTDIR)$(DOCDIR) $(addprefix $(DESTDIR),$(OWN_DIRS))
	install -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/virtlint
	install -m 0644 doc/virtlint.1 $(DESTDIR)$(MANDIR)/man1/virtlint.1
	install -m 0644 share/bash-completion/virtlint $(DESTDIR)$(DATADIR)/bash-completion/completions/virtlint
	install -m 0755 share/virtlint/libvirt-hook-qemu $(DESTDIR)$(DATADIR)/virtlint/libvirt-hook-qemu
	install -m 0644 share/virtlint/pre-commit-config.yaml $(DESTDIR)$(DATADIR)/virtlint/pre-commit-config.yaml
	@set -e; for s in $(SCHEMAS); do install -m 0644 $$s $(DESTDIR)$(DATADIR)/virtlint/$$s; done
	install -m 0644 rules.md $(DESTDIR)$(DOCDIR)/rules.md

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	rmdir $(addprefix $(DESTDIR),$(OWN_DIRS)) 2>/dev/null || true

# A release tarball of the committed tree (HEAD): $(B)/virtlint-VERSION.tar.gz
VERSION := $(shell sed -n 's/^\#define VL_VERSION "\(.*\)"/\1/p' lint/engine/version.h)
DIST := virtlint-$(VERSION)
dist:
	@mkdir -p $(B)
	@git diff --quiet HEAD 2>/dev/null || echo "dist: uncommitted changes are not in the tarball (it is HEAD)"
	git archive --format=tar.gz --prefix=$(DIST)/ -o $(B)/$(DIST).tar.gz HEAD
	@echo "dist: $(B)/$(DIST).tar.gz"

# A Debian binary package of make install's tree (tools/make-deb.sh):
# $(B)/virtlint_VERSION_ARCH.deb.  The program is built for PREFIX=/usr
# (it links to the rules.md in DOCDIR).
deb:
	rm -rf $(B)/deb
	$(MAKE) --no-print-directory B=$(B) BIN=$(BIN) install PREFIX=/usr DESTDIR=$(abspath $(B))/deb/debian/virtlint
	tools/make-deb.sh $(B)/deb $(VERSION)

clean:
	rm -rf $(B) $(BIN)

# libFuzzer harnesses (clang): load + model + rules, fix application, and the
# OVMF variable store parser (fuzz_nvram.c), seeded from corpus/ and
# ../shared/corpus.  FUZZ_SECONDS per harness.
FUZZ_B := build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined
FUZZ_SEEDS := corpus $(wildcard ../shared/corpus/libvirt-tests ../shared/corpus/libvirt-11.3/tests ../shared/corpus/realworld)

fuzz-build:
	$(MAKE) B=$(FUZZ_B) BIN=$(FUZZ_B)/virtlint CC=clang WERROR=0 \
		CFLAGS="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" $(FUZZ_B)/libvirtlint.a
	for h in lint fix nvram; do \
		clang $(FUZZ_FLAGS) -fsanitize=fuzzer $(ALL_CFLAGS) tests/fuzz/fuzz_$$h.c $(FUZZ_B)/libvirtlint.a \
			$(LIBS) -o $(FUZZ_B)/fuzz-$$h || exit 1; \
	done

# Inputs that once failed run first, one by one; then each harness fuzzes.
# libFuzzer's own status decides (a pipe into tail would hide it).
FUZZ_REGRESSIONS := $(wildcard tests/fuzz/regressions/*)

fuzz: fuzz-build
	@export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1; \
	for h in lint fix nvram; do \
		mkdir -p $(FUZZ_B)/found-$$h; \
		$(FUZZ_B)/fuzz-$$h $(FUZZ_REGRESSIONS) >$(FUZZ_B)/regressions-$$h.log 2>&1 || \
			{ tail -30 $(FUZZ_B)/regressions-$$h.log; exit 1; }; \
		echo "fuzz-$$h: $(words $(FUZZ_REGRESSIONS)) regression inputs pass; fuzzing $(FUZZ_SECONDS) s"; \
		$(FUZZ_B)/fuzz-$$h -max_total_time=$(FUZZ_SECONDS) \
			-max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix=$(FUZZ_B)/crash-$$h- \
			$(FUZZ_B)/found-$$h $(FUZZ_SEEDS) >$(FUZZ_B)/fuzz-$$h.log 2>&1; \
		status=$$?; tail -3 $(FUZZ_B)/fuzz-$$h.log; \
		[ $$status -eq 0 ] || { tail -40 $(FUZZ_B)/fuzz-$$h.log; exit 1; }; \
	done

# keep test objects between runs
.SECONDARY:

-include $(shell find $(B) -path '$(B)/roots' -prune -o -name '*.d' -type f -print 2>/dev/null)

# Mutation testing (issue #11, doc/mutation-testing.md): mutants of rules/
# and the model against the corpus and the unit tests.  `make mutate` runs
# every mutant; `make mutate-sample` (CI) a fixed random sample of them.
MUTATE_JOBS ?= 2
MUTATE_SAMPLE ?= 150
MUTATE_SEED ?= 11
MUTATE_DEPS := $(B)/libvirtlint.a $(B)/tests/corpus-runner $(UNIT_TESTS)

.PHONY: mutate mutate-sample mutate-vars mutate-deps
mutate-deps: $(MUTATE_DEPS)

mutate: $(MUTATE_DEPS)
	tools/mutate.py --build $(B) --jobs $(MUTATE_JOBS) $(MUTATE_ARGS)

mutate-sample: $(MUTATE_DEPS)
	tools/mutate.py --build $(B) --jobs $(MUTATE_JOBS) --sample $(MUTATE_SAMPLE) --seed $(MUTATE_SEED) $(MUTATE_ARGS)

# what tools/mutate.py compiles and links mutants with
mutate-vars:
	@echo 'CC=$(CC)'
	@echo 'CFLAGS=$(ALL_CFLAGS)'
	@echo 'LDFLAGS=$(LDFLAGS)'
	@echo 'LIBS=$(LIBS)'
	@echo 'CHECK_LIBS=$(CHECK_LIBS)'
	@echo 'UNIT_TESTS=$(UNIT_TESTS)'
