#ifndef SHINDAN_ERR_H
#define SHINDAN_ERR_H
/*
 * Diagnostics: every line goes to stderr as "progname: message".  A format
 * that ends in ':' has ": strerror(errno)" appended.
 */
#include <stdarg.h>

/* Set the name every message starts with (argv[0]'s last component). */
void err_setprog(const char *argv0);
const char *err_prog(void);

/* Verbosity: -1 quiet (errors only), 0 normal, 1 verbose. */
extern int err_verbosity;

/* Print and exit 1.  For tools, never for library code. */
_Noreturn void die(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
/* Print a warning (suppressed by -q). */
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print an error and return -1, so library code can return error(...). */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print only with -v. */
void info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void verr(const char *fmt, va_list ap);

/* Allocation that dies on failure. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh allocation */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif
