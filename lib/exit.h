#ifndef SHINDAN_EXIT_H
#define SHINDAN_EXIT_H
/*
 * The exit statuses of SPEC §2, the same for every tool and for
 * scripts/nightly, which reads them; each man page lists them under EXIT
 * STATUS.  Library code never exits: it returns -1 (or DB_BUSY) and the
 * tool maps that to one of these.
 */
enum {
	EXIT_OK = 0,		/* everything done, all input accepted */
	EXIT_FAIL = 1,		/* nothing of the failing unit committed */
	EXIT_USAGE = 2,		/* a usage error */
	EXIT_REJECTED = 3,	/* done, but some input was rejected */
	EXIT_BUSY = 4,		/* another run holds the lock */
};
#endif
