#!/bin/sh
# Each company's report and site page say plainly where it stands for
# SECURITY ACTION ★★: the diagnosis taken and dated, a policy drafted, a
# policy marked published in the settings file, and what is missing.
# Never 認定.
. "$(dirname "$0")/lib.sh"
need pdftotext
. "$DATA/pack-fixture.sh"
pack_fixture

# readiness PDF: the readiness block of a report, on one line
readiness() {
	pdftotext -raw "$1" - | tr -d '\n' |
		sed 's/.*★★（二つ星）宣言の準備状況//; s/が必要です。.*/が必要です。/;
		     s/取り組みがそろっています。.*/取り組みがそろっています。/'
}

run_status "$RENDER" --db shindan.db --out rep -j 1
is "$status" 0 "render without the pack exits 0"
cd rep/companies || exit 1
is "$(readiness id_M1-*[0-9a-f].pdf)" \
	"✓ 自社診断: 2024年3月20日回答 □ 基本方針: 未作成 □ 公開: 記録なし★★（二つ星）の宣言には、あと基本方針の作成・基本方針の公開が必要です。" \
	"no policy: the diagnosis is dated, policy and publication missing"
# Q7 blank: the diagnosis is not complete
like "$(readiness id_N1-*[0-9a-f].pdf)" \
	"^□ 自社診断: 未回答あり .*あと自社診断の全問回答・基本方針の作成・基本方針の公開が必要です。$" \
	"an incomplete diagnosis is missing too"
h=$(cat id_M1-*[0-9a-f].html)
like "$h" "<li>✓ 自社診断: 実施済み（2024年3月20日回答、25問すべて回答）</li>" \
	"the site page: the diagnosis"
like "$h" "<li>□ 情報セキュリティ基本方針: 未作成</li>" "the site page: no policy"
unlike "$h" "改善計画（PDF）" "no links to a pack not drawn"
cd "$T" || exit 1

printf 'company_key\tpublished\testablished\n' >settings.tsv
printf 'corp:1234567890123\thttps://example.jp/policy\t2026-04-01\n' \
	>>settings.tsv
run_status "$RENDER" --db shindan.db --out rep --plan --policy \
	--settings settings.tsv -j 2
is "$status" 0 "render with the pack exits 0"
cd rep/companies || exit 1
is "$(readiness corp_*[0-9a-f].pdf)" \
	"✓ 自社診断: 2024年3月10日回答 ✓ 基本方針: 2026年4月1日制定 ✓ 公開: 済み★★（二つ星）の宣言に必要な取り組みがそろっています。" \
	"all three: diagnosis, policy established, published"
is "$(readiness id_M1-*[0-9a-f].pdf)" \
	"✓ 自社診断: 2024年3月20日回答 ✓ 基本方針: 下書きあり □ 公開: 記録なし★★（二つ星）の宣言には、あと基本方針の公開が必要です。" \
	"a draft counts as drafted; publication still missing"
h=$(cat corp_*[0-9a-f].html)
like "$h" "<li>✓ 基本方針の公開: 公開済み https://example.jp/policy</li>" \
	"the site page: where it was published"
like "$h" "<strong>★★（二つ星）の宣言に必要な取り組みがそろっています。" \
	"the site page: ready"
h=$(cat id_M1-*[0-9a-f].html)
like "$h" "<li>✓ 情報セキュリティ基本方針: 下書きを作成済み（内容の確認と制定日の記入が必要）</li>" \
	"the site page: a draft"
like "$h" '<a href="\.\./pack/id_M1-[0-9a-f]+-policy.docx">基本方針の下書き（Word）</a>' \
	"the site page links the pack"
cd "$T" || exit 1
is "$(links_ok rep)" "" "every link of the site resolves"
is "$(ls rep/pack | wc -l | tr -d ' ')" 21 "the pack's 21 files"
is "$(ls rep/companies/*.pdf | wc -l | tr -d ' ')" 3 \
	"companies/ keeps one PDF per company"
for f in rep/companies/*.pdf rep/pack/*.pdf; do pdftotext "$f" -; done >all.txt
cat rep/companies/*.html >>all.txt
unlike "$(cat all.txt)" "認定" "never says 認定"

# a later render without the pack leaves the last pack in place
run_status "$RENDER" --db shindan.db --out rep -j 1
is "$(ls rep/pack | wc -l | tr -d ' ')" 21 "a render without the pack keeps it"
like "$(readiness rep/companies/id_M1-*[0-9a-f].pdf)" "✓ 基本方針: 下書きあり" \
	"and the report still counts the draft it finds"
done_testing
