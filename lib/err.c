/*
 * One error module for the whole project (after sbase's eprintf.c and git's
 * usage.c): die() for tools, error() returning -1 for library code, warn()
 * and info() for the rest, and x-prefixed allocators that die on failure.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"

static const char *prog = "shindan";
int err_verbosity;

void
err_setprog(const char *argv0)
{
	const char *s = strrchr(argv0, '/');

	prog = s ? s + 1 : argv0;
}

const char *
err_prog(void)
{
	return prog;
}

/*
 * Messages quote values from strangers' files: a control character there
 * (ESC sequences, a newline forging a second message) is shown as '?'.
 */
static void
make_safe(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

/*
 * The whole line goes out in one write(2): render's workers share the
 * log, and a line written piecemeal (prefix, message, strerror, newline)
 * would interleave mid-line with another worker's.  A line longer than
 * PIPE_BUF may still be split by the kernel; none of ours is near.
 */
void
verr(const char *fmt, va_list ap)
{
	int saved = errno;
	size_t len = strlen(fmt), n;
	char buf[8192], *msg;
	ssize_t w;

	n = (size_t)snprintf(buf, sizeof buf - 1, "%s: ", prog);
	if (n >= sizeof buf - 1)
		n = 0;
	msg = buf + n;
	vsnprintf(msg, sizeof buf - 1 - n, fmt, ap);
	make_safe(msg);
	n = strlen(buf);
	if (len && fmt[len - 1] == ':' && n < sizeof buf - 1)
		snprintf(buf + n, sizeof buf - 1 - n, " %s", strerror(saved));
	n = strlen(buf);
	buf[n++] = '\n';
	fflush(stderr);
	for (msg = buf; n > 0; msg += w, n -= (size_t)w)
		if ((w = write(STDERR_FILENO, msg, n)) < 0) {
			if (errno != EINTR)
				break;
			w = 0;
		}
	errno = saved;
}

void
die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verr(fmt, ap);
	va_end(ap);
	exit(1);
}

int
error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verr(fmt, ap);
	va_end(ap);
	return -1;
}

void
warn(const char *fmt, ...)
{
	va_list ap;

	if (err_verbosity < 0)
		return;
	va_start(ap, fmt);
	verr(fmt, ap);
	va_end(ap);
}

void
info(const char *fmt, ...)
{
	va_list ap;

	if (err_verbosity < 1)
		return;
	va_start(ap, fmt);
	verr(fmt, ap);
	va_end(ap);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory:");
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory:");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory:");
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("bad format");
	p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
