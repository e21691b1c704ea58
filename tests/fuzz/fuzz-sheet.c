/*
 * Fuzz target: the sheet reader (xlsx.c) on any XML.  The input becomes
 * one part of an otherwise sound workbook, written with minizip to a
 * temporary file: the first byte picks which part (the sheet, the shared
 * strings, the styles or the workbook itself), the rest is its text.
 * Every row the reader gives must be whole (fields NUL-terminated, as
 * long as lens says, as many as nfields) and every failure must come
 * with a message.
 */
#include <stdio.h>
#include <unistd.h>

#include <zip.h>

#include "fuzz.h"
#include "xlsx.h"
#include "zipin.h"

static char path[64];

static const char workbook[] =
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
	"2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
	"officeDocument/2006/relationships\"><sheets><sheet name=\"S\" "
	"sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char sheet[] =
	"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
	"<c r=\"B1\" s=\"1\"><v>45306.5</v></c></row></sheetData></worksheet>";
static const char sst[] = "<sst><si><t>Q1</t></si></sst>";
static const char styles[] =
	"<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"22\"/>"
	"</cellXfs></styleSheet>";

int
LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");
	int fd;

	(void)argc;
	(void)argv;
	snprintf(path, sizeof path, "%.40s/fuzz-sheet.XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		abort();
	close(fd);
	return 0;
}

static void
part(zipFile zf, const char *name, const void *p, size_t n)
{
	zip_fileinfo zi;

	memset(&zi, 0, sizeof zi);
	if (zipOpenNewFileInZip(zf, name, &zi, NULL, 0, NULL, 0, NULL, 0, 0)
	    != ZIP_OK || zipWriteInFileInZip(zf, p, (unsigned)n) != ZIP_OK ||
	    zipCloseFileInZip(zf) != ZIP_OK)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {
		"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
		"xl/styles.xml", "xl/workbook.xml",
	};
	const char *texts[] = { sheet, sst, styles, workbook };
	struct zipin *z;
	struct xlsx *x;
	struct record *rec;
	char why[512];
	zipFile zf;
	size_t i, k;
	int rc, which;

	if (size < 1)
		return 0;
	err_verbosity = -1;
	which = data[0] & 3;
	if (!(zf = zipOpen(path, APPEND_STATUS_CREATE)))
		abort();
	for (i = 0; i < 4; i++)
		if ((int)i == which)
			part(zf, names[i], data + 1, size - 1);
		else
			part(zf, names[i], texts[i], strlen(texts[i]));
	if (zipClose(zf, NULL) != ZIP_OK)
		abort();
	if (!(z = zipin_open(path, why)))
		abort();	/* minizip wrote it */
	if (!(x = xlsx_open(z, why))) {
		if (!*why)
			abort();
		zipin_close(z);
		return 0;
	}
	for (i = 0; i < xlsx_sheets(x); i++) {
		if (xlsx_start(x, i, data[0] & 4))
			continue;
		xlsx_pad(x, data[0] >> 4);
		while ((rc = xlsx_next(x, &rec)) == 1)
			for (k = 0; k < rec->nfields; k++)
				if (strlen(rec->fields[k]) > rec->lens[k] ||
				    rec->fields[k][rec->lens[k]] != '\0')
					abort();
		if (rc < 0 && !*xlsx_why(x))
			abort();
		xlsx_stop(x);
	}
	xlsx_free(x);
	zipin_close(z);
	return 0;
}
