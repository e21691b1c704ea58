/*
 * Unit tests of column recognition: every numbered header form, question
 * texts as exports and consultants retype them, the metadata names of
 * SPEC §2.1, the columns of Google Forms, Microsoft Forms, SurveyMonkey,
 * Qualtrics and LimeSurvey that must stay unrecognised, and --map names.
 */
#include "catalogue.h"
#include "header.h"
#include "tap.h"

struct want {
	const char *cell;
	int field;
};

static void
check_all(const struct want *w, size_t n, const char *what)
{
	size_t i;

	for (i = 0; i < n; i++) {
		double sim = -1;
		int got = header_classify(w[i].cell, &sim);

		TAP_STR(header_field_name(got), header_field_name(w[i].field),
			"%s '%s'", what, w[i].cell);
	}
}

#define CHECK_ALL(table, what) \
	check_all(table, sizeof table / sizeof *table, what)

static void
test_numbered(void)
{
	static const struct want cases[] = {
		{ "Q1", 1 }, { "Q01", 1 }, { "q1", 1 }, { "Ｑ１", 1 },
		{ "問1", 1 }, { "設問1", 1 }, { "No.1", 1 }, { "No1", 1 },
		{ "No. 1", 1 }, { "1", 1 }, { "1.", 1 }, { "１．", 1 },
		{ "【1】", 1 }, { "(1)", 1 }, { "（1）", 1 }, { "[1]", 1 },
		{ "Q1.", 1 }, { "Q1：", 1 }, { " Q7 ", 7 }, { "Q25", 25 },
		{ "問１０", 10 }, { "第3問", 3 }, { "設問 12", 12 },
		{ "1. パソコンやスマホなど情報機器のOSや…", 1 },
		{ "Q1. パソコンやスマホなど情報機器のOSや…", 1 },
		{ "問1 パソコンやスマホなど情報機器のOSや…", 1 },
		{ "Q1 - パソコンやスマホなど情報機器のOSやソフトウェアは"
		  "常に最新の状態にしていますか？", 1 },
		{ "5 - 新たな脅威や攻撃の手口を知り対策を社内共有する"
		  "仕組みはできていますか？", 5 },
		{ "①", 1 }, { "⑳", 20 }, { "㉕", 25 },
		{ "①パソコンやスマホなど情報機器のOSや…", 1 },
		{ "【必須】Q3", 3 }, { "Q4 (必須)", 4 }, { "* Q5", 5 },
		/* the number wins over the text that follows it */
		{ "Q2. パソコンやスマホなど情報機器のOSやソフトウェアは"
		  "常に最新の状態にしていますか？", 2 },
		/* a grid's row decides over the title's numbering */
		{ "1. 基本的対策 [新たな脅威や攻撃の手口を知り対策を社内共有"
		  "する仕組みはできていますか？]", 5 },
		{ "第2部 [3]", 3 },
		/* not question numbers */
		{ "Q26", 0 }, { "26", 0 }, { "0", 0 }, { "Q0", 0 }, { "㉖", 0 },
		{ "QID1", 0 }, { "QID12_TEXT", 0 }, { "1.5", 0 },
		{ "2024/01/15", 0 }, { "1人", 0 }, { "第2部", 0 },
		{ "5分でできる！情報セキュリティ自社診断", 0 },
	};
	double sim = 0;

	CHECK_ALL(cases, "numbered");
	header_classify("Q7", &sim);
	TAP_OK(sim == 1, "a numbered header has similarity 1");
}

static void
test_catalogue_texts(void)
{
	int q;

	for (q = 1; q <= NQUESTIONS; q++) {
		const struct question *qu = catalogue_question(q);
		double sim = 0;

		TAP_INT(header_classify(qu->text, &sim), q,
			"the catalogue's own text of Q%d", q);
		TAP_OK(sim == 1, "exact text of Q%d has similarity 1", q);
		TAP_INT(header_classify(qu->label, NULL), q,
			"our label of Q%d '%s'", q, qu->label);
	}
}

