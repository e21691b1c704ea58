/*
 * peakmem: run a command and report its wall-clock time and peak memory,
 * for `make bench`.  The figures come from the kernel (wait4's rusage,
 * ru_maxrss) and a monotonic clock read around fork and wait, so they do
 * not depend on /usr/bin/time being installed and the time has
 * microsecond resolution.
 *
 * -u TEXT stops the command at the first line of its stderr that contains
 * TEXT and takes the time there: render has no switch to draw the
 * portfolio without the company reports, but says "portfolio: ..." with -v
 * when the portfolio is done, so the bench times render up to that line.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "err.h"

#define LINE_MAX_KEEP 4096

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
usage(FILE *f)
{
	fputs("usage: peakmem [-o FILE] [-u TEXT] COMMAND [ARG...]\n"
	      "Run COMMAND and write 'SECONDS PEAK_KIB CPU_SECONDS START' "
	      "(wall clock,\npeak resident set size from wait4, "
	      "user+system time, and the time it\nstarted in seconds since "
	      "the epoch) to FILE or stderr.\n\n"
	      "  -o FILE   write the figures to FILE\n"
	      "  -u TEXT   stop COMMAND (and its process group) at the "
	      "first line of\n"
	      "            its stderr containing TEXT; time up to that "
	      "line\n"
	      "  -h        this help\n\n"
	      "Exit status: COMMAND's (128+N if killed by signal N); with "
	      "-u, 0 when\nTEXT was seen and 1 when COMMAND ended "
	      "without it.\n", f);
}

/*
 * Copy the child's stderr from fd to our stderr until a line contains
 * text or the pipe closes.  Returns 1 when text was seen, else 0.
 */
static int
watch(int fd, const char *text)
{
	char line[LINE_MAX_KEEP + 1], buf[4096];
	size_t len = 0;
	ssize_t got;

	while ((got = read(fd, buf, sizeof buf)) != 0) {
		ssize_t i;

		if (got < 0) {
			if (errno == EINTR)
				continue;
			error("reading the command's stderr:");
			return 0;
		}
		fwrite(buf, 1, (size_t)got, stderr);
		for (i = 0; i < got; i++) {
			if (buf[i] != '\n') {
				if (len < LINE_MAX_KEEP)
					line[len++] = buf[i];
				continue;
			}
			line[len] = '\0';
			len = 0;
			if (strstr(line, text))
				return 1;
		}
	}
	line[len] = '\0';
	return len > 0 && strstr(line, text) != NULL;
}

int
main(int argc, char **argv)
{
	const char *out = NULL, *until = NULL;
	struct rusage ru;
	struct timespec start;
	double t0, t1 = 0;
	int ch, status, pipefd[2] = { -1, -1 }, seen = 0, rc;
	pid_t pid;
	FILE *f;

	err_setprog(argv[0]);
	while ((ch = getopt(argc, argv, "+o:u:h")) != -1) {
		switch (ch) {
		case 'o':
			out = optarg;
			break;
		case 'u':
			until = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind == argc) {
		usage(stderr);
		return 2;
	}
	if (until && pipe(pipefd) != 0)
		die("pipe:");
	fflush(NULL);
	clock_gettime(CLOCK_REALTIME, &start);
	t0 = now();
	if ((pid = fork()) < 0)
		die("fork:");
	if (pid == 0) {
		if (until) {
			setpgid(0, 0);
			dup2(pipefd[1], 2);
			close(pipefd[0]);
			close(pipefd[1]);
		}
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "peakmem: %s: %s\n", argv[optind],
			strerror(errno));
		_exit(127);
	}
	if (until) {
		setpgid(pid, pid);
		close(pipefd[1]);
		seen = watch(pipefd[0], until);
		if (seen) {
			t1 = now();
			kill(-pid, SIGKILL);
		}
		close(pipefd[0]);
	}
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR)
			die("wait4:");
	if (!seen)
		t1 = now();

	if (out) {
		if (!(f = fopen(out, "w")))
			die("%s: cannot write:", out);
	} else {
		f = stderr;
	}
	fprintf(f, "%.3f %ld %.3f %lld.%06ld\n", t1 - t0, ru.ru_maxrss,
		(double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
		(double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6,
		(long long)start.tv_sec, start.tv_nsec / 1000);
	if (out && fclose(f) != 0)
		die("%s: cannot write:", out);

	if (until)
		rc = seen ? 0 : 1;
	else if (WIFSIGNALED(status))
		rc = 128 + WTERMSIG(status);
	else
		rc = WEXITSTATUS(status);
	return rc;
}
