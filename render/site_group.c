/*
 * The drill-down pages of the site: groups/ind-<code>.html for each
 * industry and groups/star-<level>.html for each star level, with the
 * group's statistics, its score bands, its breakdown by the other
 * dimension and by size, and its implemented rate per question.  Read
 * from group_stats and question_stats only, so that they show group
 * figures and nothing of a single company: --share writes them too.  A
 * suppressed group (n below the run's minimum) shows "n<MIN" and never a
 * value, here and in every breakdown.  With --share a breakdown whose
 * hidden rows add up to fewer than the minimum hides its smallest shown
 * rows too, so that no suppressed group can be recomputed from its
 * parent's figures and its siblings' (secondary suppression).
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalogue.h"
#include "db.h"
#include "err.h"
#include "figures.h"
#include "html.h"
#include "labels.h"
#include "score.h"
#include "site.h"
#include "size.h"
#include "suppress.h"

struct gstat {
	char ind[16], size[16], star[16];
	long long n, n_incomplete;
	int has[8];			/* mean sd median p25 p75 min max */
	double v[8];
	long long band[NBANDS];
	int suppressed;
};

struct groups {
	struct gstat *g;
	int n;
	/* implemented_rate and below_overall per question, for the groups
	 * with a page and for all companies, by index into g */
	double (*rate)[NQUESTIONS];
	int (*has_rate)[NQUESTIONS], (*below)[NQUESTIONS];
};

static const char *const stars[] = { "two", "one", "none", "unknown" };

static const struct gstat *
find(const struct groups *gs, const char *ind, const char *size,
     const char *star)
{
	int i;

	for (i = 0; i < gs->n; i++)
		if (!strcmp(gs->g[i].ind, ind) && !strcmp(gs->g[i].size, size) &&
		    !strcmp(gs->g[i].star, star))
			return &gs->g[i];
	return NULL;
}

static void
cpy(char *dst, size_t n, sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);

	snprintf(dst, n, "%s", v ? v : "");
}

static int
load(struct groups *gs, sqlite3 *db, long long run_id)
{
	sqlite3_stmt *st;
	int rc, cap = 0, i;

	if (db_prepare(db, &st, "SELECT industry_code, size_class, star_level,"
		       " n, n_incomplete, mean, sd, median, p25, p75, min, max,"
		       " band_100, band_70_99, band_50_69, band_le49, suppressed"
		       " FROM group_stats WHERE run_id = ?1"
		       " AND (size_class = '*' OR star_level = '*'"
		       " OR industry_code = '*')"
		       " ORDER BY industry_code, size_class, star_level"))
		return -1;
	sqlite3_bind_int64(st, 1, run_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct gstat *g;

		if (gs->n == cap) {
			cap = cap ? 2 * cap : 64;
			gs->g = xrealloc(gs->g, cap * sizeof *gs->g);
		}
		g = &gs->g[gs->n++];
		memset(g, 0, sizeof *g);
		cpy(g->ind, sizeof g->ind, st, 0);
		cpy(g->size, sizeof g->size, st, 1);
		cpy(g->star, sizeof g->star, st, 2);
		g->n = sqlite3_column_int64(st, 3);
		g->n_incomplete = sqlite3_column_int64(st, 4);
		for (i = 0; i < 7; i++) {
			g->has[i] = sqlite3_column_type(st, 5 + i) !=
				    SQLITE_NULL;
			g->v[i] = sqlite3_column_double(st, 5 + i);
		}
		for (i = 0; i < NBANDS; i++)
			g->band[i] = sqlite3_column_int64(st, 12 + i);
		g->suppressed = sqlite3_column_int(st, 16) != 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(db));
	if (!gs->n)
		return 0;
	gs->rate = xcalloc(gs->n, sizeof *gs->rate);
	gs->has_rate = xcalloc(gs->n, sizeof *gs->has_rate);
	gs->below = xcalloc(gs->n, sizeof *gs->below);
	if (db_prepare(db, &st, "SELECT industry_code, size_class, star_level,"
		       " question_no, implemented_rate, below_overall"
		       " FROM question_stats WHERE run_id = ?1"
		       " AND size_class = '*'"
		       " AND (industry_code = '*' OR star_level = '*')"))
		return -1;
	sqlite3_bind_int64(st, 1, run_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char ind[16], size[16], star[16];
		const struct gstat *g;
		int q = sqlite3_column_int(st, 3) - 1;

		cpy(ind, sizeof ind, st, 0);
		cpy(size, sizeof size, st, 1);
		cpy(star, sizeof star, st, 2);
		if (q < 0 || q >= NQUESTIONS || !(g = find(gs, ind, size, star)))
			continue;
		i = (int)(g - gs->g);
		gs->has_rate[i][q] = sqlite3_column_type(st, 4) != SQLITE_NULL;
		gs->rate[i][q] = sqlite3_column_double(st, 4);
		gs->below[i][q] = sqlite3_column_int(st, 5);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(db));
	return 0;
}

