/*
 * peakmem: run a command and report its wall-clock time and peak memory,
 * for `make bench`.  The figures come from the kernel (wait4's rusage,
 * ru_maxrss) and a monotonic clock read around fork and wait, so they do
 * not depend on /usr/bin/time being installed and the time has
 * microsecond resolution.
 */
#include <errno.h>
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
	fputs("usage: peakmem [-o FILE] COMMAND [ARG...]\n"
	      "Run COMMAND and write 'SECONDS PEAK_KIB CPU_SECONDS START' "
	      "(wall clock,\npeak resident set size from wait4, "
	      "user+system time, and the time it\nstarted in seconds since "
	      "the epoch) to FILE or stderr.\n\n"
	      "  -o FILE   write the figures to FILE\n"
	      "  -h        this help\n\n"
	      "Exit status: COMMAND's (128+N if killed by signal N).\n", f);
}

int
main(int argc, char **argv)
{
	const char *out = NULL;
	struct rusage ru;
	struct timespec start;
	double t0, t1;
	int ch, status;
	pid_t pid;
	FILE *f;

	err_setprog(argv[0]);
	while ((ch = getopt(argc, argv, "+o:h")) != -1) {
		switch (ch) {
		case 'o':
			out = optarg;
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
	fflush(NULL);
	clock_gettime(CLOCK_REALTIME, &start);
	t0 = now();
	if ((pid = fork()) < 0)
		die("fork:");
	if (pid == 0) {
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "peakmem: %s: %s\n", argv[optind],
			strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR)
			die("wait4:");
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

	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
