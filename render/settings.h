#ifndef SHINDAN_RENDER_SETTINGS_H
#define SHINDAN_RENDER_SETTINGS_H
/*
 * The per-company settings file of render --settings FILE: what the
 * survey does not ask but the ★★ pack needs, one company per line.  A
 * UTF-8 TSV file (a BOM and CR line ends are fine) whose first line names
 * the columns, in any order:
 *
 *   company_key	the company, as in the database (required)
 *   title		the representative's title (代表取締役)
 *   representative	the representative's name
 *   established	the policy's 制定日, YYYY-MM-DD
 *   revised		the policy's 改定日, YYYY-MM-DD, not before established
 *   published		where or when the policy was published (a date or a
 *			URL); any value marks the policy published
 *   engaged		the day the engagement began, YYYY-MM-DD: the site's
 *			page of the company compares its answers as of that
 *			day with the run's (compare.h)
 *
 * Other columns are ignored; empty cells are as if absent.
 */

struct settings_row {
	char *company_key, *title, *representative, *established, *published;
	char *revised, *engaged;
};

struct settings {
	struct settings_row *rows;
	int n;
};

/*
 * Read path into a new *out.  Returns 0; 1 when the file cannot be read;
 * 2, a usage error, when what it holds is wrong (no company_key column,
 * a bad date, a company twice, not UTF-8): each after saying why, naming
 * the line (and the column of a bad date).
 */
int settings_load(struct settings **out, const char *path);
/* The row of company_key, or NULL (also when s is NULL). */
const struct settings_row *settings_find(const struct settings *s,
					 const char *company_key);
/* Does any company of s (NULL: none) have an engaged day? */
int settings_engaged(const struct settings *s);
void settings_free(struct settings *s);
#endif
