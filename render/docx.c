/*
 * The .docx writer (see docx.h).  Only the parts Word needs: no theme,
 * settings or font table, which Word supplies.  Members carry a fixed
 * date, so the same document gives the same bytes.
 */
#include <string.h>

#include <zip.h>

#include "docx.h"
#include "err.h"

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define OFFICE_REL \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char content_types[] = XML_DECL
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	"content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/"
	"vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"</Types>";

static const char package_rels[] = XML_DECL
	"<Relationships xmlns=\"" REL_NS "\">"
	"<Relationship Id=\"rId1\" Type=\"" OFFICE_REL "/officeDocument\" "
	"Target=\"word/document.xml\"/></Relationships>";

static const char document_rels[] = XML_DECL
	"<Relationships xmlns=\"" REL_NS "\">"
	"<Relationship Id=\"rId1\" Type=\"" OFFICE_REL "/styles\" "
	"Target=\"styles.xml\"/></Relationships>";

/* 游明朝 for body text as Japanese Word does; sizes in half-points. */
static const char styles[] = XML_DECL
	"<w:styles xmlns:w=\"" W_NS "\">"
	"<w:docDefaults><w:rPrDefault><w:rPr>"
	"<w:rFonts w:ascii=\"Yu Mincho\" w:hAnsi=\"Yu Mincho\" "
	"w:eastAsia=\"游明朝\" w:cs=\"Times New Roman\"/>"
	"<w:kern w:val=\"2\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"
	"<w:lang w:val=\"en-US\" w:eastAsia=\"ja-JP\"/>"
	"</w:rPr></w:rPrDefault>"
	"<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"300\" "
	"w:lineRule=\"auto\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault>"
	"</w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
	"<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title\">"
	"<w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:spacing w:before=\"240\" w:after=\"360\"/>"
	"<w:jc w:val=\"center\"/></w:pPr>"
	"<w:rPr><w:b/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/></w:rPr>"
	"</w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\">"
	"<w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"60\"/>"
	"<w:outlineLvl w:val=\"0\"/></w:pPr>"
	"<w:rPr><w:b/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr>"
	"</w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Note\">"
	"<w:name w:val=\"Note\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:rPr><w:color w:val=\"666666\"/><w:sz w:val=\"16\"/>"
	"<w:szCs w:val=\"16\"/></w:rPr></w:style>"
	"</w:styles>";

static const char doc_head[] = XML_DECL
	"<w:document xmlns:w=\"" W_NS "\"><w:body>";

/* A4, margins of 25 mm (twentieths of a point). */
static const char doc_tail[] =
	"<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
	"<w:pgMar w:top=\"1418\" w:right=\"1418\" w:bottom=\"1418\" "
	"w:left=\"1418\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
	"</w:sectPr></w:body></w:document>";

void
docx_para(struct html_buf *b, enum docx_style style, const char *text)
{
	static const char *const ppr[] = {
		[DOCX_BODY] = "",
		[DOCX_TITLE] = "<w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>",
		[DOCX_HEADING] = "<w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>",
		[DOCX_RIGHT] = "<w:pPr><w:jc w:val=\"right\"/></w:pPr>",
		[DOCX_NOTE] = "<w:pPr><w:pStyle w:val=\"Note\"/></w:pPr>",
	};

	html_buf_puts(b, "<w:p>");
	html_buf_puts(b, ppr[style]);
	html_buf_puts(b, "<w:r><w:t xml:space=\"preserve\">");
	html_buf_text(b, text);
	html_buf_puts(b, "</w:t></w:r></w:p>");
}

struct parts {
	const struct html_buf *body;
};

static int
member(zipFile zf, const char *name, const char *const *pieces,
       const size_t *lens, int n)
{
	zip_fileinfo zi;
	int i, rc = ZIP_OK;

	memset(&zi, 0, sizeof zi);
	zi.tmz_date.tm_year = 2024;
	zi.tmz_date.tm_mday = 1;
	if (zipOpenNewFileInZip(zf, name, &zi, NULL, 0, NULL, 0, NULL,
				Z_DEFLATED, 6) != ZIP_OK)
		return error("docx: cannot add '%s'", name);
	for (i = 0; i < n && rc == ZIP_OK; i++)
		rc = zipWriteInFileInZip(zf, pieces[i], (unsigned)lens[i]);
	if (zipCloseFileInZip(zf) != ZIP_OK || rc != ZIP_OK)
		return error("docx: cannot write '%s'", name);
	return 0;
}

static int
one(zipFile zf, const char *name, const char *s)
{
	size_t len = strlen(s);

	return member(zf, name, &s, &len, 1);
}

static int
docx_file(const char *path, void *arg)
{
	const struct parts *p = arg;
	zipFile zf = zipOpen64(path, APPEND_STATUS_CREATE);
	const char *body[3] = { doc_head, p->body->p ? p->body->p : "",
				doc_tail };
	size_t lens[3] = { strlen(doc_head), p->body->len, strlen(doc_tail) };
	int rc;

	if (!zf)
		return error("'%s': cannot create the zip:", path);
	/* [Content_Types].xml first, as Word writes it */
	rc = one(zf, "[Content_Types].xml", content_types) ||
	     one(zf, "_rels/.rels", package_rels) ||
	     one(zf, "word/_rels/document.xml.rels", document_rels) ||
	     one(zf, "word/styles.xml", styles) ||
	     member(zf, "word/document.xml", body, lens, 3) ? -1 : 0;
	if (zipClose(zf, NULL) != ZIP_OK && rc == 0)
		rc = error("'%s': cannot finish the zip", path);
	return rc;
}

int
docx_write(const struct out_dir *d, const char *rel, const struct html_buf *b)
{
	struct parts p = { b };

	return out_via_file(d, rel, docx_file, &p);
}
