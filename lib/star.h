#ifndef SHINDAN_STAR_H
#define SHINDAN_STAR_H
/*
 * SECURITY ACTION star level: "two", "one", "none" or "unknown".
 */

/* The levels by number (a star count, then unknown): star_level_name. */
enum star_level { STAR_NONE, STAR_ONE, STAR_TWO, STAR_UNKNOWN, STAR_NLEVELS };

/*
 * Parse a star cell: ★★ / 二つ星 / 2 → "two"; ★ / 一つ星 / 1 → "one";
 * なし / 未宣言 / 0 → "none"; blank / 不明 → "unknown".  Returns 0 and
 * sets *level to a static string, or -1 and sets *why for anything else
 * (e.g. "★★★").
 */
int star_parse(const char *raw, const char **level, const char **why);
/* Japanese label of a level: "★★ 二つ星", "★ 一つ星", "宣言なし", "不明". */
const char *star_label(const char *level);
/* The level's word ("none", "one", "two", "unknown"), "" otherwise. */
const char *star_level_name(int level);
#endif
