# shindan: one non-recursive Makefile for lib/, the three tools and tests.
# New .c files are picked up by wildcard; nothing here names a module.
include config.mk

PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(CFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -MMD -MP
LDLIBS = lib/libshindan.a -lcsv $(PKG_LIBS) -lm

ifneq ($(V),1)
Q = @
qecho = @printf '  %-7s %s\n'
else
Q =
qecho = @true
endif

TOOLS = ingest/ingest aggregate/aggregate render/render
# gen-sample writes sample exports; tools/ holds the small programs that
# tests and benchmarks use.  Neither is installed.
GEN_SAMPLE = gen-sample/gen-sample
TOOLS_BIN = tools/csvparse tools/peakmem tools/mkzip tools/csv2xlsx
DATA = $(sort $(wildcard data/*.tsv))

LIB_SRC = $(filter-out lib/embedded.c,$(wildcard lib/*.c)) lib/embedded.c
LIB_OBJ = $(LIB_SRC:.c=.o)
UNIT_SRC = $(wildcard tests/unit/t-*.c)
UNIT_BIN = $(UNIT_SRC:.c=)
FUZZ_SRC = $(wildcard tests/fuzz/fuzz-*.c)

ingest_OBJ = $(patsubst %.c,%.o,$(wildcard ingest/*.c))
aggregate_OBJ = $(patsubst %.c,%.o,$(wildcard aggregate/*.c))
gen_sample_OBJ = $(patsubst %.c,%.o,$(wildcard gen-sample/*.c))
render_OBJ = $(patsubst %.c,%.o,$(filter-out render/site_assets.c,\
	$(wildcard render/*.c)) render/site_assets.c)
SITE_ASSETS = render/site/site.css render/site/site.js

OBJ = $(LIB_OBJ) $(ingest_OBJ) $(aggregate_OBJ) $(render_OBJ) \
	$(UNIT_SRC:.c=.o) $(gen_sample_OBJ) $(TOOLS_BIN:=.o) tools/xlsxw.o
DEPS = $(OBJ:.o=.d)
MANS = ingest/ingest.1 aggregate/aggregate.1 render/render.1 scripts/nightly.1
UNITS = shindan-nightly.service shindan-nightly.timer

all: $(TOOLS) $(GEN_SAMPLE) $(TOOLS_BIN)

# Objects depend on the flags they were built with, so that switching
# SANITIZE=1 on or off rebuilds everything instead of mixing objects.
.build-flags: FORCE
	@echo '$(CC) $(ALL_CFLAGS) $(LDFLAGS)' | cmp -s - $@ || \
		echo '$(CC) $(ALL_CFLAGS) $(LDFLAGS)' > $@

%.o: %.c .build-flags
	$(qecho) CC $@
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

lib/embedded.c: $(DATA) scripts/embed-data
	$(qecho) GEN $@
	$(Q)sh scripts/embed-data $(DATA) > $@.tmp && mv $@.tmp $@

render/site_assets.c: $(SITE_ASSETS) scripts/embed-site
	$(qecho) GEN $@
	$(Q)sh scripts/embed-site $(SITE_ASSETS) > $@.tmp && mv $@.tmp $@

lib/libshindan.a: $(LIB_OBJ)
	$(qecho) AR $@
	$(Q)rm -f $@ && $(AR) rcs $@ $(LIB_OBJ)

ingest/ingest: $(ingest_OBJ) lib/libshindan.a
aggregate/aggregate: $(aggregate_OBJ) lib/libshindan.a
render/render: $(render_OBJ) lib/libshindan.a
gen-sample/gen-sample: $(gen_sample_OBJ) tools/xlsxw.o lib/libshindan.a
tools/csvparse: tools/csvparse.o ingest/reader.o lib/libshindan.a
tools/peakmem: tools/peakmem.o lib/libshindan.a
tools/mkzip: tools/mkzip.o lib/libshindan.a
tools/csv2xlsx: tools/csv2xlsx.o tools/xlsxw.o lib/libshindan.a
$(UNIT_BIN): %: %.o lib/libshindan.a

$(TOOLS) $(GEN_SAMPLE) $(TOOLS_BIN) $(UNIT_BIN):
	$(qecho) LD $@
	$(Q)$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(LDLIBS)

# check and demo are the README's two commands on a fresh machine: they
# install what is missing first, then build in a second make, whose
# pkg-config look-ups see the libraries just installed.
check: deps
	@$(MAKE) --no-print-directory all $(UNIT_BIN)
	@sh tests/run

demo: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/demo

deps:
	@sh scripts/install-deps

bench: all
	@sh scripts/bench

fuzz:
	@sh scripts/fuzz

# The driver and the units are written with the final paths (BINDIR,
# SYSCONFDIR) filled in, under a temporary name and renamed, so that
# reinstalling never rewrites a script that a night is running.
install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(DOCDIR) $(DESTDIR)$(UNITDIR)
	for t in $(TOOLS); do \
		install -m 755 $$t $(DESTDIR)$(BINDIR)/shindan-$${t##*/}; done
	sed -e "s|^bindir=\$$|bindir='$(BINDIR)'|" scripts/nightly \
		>$(DESTDIR)$(BINDIR)/.shindan-nightly.tmp
	chmod 755 $(DESTDIR)$(BINDIR)/.shindan-nightly.tmp
	mv -f $(DESTDIR)$(BINDIR)/.shindan-nightly.tmp \
		$(DESTDIR)$(BINDIR)/shindan-nightly
	for m in $(MANS); do \
		install -m 644 $$m $(DESTDIR)$(MANDIR)/man1/shindan-$${m##*/}; done
	install -m 644 scripts/shindan.conf $(DESTDIR)$(DOCDIR)/shindan.conf
	for u in $(UNITS); do \
		sed -e 's|@BINDIR@|$(BINDIR)|g' \
			-e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' \
			scripts/systemd/$$u.in >$(DESTDIR)$(UNITDIR)/.$$u.tmp && \
		chmod 644 $(DESTDIR)$(UNITDIR)/.$$u.tmp && \
		mv -f $(DESTDIR)$(UNITDIR)/.$$u.tmp $(DESTDIR)$(UNITDIR)/$$u || \
		exit 1; done

# Removes the files install wrote and shindan's own DOCDIR.  Into a
# DESTDIR, it also removes the folders left empty, up to DESTDIR, so that
# a staging root ends as it began; on the live system it leaves bin/,
# man1/ and the like to whoever else uses them.
uninstall:
	for t in $(TOOLS) nightly; do \
		rm -f $(DESTDIR)$(BINDIR)/shindan-$${t##*/}; done
	for m in $(MANS); do rm -f $(DESTDIR)$(MANDIR)/man1/shindan-$${m##*/}; done
	rm -f $(DESTDIR)$(DOCDIR)/shindan.conf
	for u in $(UNITS); do rm -f $(DESTDIR)$(UNITDIR)/$$u; done
	if [ -d $(DESTDIR)$(DOCDIR) ] && \
	    ! rmdir $(DESTDIR)$(DOCDIR) 2>/dev/null; then \
		echo "uninstall: $(DESTDIR)$(DOCDIR) is not empty: kept" >&2; fi
	if [ -n "$(DESTDIR)" ]; then \
		for d in $(BINDIR) $(MANDIR)/man1 $(DOCDIR) $(UNITDIR); do \
			while case $$d in /?*) true ;; *) false ;; esac && \
			    { [ ! -d "$(DESTDIR)$$d" ] || \
			    rmdir "$(DESTDIR)$$d" 2>/dev/null; }; do \
				d=$${d%/*}; done; \
		done; \
	fi

clean:
	rm -f $(OBJ) $(DEPS) $(TOOLS) $(GEN_SAMPLE) $(TOOLS_BIN) $(UNIT_BIN) \
		lib/libshindan.a lib/embedded.c render/site_assets.c .build-flags
	rm -rf tests/fuzz/bin

help:
	@echo 'targets:'
	@echo '  all        build ingest/ingest, aggregate/aggregate, render/render'
	@echo '  check      build and run every test (SANITIZE=1 for ASan+UBSan)'
	@echo '  demo       install what is missing, run the pipeline on a sample'
	@echo '  deps       install the Debian packages that are missing (root)'
	@echo '  bench      measure ingest, aggregate and render against baselines'
	@echo '  fuzz       run each libFuzzer target for a bounded time'
	@echo '  install    install as shindan-ingest, ... under PREFIX=$(PREFIX)'
	@echo '  uninstall  remove what install put there'
	@echo '  clean      remove build products'
	@echo 'variables: V=1 shows commands, SANITIZE=1, DEVELOPER=1 (strict'
	@echo '  warnings as errors, as CI builds), PREFIX, CC'

FORCE:
.PHONY: all check demo deps bench fuzz install uninstall clean help FORCE
.SECONDARY: $(OBJ)

-include $(DEPS)
