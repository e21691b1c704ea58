#ifndef SHINDAN_RENDER_PACK_H
#define SHINDAN_RENDER_PACK_H
/*
 * What the ★★ pack shares between the report, the site and the pack's
 * files (pack/): the names of those files, and the company's
 * readiness for SECURITY ACTION ★★ (diagnosis taken and dated, a policy
 * drafted, a policy published) in words.  ★★ is a self-declaration:
 * nothing here ever says 認定.
 */
#include "report.h"

/*
 * The pack's files, "pack/<name>" + each of these, where <name> is the
 * company's report name (report_file_base without "companies/"); in a
 * folder of their own, so that companies/ keeps one PDF per company.
 * NULL-terminated.
 */
extern const char *const pack_suffixes[];
enum { PACK_PLAN_PDF, PACK_PLAN_CSV, PACK_PLAN_XLSX, PACK_POLICY_PDF,
       PACK_POLICY_DOCX, PACK_POLICY_HTML, PACK_POLICY_TXT };
/* "pack/<name>" + pack_suffixes[i] for company_key; malloc'ed. */
char *pack_file_name(const char *company_key, int i);
/*
 * Which of company_key's pack files exist in the output folder dirfd:
 * bit i for pack_suffixes[i] (the report's pack_files).
 */
unsigned pack_files(int dirfd, const char *company_key);
/* What each file is, for links: "改善計画（PDF）", ... */
extern const char *const pack_titles[];

enum { PACK_DIAGNOSIS, PACK_DRAFTED, PACK_PUBLISHED, PACK_NSTEPS };

struct pack_readiness {
	int done[PACK_NSTEPS];
	char what[PACK_NSTEPS][160];	/* each step, done or not, in words */
	char brief[PACK_NSTEPS][80];	/* the same in a few words */
	char summary[256];		/* one sentence: ready, or what lacks */
};

/*
 * The readiness of r's company: r->settings, and a policy is drafted
 * when r->policy_drafted or its PDF is in r->pack_files.
 */
void pack_readiness(const struct report *r, struct pack_readiness *p);
#endif
