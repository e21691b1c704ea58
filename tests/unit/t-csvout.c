/*
 * Unit tests of lib/csvout.c: the bytes Excel gets (BOM, CRLF, quoting)
 * and which cells are neutralised as formulas.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvout.h"
#include "tap.h"

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	static char buf[4096];

	*len = fp ? fread(buf, 1, sizeof buf - 1, fp) : 0;
	buf[*len] = '\0';
	if (fp)
		fclose(fp);
	return buf;
}

int
main(void)
{
	char dir[] = "/tmp/t-csvout.XXXXXX", path[64];
	static const char want[] =
		"\xef\xbb\xbf" "業種,\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\"\r\n"
		"\"'=HYPERLINK(\"\"x\"\")\",-1.5,'-1-1,'@SUM(A1),'+A1,+3,"
		"\"'=1,2\",'\t1,'-,1e5,42,0.25,\r\n";
	struct csvout c;
	struct stat sb;
	size_t len;
	char *got;

	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/out.csv", dir);
	TAP_INT(csvout_open(&c, path), 0, "open");
	TAP_INT(access(path, F_OK), -1, "nothing at the final name yet");
	csvout_text(&c, "業種");
	csvout_text(&c, "a,b");
	csvout_text(&c, "say \"hi\"");
	csvout_text(&c, "x\r\ny");
	csvout_endrow(&c);
	csvout_text(&c, "=HYPERLINK(\"x\")");
	csvout_text(&c, "-1.5");
	csvout_text(&c, "-1-1");
	csvout_text(&c, "@SUM(A1)");
	csvout_text(&c, "+A1");
	csvout_text(&c, "+3");
	csvout_text(&c, "=1,2");
	csvout_text(&c, "\t1");
	csvout_text(&c, "-");
	csvout_text(&c, "1e5");
	csvout_int(&c, 42);
	csvout_real(&c, 0.25, 2);
	csvout_text(&c, NULL);
	csvout_endrow(&c);
	TAP_INT(csvout_commit(&c), 0, "commit");
	got = slurp(path, &len);
	TAP_INT(len, sizeof want - 1, "file length");
	TAP_OK(memcmp(got, want, sizeof want - 1) == 0,
	       "BOM, CRLF, quoting and neutralised formulas");
	if (memcmp(got, want, sizeof want - 1) != 0)
		printf("# got: %s\n", got);
	TAP_INT(stat(path, &sb), 0, "file exists");
	TAP_INT(sb.st_mode & 0777, 0600, "created 0600");

	TAP_INT(csvout_is_formula("-12", 3), 0, "-12 is a number");
	TAP_INT(csvout_is_formula("-.5", 3), 0, "-.5 is a number");
	TAP_INT(csvout_is_formula("-", 1), 1, "a lone minus is neutralised");
	TAP_INT(csvout_is_formula("-1e", 3), 1, "-1e is not a number");
	TAP_INT(csvout_is_formula("\rx", 2), 1, "leading CR neutralised");
	TAP_INT(csvout_is_formula("a=1", 3), 0, "= inside is fine");

	TAP_INT(csvout_open(&c, path), 0, "open again");
	csvout_text(&c, "half");
	csvout_abort(&c);
	got = slurp(path, &len);
	TAP_INT(len, sizeof want - 1, "abort leaves the old file alone");
	unlink(path);
	TAP_INT(rmdir(dir), 0, "abort leaves no temporary file");
	return tap_done();
}
