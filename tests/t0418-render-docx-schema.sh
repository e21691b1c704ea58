#!/bin/sh
# The .docx of render --policy, checked as Word would read it: its
# word/document.xml is valid against a reviewed XSD of the
# WordprocessingML subset the writer emits (tests/data/wml-subset.xsd),
# [Content_Types].xml and the relationship parts are well-formed, every
# relationship and override names a part that is there, and every part
# has a content type.  Broken copies show that each check can fail.
. "$(dirname "$0")/lib.sh"
need unzip
need xmllint
. "$DATA/pack-fixture.sh"
pack_fixture
XSD=$DATA/wml-subset.xsd

run_status "$RENDER" --db shindan.db --out rep --policy -j 1
is "$status" 0 "render --policy exits 0"
n=0
for f in rep/pack/*-policy.docx; do
	n=$((n + 1))
	mkdir "x$n"
	(cd "x$n" && unzip -q "../$f")
done
is "$n" 3 "three documents"

# values of attribute ATTR of elements NAME in FILE, one a line
attrs() {
	xmllint --xpath "//*[local-name()=\"$2\"]/@$3" "$1" 2>/dev/null |
		sed -n 's/^ *[A-Za-z]*="\(.*\)"$/\1/p'
}

# package_problems DIR: what is wrong with the package unpacked in DIR
# (nothing when it is sound)
package_problems() {
	(
		cd "$1" || exit 1
		for p in '[Content_Types].xml' _rels/.rels \
		    word/_rels/document.xml.rels; do
			xmllint --noout "$p" 2>/dev/null ||
				echo "$p: not well-formed"
		done
		attrs _rels/.rels Relationship Target | while read -r t; do
			test -f "$t" || echo "_rels/.rels: no part $t"
		done
		attrs word/_rels/document.xml.rels Relationship Target |
		    while read -r t; do
			test -f "word/$t" ||
				echo "document.xml.rels: no part word/$t"
		done
		attrs '[Content_Types].xml' Override PartName | while read -r t; do
			test -f ".$t" || echo "override of a missing part $t"
		done
		exts=$(attrs '[Content_Types].xml' Default Extension)
		find . -type f | sed 's,^\./,,' |
		    grep -vxF '[Content_Types].xml' | while read -r p; do
			attrs '[Content_Types].xml' Override PartName |
				grep -qxF "/$p" && continue
			printf '%s\n' "$exts" | grep -qxF "${p##*.}" ||
				echo "$p: no content type"
		done
	)
}

i=1
while [ $i -le $n ]; do
	check "document $i: document.xml is valid WordprocessingML" \
		sh -c 'xmllint --noout --schema "$1" "$2" 2>/dev/null' - \
		"$XSD" "x$i/word/document.xml"
	is "$(package_problems "x$i")" "" "document $i: the package is sound"
	i=$((i + 1))
done
is "$(attrs x1/_rels/.rels Relationship Type)" \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
	"the package points at its main document"

# broken copies fail
schema_fails() {
	! xmllint --noout --schema "$XSD" "$1" 2>/dev/null
}
doc=x1/word/document.xml
sed 's,<w:pPr><w:jc w:val="right"/></w:pPr>\(<w:r>.*</w:r>\)</w:p>,\1<w:pPr><w:jc w:val="right"/></w:pPr></w:p>,' \
	"$doc" >pprlast.xml
check "the edit took" sh -c '! cmp -s "$1" "$2"' - "$doc" pprlast.xml
check "a pPr after its runs is invalid" schema_fails pprlast.xml
sed 's,w:val="right",w:val="rechts",' "$doc" >jc.xml
check "an alignment Word does not know is invalid" schema_fails jc.xml
sed 's,<w:t xml:space="preserve">,<w:text>,; s,</w:t></w:r>,</w:text></w:r>,' \
	"$doc" >text.xml
check "an unknown element is invalid" schema_fails text.xml
sed 's,<w:sectPr>.*</w:sectPr>,,; s,</w:body>,<w:sectPr/></w:body><w:p/>,' \
	"$doc" >tail.xml
check "content after the body is invalid" schema_fails tail.xml
sed 's, w:gutter="0",,' "$doc" >mar.xml
check "page margins without gutter are invalid" schema_fails mar.xml
sed 's,<w:body>,<w:body><w:p>,' "$doc" >open.xml
check "an unclosed paragraph is not even well-formed" schema_fails open.xml

cp -r x1 y
rm y/word/styles.xml
is "$(package_problems y)" "document.xml.rels: no part word/styles.xml
override of a missing part /word/styles.xml" "a missing part is found"
cp -r x1 z
echo x >z/word/extra.bin
is "$(package_problems z)" "word/extra.bin: no content type" \
	"a part without a content type is found"
printf '<Types' >'z/[Content_Types].xml'
like "$(package_problems z)" '^\[Content_Types\]\.xml: not well-formed$' \
	"a broken content-types part is found"
done_testing
