//go:build !unix

package sitefs

// nonblock is 0 where the system has no O_NONBLOCK (a FIFO is then only
// refused by the check before the open).
const nonblock = 0
