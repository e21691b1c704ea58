#ifndef SHINDAN_RENDER_PACK_H
#define SHINDAN_RENDER_PACK_H
/*
 * What the ★★ pack shares between the report, the site and the files
 * beside the report: the names of those files, and the company's
 * readiness for SECURITY ACTION ★★ (diagnosis taken and dated, a policy
 * drafted, a policy published) in words.  ★★ is a self-declaration:
 * nothing here ever says 認定.
 */
#include "report.h"

/* The files beside a report, "<base>" + each of these; NULL-terminated. */
extern const char *const pack_suffixes[];
#define PACK_POLICY_PDF 3	/* index of "-policy.pdf" there */
/* What each file is, for links: "改善計画（PDF）", ... */
extern const char *const pack_titles[];

enum { PACK_DIAGNOSIS, PACK_DRAFTED, PACK_PUBLISHED, PACK_NSTEPS };

struct pack_readiness {
	int done[PACK_NSTEPS];
	char what[PACK_NSTEPS][160];	/* each step, done or not, in words */
	char brief[PACK_NSTEPS][80];	/* the same in a few words */
	char summary[256];		/* one sentence: ready, or what lacks */
};

/* The readiness of r's company (r->settings, r->policy_drafted). */
void pack_readiness(const struct report *r, struct pack_readiness *p);
#endif
