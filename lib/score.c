/*
 * Scores and IPA's four score bands, with the advice the reports give for
 * each.  The advice is ours; the band names are IPA's.
 */
#include "answer.h"
#include "catalogue.h"
#include "score.h"

int
score_band(int total)
{
	if (total >= 100)
		return 0;
	if (total >= 70)
		return 1;
	if (total >= 50)
		return 2;
	return 3;
}

const char *
score_band_code(int band)
{
	static const char *codes[NBANDS] = { "100", "70-99", "50-69", "<=49" };

	return band >= 0 && band < NBANDS ? codes[band] : "";
}

const char *
score_band_label(int band)
{
	static const char *labels[NBANDS] = {
		"入門レベル達成",
		"ほぼできているが一部不十分",
		"対策が行き届いていない",
		"いつ事故が起きても不思議ではない",
	};

	return band >= 0 && band < NBANDS ? labels[band] : "";
}

const char *
score_band_advice(int band)
{
	static const char *advice[NBANDS] = {
		"基本的な対策はすべて実施できています。この水準を保ちつつ、"
		"基本方針の策定と公開（★★二つ星）や、より高度な対策へ進みましょう。",
		"多くの対策はできていますが、抜けている項目が事故の入口になります。"
		"「実施していない」「わからない」項目から順に手当てしましょう。",
		"対策に大きな抜けがあります。まず基本的対策（設問1〜5）を全社で徹底し、"
		"次に従業員向けのルールと教育を整えましょう。",
		"いつ事故が起きても不思議ではない状態です。基本的対策（設問1〜5）に"
		"直ちに着手し、専門家の支援を受けて計画的に改善しましょう。",
	};

	return band >= 0 && band < NBANDS ? advice[band] : "";
}