static void
test_retyped(void)
{
	static const struct want cases[] = {
		/* 等 for など, dropped particle, no ？ */
		{ "パソコンやスマホ等の情報機器のOSやソフトウェアは常に最新の"
		  "状態にしていますか", 1 },
		/* スマートフォン, full-width OS, ソフトウエア, note */
		{ "パソコンやスマートフォンなど情報機器のＯＳやソフトウエアは、"
		  "常に最新の状態にしていますか？（必須）", 1 },
		{ "パソコンやスマホなどにウィルス対策ソフトを導入し、ウィルス"
		  "定義ファイルは最新の状態にしていますか", 2 },
		{ "パソコンやスマホなどにはウイルス対策ソフトを導入し、ウイルス"
		  "定義ファイルは最新にしてますか？", 2 },
		/* missing 「」 */
		{ "パスワードは破られにくい長く複雑なパスワードを設定して"
		  "いますか", 3 },
		{ "重要情報に対して適切なアクセス制限を行なっていますか？", 4 },
		/* a heavy rewording of a short question */
		{ "重要な情報に適切なアクセス制限をしていますか", 4 },
		{ "新たな脅威や攻撃の手口を知って対策を社内共有する仕組みは"
		  "出来ていますか", 5 },
		/* 気を付けて, メール for 電子メール */
		{ "メールの添付ファイルや本文中のＵＲＬリンクを介したウイルス"
		  "感染に気を付けていますか", 6 },
		{ "電子メールやFAXの宛先の送信ミスを防ぐ取り組みをしていますか",
		  7 },
		{ "重要情報は電子メール本文に書かず、添付ファイルに書いて"
		  "パスワード等で保護していますか？", 8 },
		/* a typo: 暗合化 */
		{ "無線ＬＡＮを安全に使うために適切な暗合化方式を設定するなどの"
		  "対策をしていますか", 9 },
		{ "インターネットを介したウイルス感染やSNSへの書込みなどの"
		  "トラブルへの対策をしていますか？", 10 },
		/* サーバ for サーバー */
		{ "パソコンやサーバのウイルス感染、故障や誤操作による重要情報の"
		  "消失に備えバックアップを取得していますか？", 11 },
		{ "紛失や盗難を防止するため、重要情報が記載された書類や電子媒体"
		  "は机上に放置せず書庫などに安全に保管していますか", 12 },
		/* とき for 時 */
		{ "重要情報が記載された書類や電子媒体を持ち出すときは、盗難や"
		  "紛失の対策をしていますか？", 13 },
		{ "離席時にパソコンの画面の覗き見や勝手な操作ができないように"
		  "していますか", 14 },
		/* typo 制現, a trailing remark */
		{ "関係者以外の事務所への立ち入りを制現していますか", 15 },
		{ "関係者以外の事務所への立ち入りを制限していますか？"
		  "　※来訪者を含む", 15 },
		{ "退社時にノートパソコンや備品を施錠保管するなどの盗難防止"
		  "対策をしていますか？", 16 },
		{ "事務所が無人になるときに施錠忘れの対策を実施していますか",
		  17 },
		{ "重要情報が記載された書類や重要なデータが保存された媒体を廃棄"
		  "するときは、復元できないようにしていますか？", 18 },
		{ "従業員に守秘義務を理解してもらい、業務上知り得た情報を外部に"
		  "漏らさない等のルールを守らせていますか？", 19 },
		{ "従業員にセキュリティに関する教育や注意換起を行なって"
		  "いますか", 20 },
		{ "重要情報の授受を伴う取引先との契約書に、秘密保持条項を規定"
		  "していますか", 22 },
		{ "セキュリティ事故が発生した場合に備え、緊急時の体制整備や"
		  "対応手順を作成する等準備をしていますか", 24 },
		/* the parenthesis dropped */
		{ "情報セキュリティ対策をルール化し、従業員に明示していますか",
		  25 },
		/* abbreviations */
		{ "OSやソフトウェアを常に最新の状態にしていますか", 1 },
		{ "長く複雑なパスワードを設定していますか", 3 },
		{ "メールの添付ファイルやURLによるウイルス感染に気をつけて"
		  "いますか", 6 },
		{ "メールやFAXの誤送信を防ぐ取り組みをしていますか", 7 },
		{ "無線LANに適切な暗号化方式を設定していますか", 9 },
		{ "事務所への立ち入りを制限していますか", 15 },
		{ "取引先との契約書に秘密保持条項を入れていますか", 22 },
		/* Google Forms grid: "title [row]" */
		{ "情報セキュリティ自社診断 [パソコンやスマホなど情報機器のOSや"
		  "ソフトウェアは常に最新の状態にしていますか？]", 1 },
		{ "5分でできる！情報セキュリティ自社診断 [関係者以外の事務所"
		  "への立ち入りを制限していますか？]", 15 },
	};
	double sim = 0;

	CHECK_ALL(cases, "retyped");
	header_classify(cases[6].cell, &sim);
	TAP_OK(sim > 0.55 && sim < 0.8, "a rewording scores between the "
	       "threshold and 0.8 (got %.3f)", sim);
}

