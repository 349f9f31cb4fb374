package output

import "os"

// swapTwoSteps exchanges the folders a and b with two renames through a
// third name. Between them b is briefly missing; the previous folder is
// never damaged.
func swapTwoSteps(a, b string) error {
	tmp := a + ".old"
	if err := os.Rename(b, tmp); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		os.Rename(tmp, b)
		return err
	}
	return os.Rename(tmp, a)
}
