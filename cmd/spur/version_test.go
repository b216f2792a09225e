package main

import (
	"runtime/debug"
	"testing"
)

// spur --version names the commit it was built from, so that a CI recipe
// can pin the spur that built a repository's reports.
func TestVersionText(t *testing.T) {
	info := &debug.BuildInfo{Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "6251e41c0ffee0123456789abcdef0123456789a"},
		{Key: "vcs.time", Value: "2026-11-27T06:40:00Z"},
		{Key: "vcs.modified", Value: "false"},
	}}
	if got, want := versionText(info, true), "spur "+version+" (commit 6251e41c0ffee0123456789abcdef0123456789a, 2026-11-27)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	info.Settings[3].Value = "true"
	if got, want := versionText(info, true), "spur "+version+" (commit 6251e41c0ffee0123456789abcdef0123456789a, 2026-11-27, with uncommitted changes)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := versionText(&debug.BuildInfo{}, true); got != "spur "+version {
		t.Errorf("no VCS information: %q", got)
	}
	if got := versionText(nil, false); got != "spur "+version {
		t.Errorf("no build information: %q", got)
	}
}
