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

# make SANITIZE=1: AddressSanitizer and UndefinedBehaviorSanitizer.
ifeq ($(SANITIZE),1)
CFLAGS += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif
