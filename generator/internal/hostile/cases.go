package hostile

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// The files of the fixture that the cases edit.
const (
	guide    = "content/guides/sophamtning.md"
	local    = "content/municipalities/harnosand/guides/kulturskolan.md"
	adapt    = "content/municipalities/timra/guides/sophamtning.md"
	eservice = "content/eservices/anmalan-hemkompost.md"
	owned    = "content/eservices/ansokan-batplats.md"
	offer    = "content/municipalities/timra/eservices/ansokan-batplats.md"
	page     = "content/pages/om-webbplatsen.md"
	timra    = "content/municipalities/timra.md"
	harn     = "content/municipalities/harnosand.md"
	siteToml = "content/site.toml"
	libs     = "geodata/platser/bibliotek.geojson"
	recyc    = "geodata/platser/atervinningscentral.geojson"
	bounds   = "geodata/municipalities.geojson"
	towns    = "geodata/base/places.geojson"
)

// md appends a paragraph of Markdown to the shared guide.
func md(name, src, text, warn string) Case {
	return Case{Name: name, Kind: "markdown", Edits: []Edit{{File: guide, New: "\n" + src + "\n"}}, Text: text, Warn: warn}
}

// field replaces a line of a file (old) by new.
func field(kind, name, file, old, new string) Case {
	return Case{Name: name, Kind: kind, Edits: []Edit{{File: file, Old: old, New: new}}}
}

// safe is c with the text that must appear on a page.
func (c Case) safe(text string) Case { c.Text = text; return c }

// fails is c with the start of its expected error.
func (c Case) fails(err string) Case { c.Err = err; return c }

// warns is c with a warning the build must report.
func (c Case) warns(w string) Case { c.Warn = w; return c }

// prop replaces a property of Timrå bibliotek in the libraries' file.
func prop(name, key, old, value string) Case {
	return field("point", name, libs, `"`+key+`":`+old, `"`+key+`":`+value)
}

