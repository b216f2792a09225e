//go:build unix

package safefile

import (
	"io/fs"
	"os"
	"syscall"
)

// owner gives the file's owner, group and number of hard links; -1, -1, 1
// where the system does not say.
func owner(st fs.FileInfo) (uid, gid int, links uint64) {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return -1, -1, 1
	}
	return int(sys.Uid), int(sys.Gid), uint64(sys.Nlink)
}

// writable reports whether the file's mode lets the current user write it.
// Root may write anything, but a file without any write bit was protected
// on purpose, and is refused all the same.
func writable(st fs.FileInfo) bool {
	perm := st.Mode().Perm()
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return perm&0o200 != 0
	}
	switch euid := os.Geteuid(); {
	case euid == 0:
		return perm&0o222 != 0
	case uint32(euid) == sys.Uid:
		return perm&0o200 != 0
	case inGroup(sys.Gid):
		return perm&0o020 != 0
	default:
		return perm&0o002 != 0
	}
}

func inGroup(gid uint32) bool {
	if uint32(os.Getegid()) == gid {
		return true
	}
	groups, _ := os.Getgroups()
	for _, g := range groups {
		if uint32(g) == gid {
			return true
		}
	}
	return false
}
