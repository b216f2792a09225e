// Package hyph finds where a Swedish word may be hyphenated, with Frank
// Liang's algorithm (the one TeX uses) and TeX's Swedish patterns. The PDF
// layout engine asks it when a word is wider than its table column.
//
// It owns only the answer to "where may this token break?": whether to
// break, and drawing the hyphen, are the caller's. It reads no files and
// keeps no state but the patterns, parsed once per process and shared
// read-only.
//
// # Use
//
//	w := "kompetensvärderingsinstrument"
//	for _, p := range hyph.Swedish().Points(w) {
//		// w[:p]+"-" may end a line, w[p:] start the next:
//		// kom-pe-tens-vär-de-rings-in-stru-ment
//	}
//
// # Rules
//
// Points takes one token as it appears in the text (no spaces) and returns
// byte offsets into it, ascending, each on a rune boundary:
//
//   - Punctuation and symbols at either end (quotes ”“"', brackets, . , ; :
//     ! ? …, a hanging hyphen as in "kompetens- och") are cut off first and
//     never hold a point.
//   - A compound written with a hyphen or a dash ("ST-läkare",
//     "kompetensvärderings-instrument") is hyphenated part by part, as if
//     each part were a word: the caller may break after the hyphen already,
//     and no point is next to it.
//   - A part is broken only if it has at least five letters, and then with
//     at least two letters before and two after each point (the
//     typesetting hyphenmins of hyph-sv.tex). A part with anything but
//     letters in it (an apostrophe, a plus) is not broken.
//   - Letters match without regard to case: "KOMPETENS", "Kompetens" and
//     "kompetens" break alike. Latin letters the patterns do not know (ü,
//     è, ß) are letters no pattern matches across, as in TeX.
//   - A token that is a code rather than a word gets no points at all: one
//     with a digit (criterion ids such as E4 or A1–H12, dates, numbers,
//     "2021:8"), with any of / @ \ _ = # &, with '.', ':' or '?' other than
//     as trailing punctuation (URLs, e-mail addresses, host names, paths,
//     "t.ex."), or starting with "www." or "http". So does a token with a
//     letter of another script (the Swedish patterns do not apply), a
//     combining mark (text that is not NFC: a point could part a letter
//     from its accent), a space, a control character or invalid UTF-8.
//   - A token longer than 256 bytes gets no points. The work is linear in
//     the token's length (no pattern is longer than 8 symbols), and the
//     returned slice is the only allocation; nil, when there is no point,
//     costs none.
//
// An upper-case code of letters alone, such as "SOSFS", cannot be told
// from a word in a heading; the patterns find no point in it.
//
// # Patterns and licence
//
// The patterns are hyph-sv.tex, "Hyphenation patterns for Swedish",
// Copyright (C) 1994 Jan Michael Rynning, version 1994-03-03, from the
// hyph-utf8 package of the tex-hyphen project (the package TeX
// distributions ship). They are under the LaTeX Project Public License
// (LPPL), version 1.2 or later. The file is embedded unchanged, with its
// header, as hyph/hyph-sv.tex; hyph/NOTICE says where it comes from and
// how this package uses it. The file has no exception list
// (\hyphenation{…}); the patterns alone decide.
package hyph
