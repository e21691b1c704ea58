# shindan build configuration: edit here, not in the Makefile.
VERSION = 0.1.0

PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man

CC = cc
AR = ar
PKG_CONFIG = pkg-config

# libcsv ships no pkg-config file; everything else is found through it.
PKGS = sqlite3 zlib libcrypto pangocairo pangoft2 cairo fontconfig minizip libxml-2.0

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
