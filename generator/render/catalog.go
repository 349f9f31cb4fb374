package render

// The DCAT-AP-SE catalogue of the open data, in RDF/XML: the form that
// Sweden's data portal (dataportal.se) harvests. It has the catalogue's,
// datasets' and distributions' mandatory properties of DCAT-AP-SE and most
// of the recommended ones: a title and a description in Swedish and
// English, the publisher (foaf:Agent), a contact point (vcard), the
// licence, EU data themes, the municipalities covered, keywords, the
// update frequency, and for each file its access and download URL on the
// site's base URL, format, media type and size in bytes. Every text from
// content or settings goes through xmlText, which escapes it (and drops
// what XML cannot hold).

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strconv"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/safety"
)

const (
	euTheme     = "http://publications.europa.eu/resource/authority/data-theme/"
	euFileType  = "http://publications.europa.eu/resource/authority/file-type/"
	euFrequency = "http://publications.europa.eu/resource/authority/frequency/"
	euLanguage  = "http://publications.europa.eu/resource/authority/language/"
	euCountry   = "http://publications.europa.eu/resource/authority/country/SWE"
	ianaMedia   = "https://www.iana.org/assignments/media-types/"
	// localAuthority is the kind of publisher (ADMS publisher types).
	localAuthority = "http://purl.org/adms/publishertype/LocalAuthority"
)

