package output

// What the output folder and the spare hold, kept between builds so that
// a build need not render a page that a recent build made from the same
// inputs. A page's sum is its fingerprint (render/fingerprint.go: a hash
// of everything that makes the page), not a hash of its bytes: a build
// that computes the same sum for a page knows the bytes before it renders
// them.
//
// The sums live in a folder beside the output folder,
// .guidemap-cache-<output folder's name>/, with the other things a build
// keeps for the next (generator/cache): "out.sums" describes the output
// folder, "spare.sums" the spare. Each names the folder it describes by
// its device, inode and change time, taken right after the build that
// made it, and the stamp of the program that computed the sums: a folder
// replaced, moved or removed by hand, or a guidemap of another build,
// makes the file void. A Writer that takes the spare removes
// "spare.sums" before it changes anything there, and a Commit writes both
// anew; a build that is killed leaves at worst no sums, never wrong ones.
// Files changed by hand inside the output folder are not noticed: the
// output folder is guidemap's (a clean build, with the output folder and
// its spare removed, puts it right).

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
)

// CachePrefix starts the name of the folder beside the output folder
// where builds keep what the next build may use.
const CachePrefix = ".guidemap-cache-"

// CacheDir is the folder where builds of the output folder dir keep what
// the next build may use.
func CacheDir(dir string) string {
	dir = filepath.Clean(dir)
	return filepath.Join(filepath.Dir(dir), CachePrefix+filepath.Base(dir))
}

// sums is what a folder holds: every file's path → its sum (0 for a file
// that has none: an asset, open data) and size.
type sums struct {
	id    folderID
	stamp string
	of    map[string]held
}

// held is a file as the sums keep it.
type held struct {
	sum  uint64
	size int64
}

// folderID tells one folder from another that took its name.
type folderID struct{ dev, ino, ctime uint64 }

const sumsMagic = "guidemap sums 1\n"

// readSums reads the sums of the folder dir from file, or nil when there
// are none, or they are void: of another folder. (The caller compares the
// stamp.)
func readSums(file, dir string) *sums {
	id, ok := identify(dir)
	if !ok {
		return nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	s, err := decodeSums(r)
	if err != nil || s.id != id {
		return nil
	}
	return s
}

func decodeSums(r *bufio.Reader) (*sums, error) {
	magic := make([]byte, len(sumsMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != sumsMagic {
		return nil, errors.New("not a sums file")
	}
	num := func() (uint64, error) { return binary.ReadUvarint(r) }
	str := func() (string, error) {
		n, err := num()
		if err != nil || n > 1<<20 {
			return "", errors.New("bad string")
		}
		b := make([]byte, n)
		_, err = io.ReadFull(r, b)
		return string(b), err
	}
	s := &sums{}
	var err error
	for _, p := range []*uint64{&s.id.dev, &s.id.ino, &s.id.ctime} {
		if *p, err = num(); err != nil {
			return nil, err
		}
	}
	if s.stamp, err = str(); err != nil {
		return nil, err
	}
	n, err := num()
	if err != nil {
		return nil, err
	}
	s.of = make(map[string]held, min(n, 1<<24))
	for range n {
		p, err := str()
		if err != nil {
			return nil, err
		}
		var b [8]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return nil, err
		}
		size, err := num()
		if err != nil {
			return nil, err
		}
		s.of[p] = held{binary.LittleEndian.Uint64(b[:]), int64(size)}
	}
	return s, nil
}

// writeSums writes the sums of what the folder dir holds to file,
// through a new file renamed over the old one.
func writeSums(file, dir, stamp string, of map[string]held) error {
	id, ok := identify(dir)
	if !ok || stamp == "" {
		return os.Remove(file)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp := file + ".new"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	var buf []byte
	num := func(v uint64) { buf = binary.AppendUvarint(buf[:0], v); w.Write(buf) }
	str := func(s string) { num(uint64(len(s))); w.WriteString(s) }
	w.WriteString(sumsMagic)
	num(id.dev)
	num(id.ino)
	num(id.ctime)
	str(stamp)
	num(uint64(len(of)))
	for _, p := range slices.Sorted(maps.Keys(of)) {
		str(p)
		buf = binary.LittleEndian.AppendUint64(buf[:0], of[p].sum)
		w.Write(buf)
		num(uint64(of[p].size))
	}
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, file)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("keep the sums of %s: %w", dir, err)
	}
	return nil
}