static void
test_not_questions(void)
{
	static const struct want cases[] = {
		{ "パソコンのOS", 0 }, { "パスワード", 0 },
		{ "バックアップ", 0 },
		{ "ウイルス対策ソフト", 0 },
		{ "パスワードを設定していますか", 0 },
		{ "セキュリティ対策で困っていることはありますか？", 0 },
		{ "情報セキュリティに関する相談窓口を知っていますか？", 0 },
		{ "情報セキュリティに関する教育を受けたことがありますか？", 0 },
		{ "その他ご意見があればご記入ください", 0 },
		{ "情報セキュリティ対策に年間いくら投資していますか？", 0 },
		{ "過去1年間にウイルス感染の被害にあったことが"
		  "ありますか？", 0 },
		{ "テレワークを実施していますか？", 0 },
		{ "セキュリティポリシーを策定していますか？", 0 },
		{ "クラウドサービスを利用していますか？", 0 },
		{ "スマホを業務で利用していますか", 0 },
		{ "無線LANを利用していますか", 0 },
		/* not a question, but it does ask for the star level */
		{ "SECURITY ACTIONの二つ星を宣言していますか", FIELD_STAR },
		{ "重要情報の管理者を決めていますか", 0 },
		{ "今回の診断の感想をお聞かせください", 0 },
	};
	double sim = -1;

	CHECK_ALL(cases, "not a question");
	header_classify("パスワード", &sim);
	TAP_OK(sim == 0, "an unrecognised cell has similarity 0");
}

static void
test_ambiguous(void)
{
	static const struct want cases[] = {
		{ "パソコンやスマホなど情報機器のOSやソフトウェアは常に最新の"
		  "状態にしていますか？パソコンやスマホなどにはウイルス対策"
		  "ソフトを導入し、ウイルス定義ファイルは最新の状態にして"
		  "いますか？", FIELD_AMBIGUOUS },
		{ "重要情報が記載された書類や電子媒体を持ち出す時は、盗難や"
		  "紛失の対策をしていますか？ 関係者以外の事務所への立ち入りを"
		  "制限していますか？", FIELD_AMBIGUOUS },
		{ "事務所が無人になる時の施錠忘れ対策を実施していますか？/"
		  "退社時にノートパソコンや備品を施錠保管するなど盗難防止"
		  "対策をしていますか？", FIELD_AMBIGUOUS },
	};

	CHECK_ALL(cases, "glued");
}

