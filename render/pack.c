/*
 * The ★★ readiness (see pack.h).  SECURITY ACTION ★★ asks for the
 * self-diagnosis and a basic policy set and published; render knows the
 * diagnosis from the database, a draft from --policy or a 制定日 in the
 * settings file, and publication only from the settings file's
 * published column, because only the company can say it has published.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>

#include "err.h"

#include "pack.h"
#include "settings.h"

const char *const pack_suffixes[] = {
	"-plan.pdf", "-plan.csv", "-plan.xlsx",
	"-policy.pdf", "-policy.docx", "-policy.html", "-policy.txt",
	NULL,
};

char *
pack_file_name(const char *company_key, int i)
{
	char *base = report_file_base(company_key);
	const char *slash = strrchr(base, '/');
	char *name = xasprintf("pack/%s%s", slash ? slash + 1 : base,
			       pack_suffixes[i]);

	free(base);
	return name;
}

unsigned
pack_files(int dirfd, const char *company_key)
{
	unsigned bits = 0;
	int i;

	for (i = 0; pack_suffixes[i]; i++) {
		char *name = pack_file_name(company_key, i);
		struct stat sb;

		if (fstatat(dirfd, name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(sb.st_mode))
			bits |= 1u << i;
		free(name);
	}
	return bits;
}

const char *const pack_titles[] = {
	"改善計画（PDF）", "改善計画（CSV）", "改善計画（Excel）",
	"基本方針の下書き（PDF）", "基本方針の下書き（Word）",
	"基本方針の下書き（HTML）", "基本方針の下書き（テキスト）",
};

void
pack_readiness(const struct report *r, struct pack_readiness *p)
{
	const struct settings_row *s = r->settings;
	const char *lack[PACK_NSTEPS];
	char date[32];
	int i, n = 0, drafted;

	memset(p, 0, sizeof *p);
	p->done[PACK_DIAGNOSIS] = r->c->complete;
	if (p->done[PACK_DIAGNOSIS]) {
		report_utc_date_ja(date, sizeof date, r->c->submitted_at);
		snprintf(p->what[PACK_DIAGNOSIS], sizeof p->what[0],
			 "自社診断: 実施済み（%s回答、25問すべて回答）", date);
		snprintf(p->brief[PACK_DIAGNOSIS], sizeof p->brief[0],
			 "自社診断: %s回答", date);
	} else {
		snprintf(p->what[PACK_DIAGNOSIS], sizeof p->what[0],
			 "自社診断: 未回答の設問があります");
		snprintf(p->brief[PACK_DIAGNOSIS], sizeof p->brief[0],
			 "自社診断: 未回答あり");
	}
	drafted = r->policy_drafted ||
		  (r->pack_files & (1u << PACK_POLICY_PDF));

	p->done[PACK_DRAFTED] = drafted || (s && s->established);
	if (s && s->established) {
		report_date_ja(date, sizeof date, s->established);
		snprintf(p->what[PACK_DRAFTED], sizeof p->what[0],
			 "情報セキュリティ基本方針: 策定済み（制定日 %s）",
			 date);
		snprintf(p->brief[PACK_DRAFTED], sizeof p->brief[0],
			 "基本方針: %s制定", date);
	} else {
		snprintf(p->brief[PACK_DRAFTED], sizeof p->brief[0],
			 "基本方針: %s", drafted ? "下書きあり" :
			 "未作成");
		snprintf(p->what[PACK_DRAFTED], sizeof p->what[0],
			 "情報セキュリティ基本方針: %s", drafted ?
			 "下書きを作成済み（内容の確認と制定日の記入が必要）" :
			 "未作成");
	}
	p->done[PACK_PUBLISHED] = s && s->published;
	snprintf(p->what[PACK_PUBLISHED], sizeof p->what[0],
		 "基本方針の公開: %s%s", p->done[PACK_PUBLISHED] ?
		 "公開済み " : "未公開（公開の記録がありません）",
		 p->done[PACK_PUBLISHED] ? s->published : "");
	snprintf(p->brief[PACK_PUBLISHED], sizeof p->brief[0], "公開: %s",
		 p->done[PACK_PUBLISHED] ? "済み" : "記録なし");
	if (!p->done[PACK_DIAGNOSIS])
		lack[n++] = "自社診断の全問回答";
	if (!p->done[PACK_DRAFTED])
		lack[n++] = "基本方針の作成";
	if (!p->done[PACK_PUBLISHED])
		lack[n++] = "基本方針の公開";
	if (n == 0) {
		snprintf(p->summary, sizeof p->summary,
			 "★★（二つ星）の宣言に必要な取り組みがそろっています。"
			 "IPAのSECURITY ACTIONサイトから自己宣言できます。");
		return;
	}
	snprintf(p->summary, sizeof p->summary,
		 "★★（二つ星）の宣言には、あと");
	for (i = 0; i < n; i++) {
		strncat(p->summary, lack[i],
			sizeof p->summary - strlen(p->summary) - 1);
		if (i + 1 < n)
			strncat(p->summary, "・",
				sizeof p->summary - strlen(p->summary) - 1);
	}
	strncat(p->summary, "が必要です。",
		sizeof p->summary - strlen(p->summary) - 1);
}
