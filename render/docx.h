#ifndef SHINDAN_RENDER_DOCX_H
#define SHINDAN_RENDER_DOCX_H
/*
 * A minimal WordprocessingML document (.docx) that Word opens: the
 * package parts ([Content_Types].xml, _rels/.rels, the document's
 * relationships), word/styles.xml with a Japanese font and A4 margins,
 * and word/document.xml made of the paragraphs given.  Written with
 * minizip's zip API; every text is XML-escaped.
 */
#include "html.h"
#include "out.h"

enum docx_style {
	DOCX_BODY,		/* Normal */
	DOCX_TITLE,		/* Title: large, centred */
	DOCX_HEADING,		/* Heading1: bold */
	DOCX_RIGHT,		/* Normal, right-aligned */
	DOCX_NOTE,		/* small, grey */
};

/* Append a paragraph of text (escaped) in style to the body b. */
void docx_para(struct html_buf *b, enum docx_style style, const char *text);
/*
 * Write the document whose body paragraphs are b (from docx_para) as rel
 * inside d.  Returns 0, or -1 after saying why.
 */
int docx_write(const struct out_dir *d, const char *rel,
	       const struct html_buf *b);
#endif