static void
groups_free(struct groups *gs)
{
	free(gs->g);
	free(gs->rate);
	free(gs->has_rate);
	free(gs->below);
}

/* A code usable in a file name: [A-Za-z0-9_] only, short. */
static int
code_ok(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > 12)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' &&
		      s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		      s[i] == '_'))
			return 0;
	return 1;
}

static int
shown(const struct gstat *g)
{
	return g && !g->suppressed && g->n > 0 && g->has[0];
}

#define MAXROWS 32		/* rows of a breakdown: industries + 1 */

/*
 * Which of the n rows of a breakdown to hide: the suppressed ones, and
 * with --share the ones hidden so that no suppressed group can be
 * recomputed (suppress.h decides for the whole site at once).  hide gets
 * 1 (suppressed) or 2 (hidden to protect them).
 */
static void
protect(const struct site *s, const struct gstat *const *rows, int n,
	int *hide)
{
	int i;

	for (i = 0; i < n; i++)
		hide[i] = !rows[i] ? 0 : !shown(rows[i]) ? 1 :
			  s->supp && supp_hide(s->supp, rows[i]->ind,
					       rows[i]->size, rows[i]->star) ==
			  SUPP_PROTECT ? 2 : 0;
}

/* "n" and "mean" cells of g, or n<MIN across both. */
static void
n_mean_cells(const struct site *s, struct out_file *f, const struct gstat *g,
	     int hide)
{
	char n1[LABEL_COUNT_SIZE];

	if (hide == 2)
		out_puts(f, "<td class=\"num\" data-label=\"回答社数\">秘匿</td>"
			 "<td class=\"num\" data-label=\"平均点\">—</td>");
	else if (!g)
		out_puts(f, "<td class=\"num\" data-label=\"回答社数\">0社</td>"
			 "<td class=\"num\" data-label=\"平均点\">—</td>");
	else if (!shown(g))
		out_printf(f, "<td class=\"num\" data-label=\"回答社数\">"
			   "n&lt;%d</td><td class=\"num\" data-label=\"平均点\">"
			   "—</td>", s->run->min_group);
	else
		out_printf(f, "<td class=\"num\" data-label=\"回答社数\">%s社"
			   "</td><td class=\"num\" data-label=\"平均点\">%.1f点"
			   "</td>", label_count(g->n, n1, sizeof n1), g->v[0]);
}

