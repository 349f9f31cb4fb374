package model

// The URL scheme. Every function returns a site-relative path that starts
// and ends with "/" (pretty URLs: the page is index.html in that folder).
// Swedish is at the root; other languages are under "/<lang>/".

// HomeURL is the home page.
func HomeURL() string { return "/" }

// GuidesURL lists every shared guide.
func GuidesURL() string { return "/guider/" }

// GuideURL is a shared guide with its "choose your municipality" list.
func GuideURL(slug string) string { return "/guider/" + slug + "/" }

// LangURL is the page of url in language lang: the same path under
// /<lang>/ ("/en/guider/bygglov/"), or url itself for Swedish.
func LangURL(lang, url string) string {
	if lang == "" || lang == "sv" {
		return url
	}
	return "/" + lang + url
}

// EasyURL is the page of a shared guide's easy-to-read version.
func EasyURL(slug string) string { return "/guider/" + slug + "/lattlast/" }

// MunicipalityURL is a municipality's page.
func MunicipalityURL(m string) string { return "/" + m + "/" }

// VersionURL is a municipality's version of a guide (shared or local).
func VersionURL(m, slug string) string { return "/" + m + "/guider/" + slug + "/" }

// EServicesURL lists every e-service.
func EServicesURL() string { return "/e-tjanster/" }

// EServiceURL is an e-service of the library.
func EServiceURL(slug string) string { return "/e-tjanster/" + slug + "/" }

// OfferURL is a municipality's version of an e-service.
func OfferURL(m, slug string) string { return "/" + m + "/e-tjanster/" + slug + "/" }

// PageURL is a free page.
func PageURL(slug string) string { return "/" + slug + "/" }

// LifeEventURL is the page of a life event: the region's when m is "",
// municipality m's otherwise; the list of life events when slug is "".
func LifeEventURL(m, slug string) string {
	u := "/livshandelser/"
	if m != "" {
		u = "/" + m + u
	}
	if slug != "" {
		u += slug + "/"
	}
	return u
}

// BusinessURL is the entry page for businesses: the region's when m is
// "", municipality m's otherwise.
func BusinessURL(m string) string {
	if m == "" {
		return "/foretag/"
	}
	return "/" + m + "/foretag/"
}

// URL returns the canonical URL of the version: the municipality's own page
// for local guides and adaptations, the shared page otherwise.
func (v *Version) URL() string { return VersionURL(v.Municipality.Slug, v.Guide.Slug) }

// CanonicalURL is the page that search engines should index for v: an
// unadapted version of a shared guide points to the shared guide.
func (v *Version) CanonicalURL() string {
	if v.Local || v.Adapted {
		return v.URL()
	}
	return GuideURL(v.Guide.Slug)
}

// AccessibilityURL is the accessibility statement in lang ("sv" or "en").
func AccessibilityURL(lang string) string {
	if lang == "en" {
		return "/en/accessibility/"
	}
	return "/tillganglighet/"
}

// IsSlug tells whether s can be a file name and a part of a web address:
// lower-case letters a–z, digits and single hyphens between them.
func IsSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// EServiceReserved are the second path segments under /e-tjanster/ that
// the directory's own pages use, which no e-service may take.
var EServiceReserved = []string{"bibliotek", "inloggning", "kategori", "kommun", "malgrupp", "ny-i-samverkan"}

// DataURL is the open-data page, which lists every file under /data/.
func DataURL() string { return "/data/" }

// CatalogPath is the open data's DCAT-AP-SE catalogue in the output.
const CatalogPath = "data/catalog.rdf"
