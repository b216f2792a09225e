// Package preflight checks PDF files against PDF/A-1b with Apache PDFBox
// Preflight (Debian's libpdfbox2-java), for the tests of the packages that
// write PDF (issue 12).
//
// # What it owns
//
// Finding Java and the Preflight jars (Available), running Preflight on
// many files in one JVM (Validate) and reading what it reports, strictly:
// output it cannot read, and a file it did not report on, are errors, never
// a pass.
//
// Preflight's command-line Validator_A1b (PDFBox 2.0) prints prose in its
// text mode, for one file or, with "batch LIST", for each file in LIST in
// one JVM; but there an exception on one file ends the run. Its "xml group
// LIST" mode checks every file in LIST in one JVM, catches an exception per
// file, and writes one XML document, LIST.preflight.xml, with a
// <preflight name="…"> element per file: valid, a list of errors (code,
// details, page, count), or the exception that stopped it. That is
// the mode used here. Starting the JVM costs under a second; a report of
// twenty pages takes one to two seconds, most of it spent re-reading the
// fonts' ToUnicode maps on every page.
//
// Preflight is not the last word on PDF/A: it passes a file whose page
// tree points at a non-page (it logs "Page skipped" and checks nothing
// there), so the tests pair it with qpdf --check; warnings it does not
// count against a file are not reported; veraPDF, the PDF Association's
// validator, checks more.
//
// # What it must not do
//
// It is a test harness, not part of spur's output path: only tests import
// it. It must never report a file as valid because it could not check it.
//
// # Example
//
//	preflight.Require(t) // skips without Java and the jars, fails under CI=true
//	got, err := preflight.Validate(ctx, "report.pdf", "plan.pdf")
//	if err != nil {
//		t.Fatal(err)
//	}
//	for _, p := range got["report.pdf"] {
//		t.Errorf("report.pdf: %s", p)
//	}
package preflight
