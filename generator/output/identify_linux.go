//go:build linux

package output

import (
	"os"
	"syscall"
)

// identify tells the folder at dir from any other that may take its name
// later: its device, inode and change time (which a rename changes).
func identify(dir string) (folderID, bool) {
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() {
		return folderID{}, false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return folderID{}, false
	}
	return folderID{uint64(st.Dev), uint64(st.Ino), uint64(st.Ctim.Sec)*1e9 + uint64(st.Ctim.Nsec)}, true
}
