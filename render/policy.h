#ifndef SHINDAN_RENDER_POLICY_H
#define SHINDAN_RENDER_POLICY_H
/*
 * A draft 情報セキュリティ基本方針 for a company (render --policy): a
 * preamble and the five items in the structure of the sample policy of
 * IPA's 中小企業の情報セキュリティ対策ガイドライン, in our own words,
 * with the company's name, the 制定日 (the settings file's, else today
 * in JST) and its representative (from --settings, else a blank to fill
 * in); an item on cloud services when the company answered Q23
 * 実施している or 一部実施している.  Written beside the report as
 * <base>-policy.pdf (one A4 page), .docx, .html and .txt.
 */
#include "out.h"
#include "report.h"

/* Write the four files of r into d.  Returns 0 or -1 after saying why. */
int policy_write(const struct out_dir *d, struct rtext *t,
		 const struct report *r);
#endif
