package main

import (
	"runtime/debug"
	"strings"
)

// versionText is what spur --version prints: the version, and the commit
// the binary was built from when the go command recorded it (a build from
// a git checkout: go build, go install, make install), so that a CI recipe
// can pin spur to the commit that built a repository's reports.
func versionText(info *debug.BuildInfo, ok bool) string {
	s := "spur " + version
	if !ok || info == nil {
		return s
	}
	var rev, when string
	modified := false
	for _, kv := range info.Settings {
		switch kv.Key {
		case "vcs.revision":
			rev = kv.Value
		case "vcs.time":
			when, _, _ = strings.Cut(kv.Value, "T")
		case "vcs.modified":
			modified = kv.Value == "true"
		}
	}
	if rev == "" {
		return s
	}
	s += " (commit " + rev
	if when != "" {
		s += ", " + when
	}
	if modified {
		s += ", with uncommitted changes"
	}
	return s + ")"
}