static void
test_metadata(void)
{
	static const struct want cases[] = {
		{ "タイムスタンプ", FIELD_TIME }, { "Timestamp", FIELD_TIME },
		{ "回答日時", FIELD_TIME }, { "回答日", FIELD_TIME },
		{ "診断日", FIELD_TIME }, { "実施日", FIELD_TIME },
		{ "完了時刻", FIELD_TIME }, { "Completion time", FIELD_TIME },
		{ "End Date", FIELD_TIME }, { "EndDate", FIELD_TIME },
		{ "submitdate", FIELD_TIME }, { "Date submitted", FIELD_TIME },
		{ "submitted_at", FIELD_TIME },
		{ "ＴＩＭＥＳＴＡＭＰ", FIELD_TIME },
		{ "記入日", FIELD_TIME }, { "記入日時", FIELD_TIME },
		{ "日付", FIELD_TIME }, { "日時", FIELD_TIME },
		{ "提出日", FIELD_TIME }, { "作成日時", FIELD_TIME },
		{ "回答時刻", FIELD_TIME }, { "回答日時（JST）", FIELD_TIME },
		{ "開始時刻", FIELD_TIME_START }, { "Start time", FIELD_TIME_START },
		{ "法人番号", FIELD_CORPNO },
		{ "法人番号（13桁）", FIELD_CORPNO },
		{ "corporate_number", FIELD_CORPNO },
		{ "Corporate Number", FIELD_CORPNO },
		{ "企業ID", FIELD_COMPANY_ID }, { "会社ID", FIELD_COMPANY_ID },
		{ "事業者ＩＤ", FIELD_COMPANY_ID },
		{ "顧客番号", FIELD_COMPANY_ID },
		{ "company_id", FIELD_COMPANY_ID },
		{ "client_id", FIELD_COMPANY_ID },
		{ "会社名", FIELD_COMPANY_NAME },
		{ "企業名", FIELD_COMPANY_NAME },
		{ "事業者名", FIELD_COMPANY_NAME },
		{ "法人名", FIELD_COMPANY_NAME },
		{ "組織名", FIELD_COMPANY_NAME },
		{ "貴社名", FIELD_COMPANY_NAME },
		{ "company", FIELD_COMPANY_NAME },
		{ "Company Name", FIELD_COMPANY_NAME },
		{ "company_name", FIELD_COMPANY_NAME },
		{ "会社名（必須）", FIELD_COMPANY_NAME },
		{ "* 会社名", FIELD_COMPANY_NAME },
		{ "貴社名を入力してください", FIELD_COMPANY_NAME },
		{ "業種", FIELD_INDUSTRY }, { "業種コード", FIELD_INDUSTRY },
		{ "産業分類", FIELD_INDUSTRY }, { "Industry", FIELD_INDUSTRY },
		{ "業種を選択してください", FIELD_INDUSTRY },
		{ "従業員数", FIELD_EMPLOYEES },
		{ "従業員規模", FIELD_EMPLOYEES },
		{ "社員数", FIELD_EMPLOYEES }, { "employees", FIELD_EMPLOYEES },
		{ "従業員数（人）", FIELD_EMPLOYEES },
		{ "SECURITY ACTION", FIELD_STAR },
		{ "セキュリティアクション", FIELD_STAR },
		{ "宣言", FIELD_STAR },
		{ "自己宣言", FIELD_STAR }, { "star", FIELD_STAR },
		{ "star_level", FIELD_STAR }, { "Star Level", FIELD_STAR },
		{ "SECURITY ACTIONの宣言状況", FIELD_STAR },
		{ "SECURITY ACTION（セキュリティ対策自己宣言）の宣言状況を"
		  "教えてください", FIELD_STAR },
		{ "部署", FIELD_DEPARTMENT }, { "部門", FIELD_DEPARTMENT },
		{ "事業所", FIELD_DEPARTMENT }, { "拠点", FIELD_DEPARTMENT },
		{ "department", FIELD_DEPARTMENT },
		{ "部署名", FIELD_DEPARTMENT },
		{ "事業所名", FIELD_DEPARTMENT },
	};

	CHECK_ALL(cases, "metadata");
}

/* The reading of the company name is a field of its own, never the name. */
static void
test_readings(void)
{
	static const struct want cases[] = {
		{ "会社名（フリガナ）", FIELD_COMPANY_READING },
		{ "会社名(ふりがな)", FIELD_COMPANY_READING },
		{ "会社名（カナ）", FIELD_COMPANY_READING },
		{ "会社名(カナ)", FIELD_COMPANY_READING },
		{ "企業名フリガナ", FIELD_COMPANY_READING },
		{ "企業名ﾌﾘｶﾞﾅ", FIELD_COMPANY_READING },
		{ "貴社名（フリガナ）", FIELD_COMPANY_READING },
		{ "会社名のふりがな", FIELD_COMPANY_READING },
		{ "会社名 フリガナ", FIELD_COMPANY_READING },
		{ "＊会社名（フリガナ）", FIELD_COMPANY_READING },
		{ "会社名（フリガナ）（必須）", FIELD_COMPANY_READING },
		{ "フリガナ", FIELD_COMPANY_READING },
		{ "ふりがな", FIELD_COMPANY_READING },
		{ "ヨミガナ", FIELD_COMPANY_READING },
		{ "ﾌﾘｶﾞﾅ", FIELD_COMPANY_READING },
		{ "（フリガナ）", FIELD_COMPANY_READING },
		{ "Company Name (Kana)", FIELD_COMPANY_READING },
		/* the reading of a person or of another field */
		{ "担当者名フリガナ", 0 }, { "氏名（フリガナ）", 0 },
		{ "お名前（ふりがな）", 0 }, { "部署名フリガナ", 0 },
		{ "所在地（カナ）", 0 },
	};

	CHECK_ALL(cases, "reading");
}

