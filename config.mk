# shindan build configuration: edit here, not in the Makefile.
VERSION = 0.1.0

# make install honours these and DESTDIR (a staging root for packagers).
# SYSCONFDIR is only where the systemd unit looks for shindan.conf;
# nothing is installed there.
PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
DOCDIR = $(PREFIX)/share/doc/shindan
SYSCONFDIR = $(PREFIX)/etc
UNITDIR = $(PREFIX)/lib/systemd/system

CC = cc
AR = ar
PKG_CONFIG = pkg-config

# libcsv ships no pkg-config file; everything else is found through it.
PKGS = sqlite3 zlib libcrypto pangocairo pangoft2 cairo fontconfig minizip libxml-2.0 \
	xlsxwriter

CFLAGS = -std=c11 -O2 -g -Wall -Wextra
CPPFLAGS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DSHINDAN_VERSION=\"$(VERSION)\" -Ilib
LDFLAGS =

# make DEVELOPER=1: the warnings that hold the house style, as errors
# (git's DEVELOPER set is the model).  -Wshadow, -Wstrict-prototypes,
# -Wmissing-prototypes and -Wold-style-definition keep every function
# declared in its header or static; -Wdeclaration-after-statement keeps
# declarations at the top of a block; -Wvla keeps stack sizes fixed;
# -Wformat=2 checks every printf-like call, less -Wformat-nonliteral,
# because the chart axes take their tick format from the caller (a
# literal at each call site).  -Wcast-qual is left out: libxml2's
# xmlChar and glib's own headers cast const away.  .ci/run builds with it.
DEVELOPER_CFLAGS = -Werror -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wold-style-definition \
	-Wdeclaration-after-statement -Wformat=2 -Wno-format-nonliteral \
	-Wpointer-arith -Wvla -Wwrite-strings -Wundef -fno-common
ifeq ($(DEVELOPER),1)
CFLAGS += $(DEVELOPER_CFLAGS)
endif

# make SANITIZE=1: AddressSanitizer and UndefinedBehaviorSanitizer.
ifeq ($(SANITIZE),1)
CFLAGS += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif
