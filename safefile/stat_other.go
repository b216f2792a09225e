//go:build !unix

package safefile

import "io/fs"

// owner gives -1, -1, 1: this system does not tell owners and links the
// Unix way (a Windows file's read-only attribute shows in its mode).
func owner(fs.FileInfo) (uid, gid int, links uint64) { return -1, -1, 1 }

// writable reports whether the file is not marked read-only.
func writable(st fs.FileInfo) bool { return st.Mode().Perm()&0o200 != 0 }
