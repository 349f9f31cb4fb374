package diag

import (
	"errors"
	"io/fs"
)

// SysErr is a system error without the path that *fs.PathError adds: the
// diagnostic that reports it names the file already.
func SysErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