/* The 100 % bar of g's bands and its legend (g shown). */
static void
band_bar(struct out_file *f, const struct gstat *g)
{
	char n1[LABEL_COUNT_SIZE];
	long long tot = 0;
	int b;

	for (b = 0; b < NBANDS; b++)
		tot += g->band[b];
	if (tot <= 0)
		return;
	out_puts(f, "<div class=\"bands\" role=\"img\" aria-label=\"点数帯の構成"
		 "\">");
	for (b = 0; b < NBANDS; b++)
		if (g->band[b])
			out_printf(f, "<span class=\"band%d\" style=\"width:%.1f%%"
				   "\"></span>", b, 100.0 * g->band[b] / tot);
	out_puts(f, "</div>\n<ul class=\"legend\">");
	for (b = 0; b < NBANDS; b++)
		out_printf(f, "<li><span class=\"key band%d\"></span>%s %s社"
			   "（%.0f%%）</li>", b, label_band(b),
			   label_count(g->band[b], n1, sizeof n1),
			   100.0 * g->band[b] / tot);
	out_puts(f, "</ul>\n");
}

static void
stats_table(struct out_file *f, const struct gstat *g, const struct gstat *all)
{
	static const char *const head[7] = {
		"平均点", "標準偏差", "中央値", "第1四分位", "第3四分位", "最低",
		"最高"
	};
	char n1[LABEL_COUNT_SIZE];
	int i;

	out_printf(f, "<table class=\"stats\"><tbody>\n<tr><th>回答社数</th>"
		   "<td class=\"num\">%s社</td></tr>\n",
		   label_count(g->n, n1, sizeof n1));
	for (i = 0; i < 7; i++) {
		out_printf(f, "<tr><th>%s</th><td class=\"num\">", head[i]);
		if (g->has[i])
			out_printf(f, i < 5 ? "%.1f" : "%.0f", g->v[i]);
		else
			out_puts(f, "—");
		if (i == 0 && shown(all) && all != g)
			out_printf(f, "（全体 %.1f）", all->v[0]);
		out_puts(f, "</td></tr>\n");
	}
	out_printf(f, "<tr><th>回答に欠けのある会社</th><td class=\"num\">%s社"
		   "（集計外）</td></tr>\n</tbody></table>\n",
		   label_count(g->n_incomplete, n1, sizeof n1));
}

static void
questions(struct out_file *f, const struct groups *gs, const struct gstat *g,
	  const struct gstat *all)
{
	int i = (int)(g - gs->g), a = all ? (int)(all - gs->g) : -1, q;

	out_puts(f, "<h2>設問別の実施率</h2>\n<table class=\"answers\"><thead>"
		 "<tr><th>設問</th><th>実施率</th><th class=\"num\">全体</th>"
		 "</tr></thead>\n<tbody>\n");
	for (q = 0; q < NQUESTIONS; q++) {
		double pc = 100 * gs->rate[i][q];

		out_printf(f, "<tr%s><td data-label=\"設問\">Q%d ",
			   gs->below[i][q] ? " class=\"weak\"" : "", q + 1);
		html_text(f, catalogue_question(q + 1)->label);
		out_puts(f, "</td><td data-label=\"実施率\">");
		if (gs->has_rate[i][q])
			out_printf(f, "<span class=\"bar\"><span style=\"width:"
				   "%.0f%%\"></span></span> %.0f%%", pc, pc);
		else
			out_puts(f, "—");
		if (gs->below[i][q])
			out_puts(f, " <span class=\"tag\">全体より低い</span>");
		out_puts(f, "</td><td class=\"num\" data-label=\"全体\">");
		if (a >= 0 && gs->has_rate[a][q])
			out_printf(f, "%.0f%%", 100 * gs->rate[a][q]);
		out_puts(f, "</td></tr>\n");
	}
	out_puts(f, "</tbody></table>\n<p class=\"small\">全体より低い: 95%"
		 "信頼区間の上限でも全体の実施率に届かない設問。</p>\n");
}

