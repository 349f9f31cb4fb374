package generator

import (
	"encoding/binary"
	"strings"

	"github.com/esamverkan/guidemap/generator/media"
	"github.com/esamverkan/guidemap/generator/output"
)

// mediaFiles are the output files of the images and attachments that
// content publishes, each once under its content-hashed path, with a
// fingerprint of its content.
func mediaFiles(lib *media.Library) []output.File {
	var out []output.File
	for _, f := range lib.Published() {
		out = append(out, output.File{Path: strings.TrimPrefix(f.URL(), "/"), Data: f.Data, Sum: binary.LittleEndian.Uint64(f.Sum[:]) | 1})
	}
	return out
}
