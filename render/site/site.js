/*
 * shindan worklist (render/site/site.js): search, sort and filter every
 * company of data/rows-NNNN.js, loaded one file after the other with
 * <script src> so that the page works from file:// and paints after the
 * first file.  The view lives in the URL fragment, so a link reproduces
 * it.  Without this script index.html shows its plain list instead.
 */
(function () {
	'use strict';
	var S = window.shindan = window.shindan || {};
	var M = null, R = [], F = [], K = [], loaded = 0, timer = null;
	var PAGE = 50;
	/* row fields, as render writes them (site.c, row_js) */
	var BASE = 0, NAME = 1, KEY = 2, CORP = 3, IND = 4, SIZE = 5, STAR = 6,
		SCORE = 7, CHANGE = 8, DATE = 9, UNK = 10, FLAGS = 11, READING = 12;
	var state = {};
	var DEFAULTS = { q: '', sort: 'score', dir: 'asc', ind: '', size: '',
		star: '', band: '', since: '', unk: '', inc: '', p: '1' };
	var LEGAL = new RegExp('株式会社|有限会社|合同会社|合資会社|合名会社|' +
		'一般社団法人|一般財団法人|公益社団法人|公益財団法人|社団法人|' +
		'財団法人|特定非営利活動法人|npo法人|医療法人|社会福祉法人|' +
		'学校法人|\\((株|有|合|資|名|社|財|医|福|学|特非)\\)|' +
		/* the same in kana, as readings write them (company.c) */
		'カブシキガイシャ|カブシキカイシャ|ユウゲンガイシャ|' +
		'ユウゲンカイシャ|ゴウドウガイシャ|ゴウドウカイシャ|' +
		'ゴウシガイシャ|ゴウシカイシャ|ゴウメイガイシャ|ゴウメイカイシャ|' +
		'イッパンシャダンホウジン|イッパンザイダンホウジン|' +
		'コウエキシャダンホウジン|コウエキザイダンホウジン|' +
		'トクテイヒエイリカツドウホウジン|イリョウホウジン|' +
		'シャカイフクシホウジン|ガッコウホウジン|' +
		'\\((カ|ユ|ド|シ|メ)\\)|^(カ|ユ|ド|シ|メ)\\)|\\((カ|ユ|ド|シ|メ)$', 'g');

	S.rows = function (no, rows) {
		for (var i = 0; i < rows.length; i++) {
			R.push(rows[i]);
			F.push(fold(rows[i][NAME]));
			/* the reading comes folded (company_reading_fold) */
			K.push(rows[i][READING] || '');
		}
		loaded++;
	};

	/*
	 * width, case, hiragana/katakana and legal-form insensitive; what
	 * render's company_reading_fold does to a reading, in the same order
	 */
	function fold(s) {
		s = String(s || '');
		if (s.normalize)
			s = s.normalize('NFKC');
		s = s.toLowerCase().replace(/[\u3041-\u3096\u309d\u309e]/g,
			function (c) {
				return String.fromCharCode(c.charCodeAt(0) + 0x60);
			});
		s = s.replace(LEGAL, '');
		return s.replace(/[\s\u3000・.,、。'"()-]/g, '');
	}
	function digits(s) {
		s = String(s || '');
		if (s.normalize)
			s = s.normalize('NFKC');
		return s.replace(/[^0-9]/g, '');
	}
	/* a count as index.html writes it: 12,345 */
	function count(n) {
		return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	}
	function band(score) {
		return score === null ? -1 : score >= 100 ? 0 : score >= 70 ? 1 :
			score >= 50 ? 2 : 3;
	}
	function el(tag, attrs, text) {
		var e = document.createElement(tag), k;
		for (k in attrs || {})
			e.setAttribute(k, attrs[k]);
		if (text !== undefined && text !== null)
			e.textContent = text;
		return e;
	}

	/* ---- the view in the fragment ---- */
	function readHash() {
		var h = location.hash.replace(/^#/, ''), s = {}, k;
		for (k in DEFAULTS)
			s[k] = DEFAULTS[k];
		h.split('&').forEach(function (kv) {
			var i = kv.indexOf('='), k, v;
			if (i < 0)
				return;
			k = decodeURIComponent(kv.slice(0, i));
			try {
				v = decodeURIComponent(kv.slice(i + 1).replace(/\+/g, ' '));
			} catch (e) {
				return;
			}
			if (k in DEFAULTS)
				s[k] = v;
		});
		return s;
	}
	function writeHash(s) {
		var parts = [], k;
		for (k in DEFAULTS)
			if (s[k] !== DEFAULTS[k])
				parts.push(k + '=' + encodeURIComponent(s[k]));
		var h = parts.join('&');
		if (location.hash.replace(/^#/, '') !== h)
			location.hash = h;
		else
			show();
	}

	/* ---- controls ---- */
	var C = {};
	function select(name, label, options) {
		var l = el('label', {}, label), s = el('select', { name: name });
		options.forEach(function (o) {
			s.appendChild(el('option', { value: o[0] }, o[1]));
		});
		l.appendChild(s);
		C[name] = s;
		return l;
	}
	function build(root) {
		var c = el('form', { 'class': 'controls', role: 'search' });
		var lq = el('label', { 'class': 'q' },
			'検索（会社名・フリガナ・法人番号・ID。株式会社/(株)/全角半角/' +
			'ひらがなカタカナは区別しません）');
		C.q = el('input', { type: 'search', name: 'q',
			placeholder: '例: 橋本化成 / 1234567890123' });
		lq.appendChild(C.q);
		c.appendChild(lq);
		c.appendChild(select('sort', '並べ替え', [['score', '合計点'],
			['change', '前回比'], ['date', '回答日'], ['ind', '業種'],
			['band', '点数帯'], ['name', '会社名']]));
		c.appendChild(select('dir', '順序', [['asc', '低い・古い順'],
			['desc', '高い・新しい順']]));
		c.appendChild(select('ind', '業種', [['', 'すべて']].concat(M.inds)));
		c.appendChild(select('size', '従業員規模', [['', 'すべて']].concat(
			M.sizes)));
		c.appendChild(select('star', '宣言段階', [['', 'すべて']].concat(
			M.stars)));
		c.appendChild(select('band', '点数帯', [['', 'すべて']].concat(
			M.bands.map(function (b, i) { return [String(i), b]; }))));
		var ls = el('label', {}, 'この日以降に回答');
		C.since = el('input', { type: 'date', name: 'since' });
		ls.appendChild(C.since);
		c.appendChild(ls);
		[['unk', 'わからないの回答あり'], ['inc', '回答に欠けあり']].forEach(
			function (x) {
				var l = el('label', { 'class': 'check' });
				C[x[0]] = el('input', { type: 'checkbox', name: x[0] });
				l.appendChild(C[x[0]]);
				l.appendChild(document.createTextNode(x[1]));
				c.appendChild(l);
			});
		c.addEventListener('submit', function (e) { e.preventDefault(); });
		c.addEventListener('change', fromControls);
		C.q.addEventListener('input', function () {
			clearTimeout(timer);
			timer = setTimeout(fromControls, 250);
		});
		root.appendChild(c);
		C.status = el('p', { 'class': 'status', 'aria-live': 'polite' });
		root.appendChild(C.status);
		C.pagerTop = el('div', { 'class': 'pager' });
		root.appendChild(C.pagerTop);
		var t = el('table', { 'class': 'rows', id: 'wl' });
		var tr = el('tr');
		['会社名', '法人番号・ID', '業種', '規模', '宣言', '回答日', '合計点',
			'点数帯', '前回比', 'PDF'].forEach(function (h, i) {
			tr.appendChild(el('th', (i === 6 || i === 8) ?
				{ 'class': 'num' } : {}, h));
		});
		var th = el('thead');
		th.appendChild(tr);
		t.appendChild(th);
		C.body = el('tbody');
		t.appendChild(C.body);
		root.appendChild(t);
		C.pager = el('div', { 'class': 'pager' });
		root.appendChild(C.pager);
	}
	function toControls(s) {
		['q', 'sort', 'dir', 'ind', 'size', 'star', 'band', 'since'].forEach(
			function (k) {
				if (C[k].value !== s[k])
					C[k].value = s[k];
			});
		C.unk.checked = s.unk === '1';
		C.inc.checked = s.inc === '1';
	}
	function fromControls() {
		var s = {}, k;
		for (k in state)
			s[k] = state[k];
		['q', 'sort', 'dir', 'ind', 'size', 'star', 'band', 'since'].forEach(
			function (k) { s[k] = C[k].value; });
		s.unk = C.unk.checked ? '1' : '';
		s.inc = C.inc.checked ? '1' : '';
		s.p = '1';
		writeHash(s);
	}

	/* ---- the rows of a view ---- */
	function matcher(s) {
		var q = fold(s.q), d = digits(s.q), raw = s.q.trim().toLowerCase();
		var bd = s.band === '' ? null : Number(s.band);
		return function (i) {
			var r = R[i];
			if (s.ind && r[IND] !== s.ind) return false;
			if (s.size && r[SIZE] !== s.size) return false;
			if (s.star && r[STAR] !== s.star) return false;
			if (bd !== null && band(r[SCORE]) !== bd) return false;
			if (s.since && !(r[DATE] >= s.since)) return false;
			if (s.unk === '1' && !(r[UNK] > 0)) return false;
			if (s.inc === '1' && r[SCORE] !== null) return false;
			if (raw) {
				if (q && F[i].indexOf(q) >= 0) return true;
				if (q && K[i] && K[i].indexOf(q) >= 0) return true;
				if (d.length >= 4 && r[CORP].indexOf(d) >= 0) return true;
				if (r[KEY].toLowerCase().indexOf(raw) >= 0) return true;
				return false;
			}
			return true;
		};
	}
	/* nulls last either way; ties keep the files' order */
	function comparator(s) {
		var dir = s.dir === 'desc' ? -1 : 1, col;
		function num(v) { return v === null || v === undefined; }
		if (s.sort === 'name')
			return function (a, b) {
				var x = R[a][NAME], y = R[b][NAME];
				return x < y ? -dir : x > y ? dir : a - b;
			};
		if (s.sort === 'ind')
			return function (a, b) {
				var x = R[a][IND], y = R[b][IND];
				return x < y ? -dir : x > y ? dir : a - b;
			};
		if (s.sort === 'date')
			return function (a, b) {
				var x = R[a][DATE], y = R[b][DATE];
				return x < y ? -dir : x > y ? dir : a - b;
			};
		col = s.sort === 'change' ? CHANGE : SCORE;
		var key = s.sort === 'band' ? function (i) {
			var b = band(R[i][SCORE]);
			return b < 0 ? null : 3 - b;
		} : function (i) { return R[i][col]; };
		return function (a, b) {
			var x = key(a), y = key(b);
			if (num(x) || num(y))
				return num(x) && num(y) ? a - b : num(x) ? 1 : -1;
			return x !== y ? (x - y) * dir : a - b;
		};
	}
	var lastKey = null, lastIdx = null;
	function view(s) {
		var k = JSON.stringify([s.q, s.sort, s.dir, s.ind, s.size, s.star,
			s.band, s.since, s.unk, s.inc, R.length]);
		if (k === lastKey)
			return lastIdx;
		var m = matcher(s), idx = [], i;
		for (i = 0; i < R.length; i++)
			if (m(i))
				idx.push(i);
		idx.sort(comparator(s));
		lastKey = k;
		lastIdx = idx;
		return idx;
	}
	function cell(tr, label, text, cls) {
		var td = el('td', { 'data-label': label }, text);
		if (cls)
			td.className = cls;
		tr.appendChild(td);
		return td;
	}
	function link(href, text) {
		return el('a', { href: href }, text);
	}
	/* the label of code in pairs [[code, label], ...] of the meta */
	function labelOf(pairs, code) {
		for (var i = 0; i < pairs.length; i++)
			if (pairs[i][0] === code)
				return pairs[i][1];
		return code;
	}
	function starLabel(code) {
		for (var i = 0; i < M.stars.length; i++)
			if (M.stars[i][0] === code)
				return M.stars[i][1];
		return code;
	}
	function pager(box, page, pages) {
		box.textContent = '';
		if (pages <= 1)
			return;
		function go(p) {
			var s = {}, k;
			for (k in state)
				s[k] = state[k];
			s.p = String(p);
			writeHash(s);
		}
		var prev = el('button', { type: 'button' }, '← 前へ');
		prev.disabled = page <= 1;
		prev.addEventListener('click', function () { go(page - 1); });
		var next = el('button', { type: 'button' }, '次へ →');
		next.disabled = page >= pages;
		next.addEventListener('click', function () { go(page + 1); });
		box.appendChild(prev);
		box.appendChild(el('span', {}, page + ' / ' + pages + ' ページ'));
		box.appendChild(next);
	}
	function show() {
		state = readHash();
		toControls(state);
		var idx = view(state);
		var pages = Math.max(1, Math.ceil(idx.length / PAGE));
		var page = Math.min(Math.max(1, parseInt(state.p, 10) || 1), pages);
		var from = (page - 1) * PAGE, to = Math.min(idx.length, from + PAGE);
		var frag = document.createDocumentFragment(), i;
		for (i = from; i < to; i++) {
			var r = R[idx[i]], tr = el('tr', { 'data-key': r[KEY] }), td;
			td = cell(tr, '会社名', null);
			if (r[FLAGS] & 1)
				td.appendChild(link('companies/' +
					encodeURIComponent(r[BASE]) + '.html',
					r[NAME] || r[KEY]));
			else
				td.textContent = r[NAME] || r[KEY];
			cell(tr, '法人番号・ID', r[CORP] ? '法人番号 ' + r[CORP] :
				r[KEY].indexOf('id:') === 0 ? 'ID ' + r[KEY].slice(3) : '');
			cell(tr, '業種', labelOf(M.inds, r[IND]));
			cell(tr, '規模', labelOf(M.sizes, r[SIZE]));
			cell(tr, '宣言', starLabel(r[STAR]));
			cell(tr, '回答日', r[DATE]);
			cell(tr, '合計点', r[SCORE] === null ? '–' : String(r[SCORE]),
				'num');
			cell(tr, '点数帯', r[SCORE] === null ? '回答に欠けあり' :
				M.bands[band(r[SCORE])]);
			cell(tr, '前回比', r[CHANGE] === null ? '' :
				(r[CHANGE] > 0 ? '+' : '') + r[CHANGE], 'num' +
				(r[CHANGE] > 0 ? ' up' : r[CHANGE] < 0 ? ' down' : ''));
			td = cell(tr, 'PDF', null);
			if (r[FLAGS] & 2)
				td.appendChild(link('companies/' +
					encodeURIComponent(r[BASE]) + '.pdf', 'PDF'));
			frag.appendChild(tr);
		}
		C.body.textContent = '';
		C.body.appendChild(frag);
		C.status.textContent = count(idx.length) + '社' + (idx.length ?
			'（' + count(from + 1) + '〜' + count(to) + '社目）' : '') +
			(loaded < M.shards ? ' ・ 読み込み中 ' + count(R.length) +
			' / ' + count(M.n) + '社' : '');
		pager(C.pagerTop, page, pages);
		pager(C.pager, page, pages);
	}

	/* ---- loading ---- */
	function load(no) {
		if (no > M.shards) {
			show();
			mark('shindan-ready');
			document.body.setAttribute('data-ready', '1');
			return;
		}
		var s = document.createElement('script');
		s.src = 'data/rows-' + ('000' + no).slice(-4) + '.js';
		s.onload = function () {
			/* first file: paint; later ones: now and then */
			if (no === 1 || no % 10 === 0)
				show();
			if (no === 1)
				mark('shindan-first-rows');
			load(no + 1);
		};
		s.onerror = function () {
			C.status.textContent = 'データファイル ' + s.src +
				' を読み込めません。';
		};
		document.body.appendChild(s);
	}
	/* for make bench: when the first rows and all rows were shown */
	function mark(name) {
		if (window.performance && performance.mark)
			performance.mark(name);
	}
	function start() {
		var root = document.getElementById('worklist');
		var plain = document.getElementById('plain');
		M = window.shindan_meta;
		if (!M || !root)
			return;
		build(root);
		root.hidden = false;
		if (plain)
			plain.hidden = true;
		window.addEventListener('hashchange', show);
		state = readHash();
		toControls(state);
		C.status.textContent = '読み込み中…';
		load(1);
	}
	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', start);
	else
		start();
})();