/* Rows of a breakdown table: one per value of the other dimension. */
static void
breakdown(const struct site *s, struct out_file *f, const struct groups *gs,
	  const struct gstat *g, int by_star)
{
	const struct gstat *rows[MAXROWS] = { 0 };
	char buf[96];
	int hide[MAXROWS], i, n = 0;

	out_printf(f, "<h2>%s別</h2>\n<table class=\"cmp\"><thead><tr><th>%s"
		   "</th><th class=\"num\">回答社数</th><th class=\"num\">平均点"
		   "</th></tr></thead>\n<tbody>\n", by_star ? "宣言段階" : "業種",
		   by_star ? "宣言段階" : "業種");
	for (i = 0; i < gs->n && n < MAXROWS; i++) {
		const struct gstat *x = &gs->g[i];

		if (strcmp(x->size, "*"))
			continue;
		if (by_star ? strcmp(x->ind, g->ind) || !strcmp(x->star, "*") :
		    strcmp(x->star, g->star) || !strcmp(x->ind, "*"))
			continue;
		rows[n++] = x;
	}
	protect(s, rows, n, hide);
	for (i = 0; i < n; i++) {
		out_puts(f, "<tr><td>");
		html_text(f, by_star ? fig_star_label(rows[i]->star) :
			  label_industry(rows[i]->ind, buf, sizeof buf));
		out_puts(f, "</td>");
		n_mean_cells(s, f, rows[i], hide[i]);
		out_puts(f, "</tr>\n");
	}
	out_puts(f, "</tbody></table>\n<h2>従業員規模別</h2>\n<table class=\"cmp\">"
		 "<thead><tr><th>規模</th><th class=\"num\">回答社数</th>"
		 "<th class=\"num\">平均点</th></tr></thead>\n<tbody>\n");
	for (i = 0, n = 0; i <= SIZE_NCLASSES; i++) {
		const char *sz = i < SIZE_NCLASSES ? size_classes[i] : "unknown";

		rows[n] = find(gs, g->ind, sz, g->star);
		if (rows[n])
			n++;
	}
	protect(s, rows, n, hide);
	for (i = 0; i < n; i++) {
		out_printf(f, "<tr><td>%s</td>", label_size(rows[i]->size));
		n_mean_cells(s, f, rows[i], hide[i]);
		out_puts(f, "</tr>\n");
	}
	out_puts(f, "</tbody></table>\n");
}

/* groups/<prefix>-<code>.html for g; label is its title. */
static int
group_page(const struct site *s, const struct groups *gs,
	   const struct gstat *g, int hide, const char *prefix,
	   const char *code, const char *label)
{
	const struct gstat *all = find(gs, "*", "*", "*");
	struct out_file f;
	char rel[64], title[160];

	snprintf(rel, sizeof rel, "groups/%s-%s.html", prefix, code);
	if (out_open(&f, &s->d, rel))
		return -1;
	snprintf(title, sizeof title, "%s（基準日 %s）", label, s->run->as_of);
	site_page_head(s, &f, title, 1);
	out_puts(&f, "<h1>");
	html_text(&f, label);
	out_puts(&f, "</h1>\n");
	if (hide == 2) {
		out_puts(&f, "<p class=\"suppressed\">秘匿: 少数のグループの値を"
			 "ほかの数値から計算できないよう、このグループの数値も表示"
			 "しません。</p>\n");
		site_page_foot(s, &f);
		return out_commit(&f);
	}
	if (!shown(g)) {
		out_printf(&f, "<p class=\"suppressed\">n&lt;%d: 回答社数が%d社"
			   "未満のため、このグループの数値は表示しません。</p>\n",
			   s->run->min_group, s->run->min_group);
		site_page_foot(s, &f);
		return out_commit(&f);
	}
	if (!s->share) {
		out_printf(&f, "<p><a href=\"../index.html#%s=", *prefix == 'i' ?
			   "ind" : "star");
		html_href(&f, code);
		out_puts(&f, "\">このグループの会社を一覧で見る</a></p>\n");
	}
	stats_table(&f, g, all);
	out_puts(&f, "<h2>点数帯の構成</h2>\n");
	band_bar(&f, g);
	breakdown(s, &f, gs, g, *prefix == 'i');
	questions(&f, gs, g, all);
	site_page_foot(s, &f);
	return out_commit(&f);
}