// catalog writes the DCAT-AP-SE catalogue of the datasets.
func (r *renderer) catalog(sets []dataset) []byte {
	c := r.site.Config
	var b bytes.Buffer
	w := &rdfWriter{b: &b}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#" xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:foaf="http://xmlns.com/foaf/0.1/" xmlns:vcard="http://www.w3.org/2006/vcard/ns#" xmlns:skos="http://www.w3.org/2004/02/skos/core#" xmlns:xsd="http://www.w3.org/2001/XMLSchema#">
`)
	base := r.abs(model.DataURL())
	publisher := base + "#utgivare"
	contact := base + "#kontakt"
	updated := r.dataUpdated()

	w.open("dcat:Catalog", base+"#katalog")
	for _, lang := range dataLangs {
		w.text("dcterms:title", lang, r.strIn(lang, "data.catalog.title")+" – "+siteTitleIn(c, lang))
	}
	for _, lang := range dataLangs {
		w.text("dcterms:description", lang, r.strIn(lang, "data.description"))
	}
	w.ref("dcterms:publisher", publisher)
	w.ref("foaf:homepage", r.abs("/"))
	w.ref("dcterms:license", c.OpenData.License.URL)
	for _, lang := range c.Languages {
		if code, ok := euLanguages[lang]; ok {
			w.ref("dcterms:language", euLanguage+code)
		}
	}
	w.ref("dcterms:spatial", euCountry)
	if c.OpenData.Issued != "" {
		w.typed("dcterms:issued", "date", c.OpenData.Issued)
	}
	if updated != "" {
		w.typed("dcterms:modified", "date", updated)
	}
	for _, d := range sets {
		w.ref("dcat:dataset", base+"#"+d.id)
	}
	w.close("dcat:Catalog")

	w.open("foaf:Agent", publisher)
	w.plain("foaf:name", r.publisher())
	w.ref("dcterms:type", localAuthority)
	if u, _ := safety.WebURL(c.Contact.URL); u != "" {
		w.ref("foaf:homepage", u)
	}
	w.close("foaf:Agent")

	w.open("vcard:Organization", contact)
	w.plain("vcard:fn", r.publisher())
	if c.Contact.Email != "" && safety.Email(c.Contact.Email) == safety.EmailOK {
		w.ref("vcard:hasEmail", "mailto:"+c.Contact.Email)
	}
	if c.Contact.Phone != "" {
		w.ref("vcard:hasTelephone", string(telURL(c.Contact.Phone)))
	}
	w.close("vcard:Organization")

	for _, d := range sets {
		w.open("dcat:Dataset", base+"#"+d.id)
		for _, lang := range dataLangs {
			w.text("dcterms:title", lang, d.title[lang])
		}
		for _, lang := range dataLangs {
			w.text("dcterms:description", lang, d.desc[lang])
		}
		w.ref("dcterms:publisher", publisher)
		w.ref("dcat:contactPoint", contact)
		for _, t := range d.themes {
			w.ref("dcat:theme", euTheme+t)
		}
		for _, lang := range dataLangs {
			for _, k := range d.keywords[lang] {
				w.text("dcat:keyword", lang, k)
			}
		}
		for _, m := range d.spatial {
			w.ref("dcterms:spatial", r.abs(model.MunicipalityURL(m.Slug)))
		}
		w.ref("dcterms:accrualPeriodicity", euFrequency+"IRREG")
		w.ref("dcat:landingPage", base)
		if c.OpenData.Issued != "" {
			w.typed("dcterms:issued", "date", c.OpenData.Issued)
		}
		if updated != "" {
			w.typed("dcterms:modified", "date", updated)
		}
		for _, f := range d.files {
			w.ref("dcat:distribution", base+"#"+d.id+"-"+distributionID(f.path))
		}
		w.close("dcat:Dataset")
		for _, f := range d.files {
			name, media, euType := formatOf(f.path)
			u := r.abs("/" + f.path)
			w.open("dcat:Distribution", base+"#"+d.id+"-"+distributionID(f.path))
			for _, lang := range dataLangs {
				w.text("dcterms:title", lang, d.title[lang]+" ("+name+")")
			}
			w.ref("dcat:accessURL", u)
			w.ref("dcat:downloadURL", u)
			w.ref("dcat:mediaType", ianaMedia+media)
			w.ref("dcterms:format", euFileType+euType)
			w.ref("dcterms:license", c.OpenData.License.URL)
			w.typed("dcat:byteSize", "nonNegativeInteger", strconv.FormatInt(f.size, 10))
			if updated != "" {
				w.typed("dcterms:modified", "date", updated)
			}
			w.close("dcat:Distribution")
		}
	}
	// The municipalities the datasets cover: a place each, named, with
	// its SCB municipality code.
	var covered []*model.Municipality
	for _, d := range sets {
		for _, m := range d.spatial {
			if !slices.Contains(covered, m) {
				covered = append(covered, m)
			}
		}
	}
	slices.SortFunc(covered, func(a, b *model.Municipality) int {
		return slices.Index(r.site.Municipalities, a) - slices.Index(r.site.Municipalities, b)
	})
	for _, m := range covered {
		w.open("dcterms:Location", r.abs(model.MunicipalityURL(m.Slug)))
		w.text("skos:prefLabel", "sv", m.Name)
		if m.Code != "" {
			w.plain("dcterms:identifier", m.Code)
		}
		w.close("dcterms:Location")
	}
	b.WriteString("</rdf:RDF>\n")
	return b.Bytes()
}

// euLanguages are the EU language authority's codes of the languages a
// site may have.
var euLanguages = map[string]string{
	"sv": "SWE", "en": "ENG", "fi": "FIN", "se": "SME", "sma": "SMA", "smj": "SMJ", "fit": "FIT", "rmy": "RMY",
	"yi": "YID", "ar": "ARA", "fa": "FAS", "so": "SOM", "ti": "TIR", "uk": "UKR", "de": "DEU", "pl": "POL",
	"es": "SPA", "ckb": "CKB", "ku": "KUR", "prs": "PRS",
}

// siteTitleIn is the site's title in lang.
func siteTitleIn(c model.Config, lang string) string {
	if t := c.Language[lang].Title; t != "" {
		return t
	}
	return c.Title
}

// distributionID names a file's distribution within its dataset: its
// format ("geojson", "csv").
func distributionID(p string) string {
	name, _, _ := formatOf(p)
	out := []byte{}
	for _, c := range []byte(name) {
		switch {
		case c >= 'A' && c <= 'Z':
			out = append(out, c+'a'-'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			out = append(out, c)
		}
	}
	return string(out)
}

// rdfWriter writes RDF/XML's striped syntax, one level deep: every
// resource a node of its own, linked by rdf:resource.
type rdfWriter struct{ b *bytes.Buffer }

func (w *rdfWriter) open(typ, about string) {
	w.b.WriteString("<" + typ + " rdf:about=\"")
	xmlText(w.b, about)
	w.b.WriteString("\">\n")
}

func (w *rdfWriter) close(typ string) { w.b.WriteString("</" + typ + ">\n") }

// text is a literal in a language.
func (w *rdfWriter) text(prop, lang, s string) {
	w.b.WriteString("  <" + prop + " xml:lang=\"" + lang + "\">")
	xmlText(w.b, s)
	w.b.WriteString("</" + prop + ">\n")
}

// plain is a literal without a language.
func (w *rdfWriter) plain(prop, s string) {
	w.b.WriteString("  <" + prop + ">")
	xmlText(w.b, s)
	w.b.WriteString("</" + prop + ">\n")
}

// typed is a literal of an XML Schema datatype.
func (w *rdfWriter) typed(prop, datatype, s string) {
	w.b.WriteString("  <" + prop + " rdf:datatype=\"http://www.w3.org/2001/XMLSchema#" + datatype + "\">")
	xmlText(w.b, s)
	w.b.WriteString("</" + prop + ">\n")
}

// ref is a link to a resource.
func (w *rdfWriter) ref(prop, uri string) {
	w.b.WriteString("  <" + prop + " rdf:resource=\"")
	xmlText(w.b, uri)
	w.b.WriteString("\"/>\n")
}

// xmlText writes s escaped for XML text and attribute values: <, >, &,
// quotes and white space other than the space as references, characters
// XML cannot hold as U+FFFD.
func xmlText(b *bytes.Buffer, s string) { _ = xml.EscapeText(b, []byte(s)) }
