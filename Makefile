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
SCRIPTS_BIN = scripts/gen-sample scripts/csvparse scripts/peakmem
DATA = $(sort $(wildcard data/*.tsv))

LIB_SRC = $(filter-out lib/embedded.c,$(wildcard lib/*.c)) lib/embedded.c
LIB_OBJ = $(LIB_SRC:.c=.o)
UNIT_SRC = $(wildcard tests/unit/t-*.c)
UNIT_BIN = $(UNIT_SRC:.c=)
FUZZ_SRC = $(wildcard tests/fuzz/fuzz-*.c)

ingest_OBJ = $(patsubst %.c,%.o,$(wildcard ingest/*.c))
aggregate_OBJ = $(patsubst %.c,%.o,$(wildcard aggregate/*.c))
render_OBJ = $(patsubst %.c,%.o,$(filter-out render/site_assets.c,\
	$(wildcard render/*.c)) render/site_assets.c)
SITE_ASSETS = render/site/site.css render/site/site.js

OBJ = $(LIB_OBJ) $(ingest_OBJ) $(aggregate_OBJ) $(render_OBJ) \
	$(UNIT_SRC:.c=.o) $(SCRIPTS_BIN:=.o)
DEPS = $(OBJ:.o=.d)
MANS = ingest/ingest.1 aggregate/aggregate.1 render/render.1

all: $(TOOLS) $(SCRIPTS_BIN)

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
scripts/gen-sample: scripts/gen-sample.o lib/libshindan.a
scripts/csvparse: scripts/csvparse.o lib/libshindan.a
scripts/peakmem: scripts/peakmem.o lib/libshindan.a
$(UNIT_BIN): %: %.o lib/libshindan.a

$(TOOLS) $(SCRIPTS_BIN) $(UNIT_BIN):
	$(qecho) LD $@
	$(Q)$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(LDLIBS)

check: all $(UNIT_BIN)
	@sh scripts/install-deps --check
	@sh tests/run

demo: all
	@sh scripts/install-deps
	@sh scripts/demo

bench: all
	@sh scripts/bench

fuzz:
	@sh scripts/fuzz

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	for t in $(TOOLS); do \
		install -m 755 $$t $(DESTDIR)$(BINDIR)/shindan-$${t##*/}; done
	for m in $(MANS); do \
		install -m 644 $$m $(DESTDIR)$(MANDIR)/man1/shindan-$${m##*/}; done

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(BINDIR)/shindan-$${t##*/}; done
	for m in $(MANS); do rm -f $(DESTDIR)$(MANDIR)/man1/shindan-$${m##*/}; done

clean:
	rm -f $(OBJ) $(DEPS) $(TOOLS) $(SCRIPTS_BIN) $(UNIT_BIN) \
		lib/libshindan.a lib/embedded.c render/site_assets.c .build-flags
	rm -rf tests/fuzz/bin

help:
	@echo 'targets:'
	@echo '  all        build ingest/ingest, aggregate/aggregate, render/render'
	@echo '  check      build and run every test (SANITIZE=1 for ASan+UBSan)'
	@echo '  demo       install what is missing, run the pipeline on a sample'
	@echo '  bench      measure ingest, aggregate and render against baselines'
	@echo '  fuzz       run each libFuzzer target for a bounded time'
	@echo '  install    install as shindan-ingest, ... under PREFIX=$(PREFIX)'
	@echo '  uninstall  remove what install put there'
	@echo '  clean      remove build products'
	@echo 'variables: V=1 shows commands, SANITIZE=1, PREFIX, CC'

FORCE:
.PHONY: all check demo bench fuzz install uninstall clean help FORCE
.SECONDARY: $(OBJ)

-include $(DEPS)
