/*
 * The fork worker pool of render's reports (see workers.h).  Workers are
 * processes, not threads, because neither a SQLite connection nor the
 * font machinery may cross a fork: each worker opens its own.  Each
 * writes one byte on a shared pipe once it is ready; the parent reads
 * until it has a byte from every worker or EOF, which comes once every
 * worker has either written or ended, so a worker that dies early
 * cannot hang render.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "err.h"
#include "workers.h"

int
workers_start(struct workers *w, const char *what, int n, workers_fn *fn,
	      void *arg, long *started)
{
	int ready[2], i;
	char buf[64];
	ssize_t got;

	w->what = what;
	w->n = n;
	w->forked = 0;
	w->pids = NULL;
	*started = 0;
	if (pipe(ready) != 0)
		return error("cannot start %ss:", what);
	w->pids = xcalloc(n, sizeof *w->pids);
	fflush(NULL);
	for (i = 0; i < n; i++) {
		w->pids[i] = fork();
		if (w->pids[i] < 0) {
			error("cannot start %s:", what);
			break;
		}
		if (w->pids[i] == 0) {
			close(ready[0]);
			_exit(fn(arg, i, ready[1]) == 0 ? 0 : 1);
		}
	}
	w->forked = i;
	close(ready[1]);
	while (*started < i &&
	       ((got = read(ready[0], buf, sizeof buf)) > 0 ||
		(got < 0 && errno == EINTR)))
		if (got > 0)
			*started += got;
	close(ready[0]);
	return i < n ? -1 : 0;
}

int
workers_ready(const struct workers *w, long i, int ready_fd)
{
	if (write(ready_fd, "", 1) != 1)
		return error("%s %ld: cannot report to render:", w->what,
			     i + 1);
	close(ready_fd);
	return 0;
}

int
workers_finish(struct workers *w)
{
	int rc = 0;
	long i;

	for (i = 0; w->pids && i < w->forked; i++) {
		int status;

		if (w->pids[i] <= 0)
			continue;
		if (waitpid(w->pids[i], &status, 0) < 0)
			rc = error("%s %ld:", w->what, i + 1);
		else if (WIFSIGNALED(status))
			rc = error("%s %ld killed by signal %d", w->what,
				   i + 1, WTERMSIG(status));
		else if (WEXITSTATUS(status) != 0)
			rc = -1;
	}
	free(w->pids);
	w->pids = NULL;
	return rc;
}