// Cases are the hostile inputs and their outcomes.
var Cases = []Case{
	// Markdown.
	md("raw HTML block", Form, "", "HTML in Markdown is left out"),
	md("raw inline img", `Text `+Img+` här.`, "", "HTML in Markdown is left out"),
	md("script element", Script, "", "HTML in Markdown is left out"),
	md("svg onload", `Se `+SVG+` här.`, "", "HTML in Markdown is left out"),
	md("javascript link", `[klicka](javascript:alert(1))`, "klicka", `link to "javascript:alert(1)" removed`),
	md("javascript link with a tab entity", `[tabb](jav&#x09;ascript:alert(1))`, "tabb", `removed`),
	md("javascript link in angle brackets", `[vinkel](<javascript:alert(1)>)`, "vinkel", `removed`),
	md("javascript link in upper case", `[stor](JAVASCRIPT:alert(1))`, "stor", `removed`),
	md("javascript link with entity colon", `[kolon](javascript&colon;alert(1))`, "kolon", `removed`),
	md("data link", `[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`, "data", `removed`),
	md("vbscript link", `[vb](vbscript:msgbox(1))`, "vb", `removed`),
	md("javascript image", `![bild](javascript:alert(1))`, "bild", `removed`),
	md("data image", `![svgbild](data:image/svg+xml,%3Csvg%20onload=alert(1)%3E)`, "svgbild", `removed`),
	md("javascript autolink", `<javascript:alert(1)>`, "javascript:alert(1)", `removed`),
	md("reference link to javascript", "[referens][x]\n\n[x]: javascript:alert(1)", "referens", `removed`),
	md("linkified address with markup", `www.example.se/`+Img, "", ""),
	md("link title with markup", `[titel](https://www.example.se/ "`+strings.ReplaceAll(Img, `"`, `&quot;`)+`")`, "titel", ""),
	md("link destination with a quote", `[citat](https://www.example.se/"onmouseover="window.__pwned=1)`, "citat", ""),
	md("heading attributes", `## Rubrik {data-x=1 style="color:red" onclick="window.__pwned=1" #gm-main}`, "Rubrik", "heading attributes left out: data-x, style, onclick"),
	md("heading ID with markup", `## Rubrik två {id="x\"><img src=x onerror=window.__pwned=1>"}`, "Rubrik två", "is left out: an ID is lower-case letters"),
	md("HTML comment with script", `<!-- `+Script+` -->`, "", ""),
	md("code span with markup", "`"+Script+"`", Script, ""),
	md("code block with markup", "```html\n"+Img+"\n"+SVG+"\n```", Img+"\n"+SVG, ""),
	md("table cell with markup", "| Kolumn |\n|---|\n| "+Img+" |", "", "HTML in Markdown is left out"),
	md("template syntax", `Mall: {{ .Site }} och {{ template "x" }}.`, `Mall: {{ .Site }} och {{ template "x" }}.`, ""),
	md("entities", `&lt;script&gt;window.__pwned=1&lt;/script&gt;`, `<script>window.__pwned=1</script>`, ""),
	md("right-to-left override", "Text "+RLO+"gnp.exe", "Text "+RLO+"gnp.exe", ""),

	// A shared guide's front matter.
	field("guide", "guide title", guide, "title: Sophämtning och återvinning", "title: "+Q(Mixed)).safe(Mixed),
	field("guide", "guide summary", guide, "summary: Så fungerar hämtningen av mat- och restavfall, och så lämnar du grovavfall på återvinningscentralen.", "summary: "+Q("S"+Mixed)).safe("S" + Mixed),
	field("guide", "guide category", guide, "category: avfall\naudience: [citizen]\nlife_events: [Flytta]", "category: "+Q(Img)+"\naudience: [citizen]\nlife_events: [Flytta]").fails(`content/guides/sophamtning.md:4:11: unknown category "\"><img src=x onerror=window.__pwned=1>"`),
	field("guide", "guide audience", guide, "audience: [citizen]\nlife_events: [Flytta]\nupdated: 2026-08-20", "audience: ["+Q(Img)+"]\nlife_events: [Flytta]\nupdated: 2026-08-20").fails(`content/guides/sophamtning.md:5:12: unknown audience`),
	field("guide", "guide life event", guide, "life_events: [Flytta]\nupdated: 2026-08-20", "life_events: ["+Q(Form)+"]\nupdated: 2026-08-20").fails(`content/guides/sophamtning.md:6:15: unknown life event "<form><input name=pwn></form>"`),
	field("guide", "guide updated", guide, "updated: 2026-08-20", "updated: "+Q(Script)).fails(`content/guides/sophamtning.md:7:10: "</script><script>window.__pwned=1</script>" is not a date`),
	field("guide", "guide e-services", guide, "eservices: [anmalan-hemkompost]", "eservices: ["+Q(Img)+"]").fails(`content/guides/sophamtning.md:8:13: unknown e-service`),
	field("e-service", "e-service title with NUL", owned, "title: Ansökan om båtplats", "title: \"Ansökan om b\\0tplats\"").safe("Ansökan om b\ufffdtplats"),
	field("guide", "guide unknown key", guide, "updated: 2026-08-20", "updated: 2026-08-20\n"+Q(Img)+": 1").fails(`content/guides/sophamtning.md:8:1: unknown key "\"><img src=x onerror=window.__pwned=1>"`),

	// A local guide and an adaptation.
	field("local guide", "local guide title", local, "title: Kulturskolan", "title: "+Q("K"+Mixed)).safe("K" + Mixed),
	field("local guide", "local guide summary", local, "summary: Så anmäler du ditt barn till Härnösands kulturskola, och så mycket kostar det.", "summary: "+Q("L"+Mixed)).safe("L" + Mixed),
	field("adaptation", "adaptation contact name", adapt, "  name: Avfallsenheten, Timrå kommun", "  name: "+Q("A"+Mixed)).safe("A" + Mixed),
	field("adaptation", "adaptation contact email", adapt, "  email: avfall@timra.se", "  email: "+Q(`x"><img src=x onerror=window.__pwned=1>@timra.se`)).fails(`content/municipalities/timra/guides/sophamtning.md:8:10: "x\"><img src=x onerror=window.__pwned=1>@timra.se" is not an e-mail address`),
	field("adaptation", "adaptation contact phone", adapt, "  phone: 060-16 31 00", "  phone: "+Q("060"+Img)).safe("060" + Img),

	// E-services and offers.
	field("e-service", "e-service title", eservice, "title: Anmälan om kompostering av matavfall", "title: "+Q("E"+Mixed)).safe("E" + Mixed),
	field("e-service", "e-service summary", eservice, "summary: Anmäl att du vill kompostera ditt matavfall på den egna tomten.", "summary: "+Q("F"+Mixed)).safe("F" + Mixed),
	field("e-service", "e-service url javascript", eservice, "url: https://kustlandet.example.se/e-tjanster/anmalan-hemkompost", "url: "+Q(JSURL)).fails(`content/eservices/anmalan-hemkompost.md:5:6: "javascript:alert(1)": only https and http addresses are allowed`),
	field("e-service", "e-service url with markup", eservice, "url: https://kustlandet.example.se/e-tjanster/anmalan-hemkompost", "url: "+Q("https://kustlandet.example.se/"+Img)).fails(`content/eservices/anmalan-hemkompost.md:5:6: "https://kustlandet.example.se/\"><img src=x onerror=window.__pwned=1>" is not a web address`),
	field("e-service", "e-service owner", eservice, "owner: common", "owner: "+Q(Img)).fails(`content/eservices/anmalan-hemkompost.md:4:8: unknown owner`),
	field("e-service", "e-service login", eservice, "login: [bankid]", "login: ["+Q(Form)+"]").fails(`content/eservices/anmalan-hemkompost.md:8:9: unknown login "<form><input name=pwn></form>"`),
	field("e-service", "e-service fee", eservice, "fee: Ingen avgift", "fee: "+Q("G"+Mixed)).safe("G" + Mixed),
	field("e-service", "e-service status", eservice, "status: live", "status: "+Q(Script)).fails(`content/eservices/anmalan-hemkompost.md:10:9: unknown status`),
	field("e-service", "e-service needs", eservice, "  - Fastighetsbeteckning", "  - "+Q("H"+Mixed)).safe("H" + Mixed),
	field("e-service", "e-service duration", eservice, "duration: Cirka 5 minuter", "duration: "+Q("I"+Mixed)).safe("I" + Mixed),
	field("e-service", "e-service personal data", eservice, "personal_data: Vi behandlar ditt namn, personnummer och fastighetsbeteckning för att handlägga anmälan.", "personal_data: "+Q("J"+Mixed)).safe("J" + Mixed),
	field("e-service", "e-service audience", eservice, "audience: [citizen]\nlogin", "audience: ["+Q(SVG)+"]\nlogin").fails(`content/eservices/anmalan-hemkompost.md:7:12: unknown audience "<svg onload=window.__pwned=1>"`),
	field("e-service", "e-service contact url", owned, "  url: https://www.harnosand.se/", "  url: "+Q("vbscript:msgbox(1)")).fails(`content/eservices/ansokan-batplats.md:20:8: "vbscript:msgbox(1)": only https and http addresses are allowed`),
	field("e-service", "e-service contact name", owned, "  name: Hamnverksamheten, Härnösands kommun", "  name: "+Q("M"+Mixed)).safe("M" + Mixed),
	field("e-service", "e-service life event", owned, "life_events: [Flytta, Leisure time]", "life_events: [Flytta, "+Q(Img)+"]").fails(`content/eservices/ansokan-batplats.md:11:23: unknown life event`),
	field("offer", "offer summary", offer, "summary: Ställ dig i kö till en båtplats i Timrå kommuns småbåtshamnar i Söråker och Fagervik.", "summary: "+Q("N"+Mixed)).safe("N" + Mixed),
	field("offer", "offer fee formula", offer, "fee: Köavgift 150 kr per år", "fee: "+Q(Formula)).safe(Formula),
	field("offer", "offer url data", offer, "url: https://e-tjanster.timra.se/ansokan-batplats", "url: "+Q("data:text/html,<script>alert(1)</script>")).fails(`content/municipalities/timra/eservices/ansokan-batplats.md:3:6: "data:text/html,<script>alert(1)</script>": only https and http addresses are allowed`),

	// A free page.
	field("page", "page title", page, "title: Om webbplatsen", "title: "+Q("O"+Mixed)).safe("O" + Mixed),
	field("page", "page summary", page, "summary: Vem som står bakom webbplatsen och hur vi hanterar dina uppgifter.", "summary: "+Q("P"+Mixed)).safe("P" + Mixed),
	field("page", "page weight", page, "weight: 10", "weight: "+Q(Img)).fails(`content/pages/om-webbplatsen.md:4:9: "weight" must be a whole number`),

	// Municipalities.
	field("municipality", "municipality name", timra, "name: Timrå kommun", "name: "+Q("Timrå "+Mixed)).safe("Timrå " + Mixed),
	field("municipality", "municipality summary", harn, "summary: Härnösand är residensstad i Västernorrland, en kulturstad vid havet och porten till Höga kusten.", "summary: "+Q("Q"+Mixed)).safe("Q" + Mixed),
	field("municipality", "municipality address", harn, "address: Universitetsbacken 1, 871 80 Härnösand", "address: "+Q("R"+Mixed)).safe("R" + Mixed),
	field("municipality", "municipality website", harn, "website: https://www.harnosand.se/", "website: "+Q(" JaVaScRiPt:alert(1)")).fails(`content/municipalities/harnosand.md:4:10: "JaVaScRiPt:alert(1)": only https and http addresses are allowed`),
	field("municipality", "municipality email", harn, "email: kommun@harnosand.se", "email: "+Q(`"><svg/onload=alert(1)>@harnosand.se`)).fails(`content/municipalities/harnosand.md:5:8: "\"><svg/onload=alert(1)>@harnosand.se" is not an e-mail address`),
	field("municipality", "municipality code", harn, `code: "2280"`, "code: "+Q(Img)).fails(`content/municipalities/harnosand.md:3:7: code "\"><img src=x onerror=window.__pwned=1>" is not an SCB municipality code`),
	field("municipality", "municipality phone", harn, "phone: 0611-34 80 00", "phone: "+Q("0611"+JSQuote)).safe("0611" + JSQuote),

	// site.toml.
	field("site.toml", "site title", siteToml, `title = "eSamverkan Kustlandet"`, "title = "+Q("Kust "+Mixed)).safe("Kust " + Mixed),
	field("site.toml", "site description", siteToml, `description = "Guider och e-tjänster från Timrå och Härnösand, samlade på ett ställe."`, "description = "+Q("T"+Mixed)).safe("T" + Mixed),
	field("site.toml", "base_url javascript", siteToml, `base_url = "https://kustlandet.example.se/"`, `base_url = "javascript:alert(1)//"`).fails(`content/site.toml:3:1: base URL "javascript:alert(1)//" is not an http or https address`),
	field("site.toml", "base_url with markup", siteToml, `base_url = "https://kustlandet.example.se/"`, "base_url = "+Q(`https://kustlandet.example.se/"><img src=x onerror=window.__pwned=1>/`)).fails(`content/site.toml:3:1: base URL "https://kustlandet.example.se/\"><img`),
	field("site.toml", "base_url with credentials", siteToml, `base_url = "https://kustlandet.example.se/"`, `base_url = "https://user:pass@kustlandet.example.se/"`).fails(`content/site.toml:3:1: base URL "https://user:pass@kustlandet.example.se/" is not an http or https address`),
	field("site.toml", "contact name", siteToml, "[contact]\nname = \"eSamverkan Kustlandet\"", "[contact]\nname = "+Q("U"+Mixed)).safe("U" + Mixed),
	field("site.toml", "contact url", siteToml, `phone = "060-16 30 00"`+"\n\n[collaboration]", `phone = "060-16 30 00"`+"\nurl = "+Q(JSURL)+"\n\n[collaboration]").fails(`content/site.toml:`),
	field("site.toml", "contact email", siteToml, `email = "info@kustlandet.example.se"`, "email = "+Q(Img)).fails(`content/site.toml:`),
	field("site.toml", "collaboration summary", siteToml, `summary = "Timrå och Härnösand bygger e-tjänster tillsammans och delar dem som en kommun byggt själv."`, "summary = "+Q("V"+Mixed)).safe("V" + Mixed),
	field("site.toml", "category name", siteToml, `sv = "Avfall och återvinning"`, "sv = "+Q("W"+Mixed)).safe("W" + Mixed),
	field("site.toml", "category slug", siteToml, `slug = "kultur-fritid"`, "slug = "+Q(Img)).fails(`content/site.toml:29:1: category slug "\"><img src=x onerror=window.__pwned=1>" is not valid`),
	field("site.toml", "point category name", siteToml, `sv = "Bibliotek"`, "sv = "+Q("Y"+Mixed)).safe("Y" + Mixed),
	field("site.toml", "point category schema", siteToml, `schema = "Library"`, "schema = "+Q(Script)).fails(`content/site.toml:`),
	field("site.toml", "life event name", siteToml, `sv = "Fritid"`, "sv = "+Q("Z"+Mixed)).safe("Z" + Mixed),
	field("site.toml", "life event intro", siteToml, `intro_sv = "När du flyttar hit finns det mer att ordna än flyttlasset."`, "intro_sv = "+Q("Ä"+Mixed)).safe("Ä" + Mixed),
	field("site.toml", "life event slug", siteToml, `slug = "starta-foretag"`, "slug = "+Q(Form)).fails(`content/site.toml:76:1: life event slug "<form><input name=pwn></form>" is not valid`),
	field("site.toml", "accessibility shortcoming", siteToml, `sv = "Kartorna visar platserna som bilder. Samma platser finns också i en lista under varje karta."`, "sv = "+Q("Ö"+Mixed)).safe("Ö" + Mixed),
	{Name: "notice", Kind: "site.toml", Edits: []Edit{{File: siteToml, New: "\n[notice]\nsv = " + Q("Å"+Mixed) + "\nen = " + Q("En "+Mixed) + "\n"}}, Text: "Å" + Mixed},
	{Name: "open data license", Kind: "site.toml", Edits: []Edit{{File: siteToml, Old: "[contact]", New: "[open_data]\nlicense = " + Q(Img) + "\n\n[contact]"}}, Err: `content/site.toml:7:1: open_data.license "\"><img src=x onerror=window.__pwned=1>" is not an open-data licence`},
	{Name: "open data issued", Kind: "site.toml", Edits: []Edit{{File: siteToml, Old: "[contact]", New: "[open_data]\nissued = " + Q(CDATA) + "\n\n[contact]"}}, Err: `content/site.toml:7:1: open_data.issued must be a date YYYY-MM-DD, not "]]>"`},
	field("site.toml", "theme name", siteToml, `languages = ["sv", "en"]`, `languages = ["sv", "en"]`+"\ntheme = "+Q("../../..")).fails(`content/site.toml:5:1: theme "../../.." is not a valid name`),

	// GeoJSON: service points.
	prop("point name", "name", `"Timrå bibliotek"`, Q("Bibl "+Mixed)).safe("Bibl " + Mixed),
	prop("point address", "address", `"Köpmangatan 12"`, Q("Gata "+Mixed)).safe("Gata " + Mixed),
	prop("point city", "city", `"Timrå"`, Q("Ort "+Mixed)).safe("Ort " + Mixed),
	prop("point postal code", "postal_code", `"861 31"`, Q("861"+Img)).safe("861" + Img),
	prop("point phone", "phone", `"060-16 15 45"`, Q(Formula)).safe(Formula),
	prop("point email", "email", `"bibliotek@timra.se"`, Q(Img)).fails(`geodata/platser/bibliotek.geojson:2:281: features[0]: "Timrå bibliotek": "\"><img src=x onerror=window.__pwned=1>" is not an e-mail address`),
	prop("point url javascript", "url", `"https://timra.se/kultur-och-fritid/bibliotek/timra-bibliotek"`, Q(JSURL)).fails(`geodata/platser/bibliotek.geojson:2:310: features[0]: "Timrå bibliotek": "javascript:alert(1)": only https and http addresses are allowed`),
	prop("point description", "description", `"Närbibliotek med utlåning, reservationer och sagostunder för barn."`, Q("Besk "+Mixed+RLO)).safe("Besk " + Mixed + RLO),
	prop("point opening hours", "opening_hours", `"Mo-Th 10:00-19:00; Fr 10:00-16:00; Sa 11:00-14:00; PH off"`, Q("Mo-Fr 10:00-12:00 "+Img)).warns(`opening_hours not understood`),
	field("point", "point wheelchair", libs, `"wheelchair":"yes","description":"Närbibliotek`, `"wheelchair":`+Q(Form)+`,"description":"Närbibliotek`).fails(`geodata/platser/bibliotek.geojson:2:379: features[0]: "Timrå bibliotek": "wheelchair" is "<form><input name=pwn></form>", not "yes", "limited" or "no"`),
	field("point", "point category", recyc, `"wheelchair":"limited"`, `"wheelchair":"limited","category":`+Q(Img)).fails(`geodata/platser/atervinningscentral.geojson:2:428: features[0]: "Timrå återvinningscentral": unknown category`),
	field("point", "point municipality", recyc, `"wheelchair":"limited"`, `"wheelchair":"limited","municipality":`+Q(Form)).fails(`geodata/platser/atervinningscentral.geojson:2:1: features[0]: "Timrå återvinningscentral": unknown municipality "<form><input name=pwn></form>"`),
	field("point", "point NUL in name", recyc, `"name":"Timrå återvinningscentral"`, `"name":"Timrå\u0000ÅVC"`).safe("Timrå\ufffdÅVC"),
	field("point", "point unknown property", recyc, `"wheelchair":"limited"`, `"wheelchair":"limited",`+Q(Img)+`:"x"`).warns(`unknown property "\"><img src=x onerror=window.__pwned=1>"`),

	// GeoJSON: boundaries and base layers.
	field("boundary", "boundary name", bounds, `"name":"Härnösand"`, `"name":`+Q("Härn "+Mixed)).safe(""),
	field("boundary", "boundary code", bounds, `"code":"2280"`, `"code":`+Q(Img)).fails(`content/municipalities/harnosand.md:3:7: no boundary in geodata/municipalities.geojson has code "2280"`),
	field("base layer", "town name", towns, `"name":"Härnösand","kind"`, `"name":`+Q("S<svg onload=alert(1)>")+`,"kind"`).safe("S<svg onload=alert(1)>"), // a long name finds no room on the map,
	field("base layer", "attribution", towns, `"attribution":"Tätorter: exempel"`, `"attribution":`+Q("Attr "+Mixed)).safe(""),

	// File and folder names.
	{Name: "guide file name with markup", Kind: "file name", Rename: [2]string{local, "content/municipalities/harnosand/guides/\"><img src=x onerror=window.__pwned=1>.md"}, Err: `content/municipalities/harnosand/guides/"><img src=x onerror=window.__pwned=1>.md:1:1: file name "\"><img src=x onerror=window.__pwned=1>.md" cannot be a web address`},
	{Name: "guide file name with spaces", Kind: "file name", Rename: [2]string{local, "content/municipalities/harnosand/guides/kultur skolan.md"}, Err: `content/municipalities/harnosand/guides/kultur skolan.md:1:1: file name "kultur skolan.md" cannot be a web address`},
	{Name: "hidden guide file (ignored)", Kind: "file name", Rename: [2]string{"content/guides/sophamtning.en.md", "content/guides/.sophamtning.en.md"}},
	{Name: "guide file name with unicode", Kind: "file name", Rename: [2]string{local, "content/municipalities/harnosand/guides/kulturskolan-åäö.md"}, Err: `content/municipalities/harnosand/guides/kulturskolan-åäö.md:1:1: file name "kulturskolan-åäö.md" cannot be a web address`},
	{Name: "guide file name with ..", Kind: "file name", Rename: [2]string{local, "content/municipalities/harnosand/guides/kultur..skolan.md"}, Err: `content/municipalities/harnosand/guides/kultur..skolan.md:1:1: file name "kultur..skolan.md" cannot be a web address`},
	{Name: "municipality folder with markup", Kind: "file name", Rename: [2]string{local, "content/municipalities/<form>/guides/kulturskolan.md"}, Err: `content/municipalities/<form>/guides/kulturskolan.md:1:1: municipality folder "<form>" cannot be a web address`},
	{Name: "page file name with quote and ampersand", Kind: "file name", Rename: [2]string{page, "content/pages/om'webb&plats.md"}, Err: `content/pages/om'webb&plats.md:1:1: file name "om'webb&plats.md" cannot be a web address`},
	{Name: "point file name with markup", Kind: "file name", Rename: [2]string{recyc, "geodata/platser/<svg onload=alert(1)>.geojson"}, Err: `geodata/platser/<svg onload=alert(1)>.geojson:2:90: features[0]: "Timrå återvinningscentral": no category, and the file name "<svg onload=alert(1)>" is not a category`},
	{Name: "media file with markup", Kind: "file name", Edits: []Edit{{File: "content/guides/sophamtning/\"><b>.svg", New: `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`}, {File: guide, New: "\n![En bild med markup i namnet](sophamtning/\"><b>.svg)\n"}}, Text: "En bild med markup i namnet"},

	// Files that are not regular files inside the site, or too big
	// (issue #16, items 0 and 4).
	{Name: "symlink to a file outside the site", Kind: "file name", Err: "content/guides/hemlig.md: is a symbolic link to ",
		Setup: func(dir, outside string) error {
			return os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "content/guides/hemlig.md"))
		}},
	{Name: "FIFO as a Markdown file", Kind: "file name", Err: "content/guides/fifo.md: is a named pipe (FIFO), not a file; replace it with a regular file (guidemap did not read it)",
		Setup: func(dir, outside string) error {
			return syscall.Mkfifo(filepath.Join(dir, "content/guides/fifo.md"), 0o644)
		}},
	{Name: "symlink to /dev/zero", Kind: "file name", Err: "content/guides/noll.md: is a symbolic link to /dev/zero, outside the site folder: guidemap reads nothing outside it",
		Setup: func(dir, outside string) error {
			return os.Symlink("/dev/zero", filepath.Join(dir, "content/guides/noll.md"))
		}},
	{Name: "oversize Markdown file", Kind: "markdown", Err: "content/guides/stor.md: is 40 MB, more than the 4.0 MB guidemap reads of a Markdown file",
		Setup: func(dir, outside string) error {
			return os.WriteFile(filepath.Join(dir, "content/guides/stor.md"), []byte("---\ntitle: Stor\nsummary: S\ncategory: avfall\n---\n\n"+strings.Repeat("Text. ", 40<<20/6)), 0o644)
		}},
	{Name: "YAML billion laughs", Kind: "guide", Err: "content/guides/sophamtning.md:10:8: alias *b names a value that holds other aliases",
		Edits: []Edit{{File: guide, Old: "updated: 2026-08-20", New: "updated: 2026-08-20\nx: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nw: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nv: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nu: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\nt: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]"}}},
}