static void
test_ignored(void)
{
	static const struct want cases[] = {
		/* Microsoft Forms (開始時刻 and the start dates below are the
		   time only in a file without a completion time) */
		{ "ID", 0 }, { "Id", 0 }, { "開始時刻", FIELD_TIME_START },
		{ "最終変更時刻", 0 },
		{ "メール", 0 }, { "名前", 0 },
		/* Google Forms */
		{ "メールアドレス", 0 },
		/* SurveyMonkey */
		{ "Respondent ID", 0 }, { "Collector ID", 0 },
		{ "Start Date", FIELD_TIME_START },
		{ "IP Address", 0 }, { "Email Address", 0 },
		{ "First Name", 0 },
		{ "Custom Data 1", 0 },
		/* Qualtrics */
		{ "StartDate", FIELD_TIME_START }, { "IPAddress", 0 }, { "Progress", 0 },
		{ "Duration (in seconds)", 0 }, { "Finished", 0 },
		{ "RecordedDate", 0 }, { "ResponseId", 0 },
		/* LimeSurvey */
		{ "id", 0 }, { "lastpage", 0 }, { "startlanguage", 0 },
		{ "startdate", FIELD_TIME_START }, { "datestamp", 0 }, { "Response ID", 0 },
		{ "Date started", 0 }, { "Date last action", 0 },
		/* a second column about the same thing, or something else */
		{ "担当者名フリガナ", 0 }, { "氏名（フリガナ）", 0 },
		{ "ご担当者名（ふりがな）", 0 }, { "部署名（カナ）", 0 },
		{ "業種（その他）", 0 }, { "宣言日", 0 }, { "担当者名", 0 },
		{ "所在地", 0 }, { "電話番号", 0 }, { "備考", 0 },
		{ "ご意見", 0 },
		{ "", 0 }, { "\xe3\x80\x80", 0 },
	};

	CHECK_ALL(cases, "ignored");
}

static void
test_map_names(void)
{
	static const struct want names[] = {
		{ "Q7", 7 }, { "7", 7 }, { "q07", 7 }, { "問7", 7 },
		{ "Q25", 25 },
		{ "time", FIELD_TIME }, { "submitted_at", FIELD_TIME },
		{ "corporate_number", FIELD_CORPNO },
		{ "company_id", FIELD_COMPANY_ID },
		{ "company_name", FIELD_COMPANY_NAME },
		{ "industry", FIELD_INDUSTRY },
		{ "employees", FIELD_EMPLOYEES },
		{ "star_level", FIELD_STAR },
		{ "department", FIELD_DEPARTMENT },
		{ "company_reading", FIELD_COMPANY_READING },
		{ "会社名フリガナ", FIELD_COMPANY_READING },
		{ "担当者名フリガナ", -2 },
		{ "ignore", FIELD_NONE }, { "none", FIELD_NONE },
		{ "会社名", FIELD_COMPANY_NAME }, { "TIME", FIELD_TIME },
		{ "Q26", -2 }, { "Q7 パソコン", -2 }, { "ambiguous", -2 },
		{ "foo", -2 }, { "", -2 },
	};
	static const int fields[] = {
		FIELD_TIME, FIELD_CORPNO, FIELD_COMPANY_ID, FIELD_COMPANY_NAME,
		FIELD_INDUSTRY, FIELD_EMPLOYEES, FIELD_STAR, FIELD_DEPARTMENT,
		FIELD_COMPANY_READING, FIELD_NONE,
	};
	size_t i;
	int q;

	for (i = 0; i < sizeof names / sizeof *names; i++)
		TAP_INT(header_field_by_name(names[i].cell), names[i].field,
			"map name '%s'", names[i].cell);
	TAP_STR(header_field_name(7), "Q7", "name of field 7");
	TAP_STR(header_field_name(FIELD_TIME), "time", "name of time");
	TAP_STR(header_field_name(FIELD_STAR), "star_level", "name of star");
	TAP_STR(header_field_name(FIELD_NONE), "ignore", "name of none");
	TAP_STR(header_field_name(FIELD_AMBIGUOUS), "ambiguous",
		"name of ambiguous");
	TAP_STR(header_field_name(26), "?", "no name for 26");
	for (q = 1; q <= NQUESTIONS; q++)
		TAP_INT(header_field_by_name(header_field_name(q)), q,
			"Q%d's name maps back", q);
	for (i = 0; i < sizeof fields / sizeof *fields; i++)
		TAP_INT(header_field_by_name(header_field_name(fields[i])),
			fields[i], "'%s' maps back",
			header_field_name(fields[i]));
}

int
main(void)
{
	test_numbered();
	test_catalogue_texts();
	test_retyped();
	test_not_questions();
	test_ambiguous();
	test_metadata();
	test_readings();
	test_ignored();
	test_map_names();
	return tap_done();
}
