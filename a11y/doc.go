// Package a11y checks spur's HTML documents in a real browser: Debian's
// Chromium, driven by puppeteer-core, with axe-core's WCAG 2.1 A and AA
// rules and best practices (tools/browser/axe.js). It holds tests only.
// The tests skip, saying why, where node, chromium or the npm packages
// (make browser-deps) are missing; .ci/run installs them, so CI never skips.
package a11y
