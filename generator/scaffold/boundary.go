package scaffold

// A new municipality's boundary: where to get one, and `--boundary FILE`,
// which checks a GeoJSON file and adds its boundary to the site's
// boundaries file (load.BoundariesFile).

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/geodata"
	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/generator/sitefs"
)

// BoundariesFile is the site's boundaries file, to which --boundary adds.
const BoundariesFile = load.BoundariesFile

// BoundaryHelp says where the boundary of the municipality slug with the
// SCB code code can be had and how to add it: `guidemap new municipality`
// prints it when the site has no boundary with the code.
func BoundaryHelp(slug, code string) string {
	return fmt.Sprintf(`A municipality's pages and maps need its boundary in %[1]s:
a Polygon or MultiPolygon feature with the properties "code" (the SCB
municipality code) and "name". Both of these are open data:

  Lantmäteriet, Administrativ indelning Nedladdning, vektor (CC0):
    https://www.lantmateriet.se/sv/geodata/vara-produkter/produktlista/administrativ-indelning-nedladdning-vektor/
  SCB, Digitala gränser (kommungränser):
    https://www.scb.se/hitta-statistik/regional-statistik-och-kartor/regionala-indelningar/digitala-granser/

They are in SWEREF 99 TM (metres); GeoJSON is longitude and latitude
(WGS 84). Convert the file, for example with GDAL (ogrinfo FILE lists
its layers: name the one with the municipalities' areas):

  ogr2ogr -f GeoJSON -t_srs EPSG:4326 kommuner.geojson FILE LAYER

Then add the boundary as you make the municipality: guidemap takes the
feature whose code (property code, kommunkod or KnKod) is %[3]s, checks it
and adds it to %[1]s.

  guidemap new municipality %[2]s --code %[3]s --boundary kommuner.geojson
`, load.BoundariesFile, slug, code)
}

// Problems are the problems found in a file that `guidemap new` was given,
// each with its file, line and column.
type Problems struct{ List *diag.List }

func (p *Problems) Error() string {
	var b strings.Builder
	for i, d := range p.List.Items() {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// addBoundary checks the GeoJSON file nf.Boundary (a path as the author
// gave it, from where the command runs) and adds the boundary of nf.Code
// in it to the boundaries file of the site src. The boundaries file is
// written only when both are right; problems come back as *Problems.
func addBoundary(src string, nf NewFile) error {
	data, err := sitefs.ReadPath(nf.Boundary, sitefs.Boundaries)
	if err != nil {
		return fmt.Errorf("cannot read the boundary %s: %v", nf.Boundary, diag.SysErr(err))
	}
	l := &diag.List{}
	file := filepath.ToSlash(nf.Boundary)
	b, ok := geodata.ReadBoundary(file, data, nf.Code, nf.Title, l)
	if !ok {
		return &Problems{l}
	}
	if b.Name == "" {
		b.Name = strings.TrimSpace(strings.TrimSuffix(nf.Title, "kommun"))
	}
	if b.Name == "" {
		b.Name = nf.Slug
	}
	site := filepath.ToSlash(filepath.Join(src, load.BoundariesFile))
	old, err := sitefs.ReadFile(sitefs.Dir(src), load.BoundariesFile, sitefs.Boundaries)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot read %s: %v", site, diag.SysErr(err))
	}
	out, ok := geodata.AddBoundary(site, old, geodata.BoundaryFeature(b), nf.Code, l)
	if !ok {
		return &Problems{l}
	}
	// What is written must read back as the boundaries of a site do.
	check := &diag.List{}
	found := false
	for _, bd := range geodata.LoadBoundaries(site, out, check) {
		found = found || bd.Code == nf.Code
	}
	if check.HasErrors() || !found {
		return fmt.Errorf("the boundary of %s could not be added to %s: %w", nf.Code, site, &Problems{check})
	}
	return replace(src, load.BoundariesFile, out)
}

// replace writes data to the slash path p inside dir, in place of what
// was there, through a file beside it that is renamed over it (so that the
// file is never half written) and os.Root (so that nothing outside dir is).
func replace(dir, p string, data []byte) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	if err := root.MkdirAll(path.Dir(p), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", path.Dir(p), err)
	}
	tmp := p + ".new"
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		root.Remove(tmp)
		return fmt.Errorf("write %s: %w", p, err)
	}
	if err := f.Close(); err != nil {
		root.Remove(tmp)
		return err
	}
	if err := root.Rename(tmp, p); err != nil {
		root.Remove(tmp)
		return err
	}
	return nil
}