/* One row of index.html's table of groups. */
static void
index_row(const struct site *s, struct out_file *f, const struct gstat *g,
	  int hide, const char *prefix, const char *code, const char *label)
{
	out_printf(f, "<tr><td><a href=\"groups/%s-", prefix);
	html_href(f, code);
	out_puts(f, ".html\">");
	html_text(f, label);
	out_puts(f, "</a></td>");
	n_mean_cells(s, f, g, hide);
	out_puts(f, "</tr>\n");
}

/*
 * Remove the pages in groups/ that this render did not write (an
 * industry no longer in the run); written holds the n names written.
 */
static void
remove_other_pages(const struct site *s, char (*written)[32], int n)
{
	int fd = openat(s->d.fd, "groups", O_RDONLY | O_DIRECTORY |
			O_NOFOLLOW | O_CLOEXEC);
	struct dirent *e;
	DIR *dp;
	int i;

	if (fd < 0)
		return;
	if (!(dp = fdopendir(fd))) {
		close(fd);
		return;
	}
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		for (i = 0; i < n && strcmp(written[i], e->d_name); i++)
			;
		if (i == n)
			unlinkat(dirfd(dp), e->d_name, 0);
	}
	closedir(dp);
}

int
site_group_pages(const struct site *s, struct out_file *f)
{
	char written[2 * MAXROWS][32];
	int nwritten = 0;
	static const char head[] = "<table class=\"cmp\"><thead><tr><th>%s</th>"
		"<th class=\"num\">回答社数</th><th class=\"num\">平均点</th>"
		"</tr></thead>\n<tbody>\n";
	const struct gstat *rows[MAXROWS] = { 0 };
	struct groups gs = { 0 };
	char buf[96];
	int hide[MAXROWS], i, n = 0, rc = 0;

	if (load(&gs, s->db, s->run->run_id)) {
		groups_free(&gs);
		return -1;
	}
	out_puts(f, "<h2>業種別・宣言段階別</h2>\n<div class=\"cols\"><div>\n");
	n = 0;
	out_printf(f, head, "業種");
	for (i = 0; i < gs.n && n < MAXROWS; i++) {
		const struct gstat *g = &gs.g[i];

		if (strcmp(g->size, "*") || strcmp(g->star, "*") ||
		    !strcmp(g->ind, "*") || !code_ok(g->ind))
			continue;
		rows[n++] = g;
	}
	protect(s, rows, n, hide);
	for (i = 0; i < n && rc == 0; i++) {
		label_industry(rows[i]->ind, buf, sizeof buf);
		index_row(s, f, rows[i], hide[i], "ind", rows[i]->ind, buf);
		rc = group_page(s, &gs, rows[i], hide[i], "ind", rows[i]->ind,
				buf);
		snprintf(written[nwritten++], sizeof written[0], "ind-%s.html",
			 rows[i]->ind);
	}
	out_puts(f, "</tbody></table>\n</div><div>\n");
	out_printf(f, head, "宣言段階");
	for (i = 0, n = 0; i < 4; i++)
		if ((rows[n] = find(&gs, "*", "*", stars[i])) != NULL)
			n++;
	protect(s, rows, n, hide);
	for (i = 0; i < n && rc == 0; i++) {
		const char *label = fig_star_label(rows[i]->star);

		index_row(s, f, rows[i], hide[i], "star", rows[i]->star, label);
		rc = group_page(s, &gs, rows[i], hide[i], "star",
				rows[i]->star, label);
		snprintf(written[nwritten++], sizeof written[0],
			 "star-%s.html", rows[i]->star);
	}
	out_puts(f, "</tbody></table>\n</div></div>\n");
	if (rc == 0)
		remove_other_pages(s, written, nwritten);
	groups_free(&gs);
	return rc;
}
