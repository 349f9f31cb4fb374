// Package safety owns the rules that keep what authors write from doing
// harm in the built site: which web addresses, link destinations and e-mail
// addresses are accepted, and how a CSV cell is kept from running as a
// spreadsheet formula. Every package that lets such a value through asks
// here, so each rule is written once. It uses only the standard library and
// imports nothing of the project, so any package may use it.
package safety

import (
	"fmt"
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"unicode"
)

// A URLProblem says what is wrong with a web address. The zero value,
// URLOK, says nothing is.
type URLProblem uint8

// The problems WebURL finds.
const (
	// URLOK is an absolute https address with a host.
	URLOK URLProblem = iota
	// URLInsecure is an absolute http address with a host: it may be
	// linked to, but it is not encrypted.
	URLInsecure
	// URLInvalid is not an address: it does not parse, holds white
	// space, or is an http(s) address without a host.
	URLInvalid
	// URLRelative has no scheme, e.g. "www.kommun.se" or "/bibliotek/".
	URLRelative
	// URLScheme has a scheme other than https and http, such as
	// javascript:, data: or mailto:.
	URLScheme
)

// Message says what is wrong with raw, the address as written, in the
// words of a diagnostic: `"www.kommun.se" is not a full web address`. It is
// "" for URLOK.
func (p URLProblem) Message(raw string) string {
	if p == URLOK {
		return ""
	}
	return fmt.Sprintf(p.Format(), raw)
}

// Format is the format of Message, with a %q for the address: the
// diagnostics take it to be printed in the author's language
// (generator/diag's catalogue has a translation of each).
func (p URLProblem) Format() string {
	switch p {
	case URLInsecure:
		return "%q is not encrypted (http)"
	case URLInvalid:
		return "%q is not a web address"
	case URLRelative:
		return "%q is not a full web address"
	case URLScheme:
		return "%q: only https and http addresses are allowed"
	}
	return ""
}

// WebURL checks the web address of a contact, a municipality, an e-service
// or a service point: an absolute https or http address with a host and no
// white space. It returns raw as clean when a page may link to it (URLOK,
// or URLInsecure for http, which callers may warn about), and "" with the
// problem otherwise, so that a javascript: or relative address never
// reaches a page.
func WebURL(raw string) (clean string, p URLProblem) {
	u, err := url.Parse(raw)
	switch {
	case err != nil || strings.ContainsAny(raw, " \t\r\n"):
		return "", URLInvalid
	case u.Scheme == "":
		return "", URLRelative
	case u.Scheme != "http" && u.Scheme != "https": // url.Parse lower-cases the scheme
		return "", URLScheme
	case u.Host == "":
		return "", URLInvalid
	case u.Scheme == "http":
		return raw, URLInsecure
	}
	return raw, URLOK
}

// An EmailProblem says what is wrong with an e-mail address. The zero
// value, EmailOK, says nothing is.
type EmailProblem uint8

// The problems Email finds.
const (
	// EmailOK is a plain address such as info@sundsvall.se.
	EmailOK EmailProblem = iota
	// EmailMailto is an address written with "mailto:" in front.
	EmailMailto
	// EmailInvalid is not a plain address: a name with the address in
	// <>, no "@", a domain without a dot, an IP address in [], …
	EmailInvalid
)

// Message says what is wrong with raw, the address as written:
// `"info@" is not an e-mail address`. It is "" for EmailOK.
func (p EmailProblem) Message(raw string) string {
	if p == EmailOK {
		return ""
	}
	return fmt.Sprintf(p.Format(), raw)
}

// Format is the format of Message, as URLProblem.Format.
func (p EmailProblem) Format() string {
	if p == EmailOK {
		return ""
	}
	return "%q is not an e-mail address"
}

// Email checks an e-mail address of contact data or a service point: only
// the address, with a domain that has a dot and is not an IP address.
func Email(raw string) EmailProblem {
	if strings.HasPrefix(strings.ToLower(raw), "mailto:") {
		return EmailMailto
	}
	a, err := mail.ParseAddress(raw)
	if err != nil || a.Address != raw || a.Name != "" {
		return EmailInvalid
	}
	_, domain, _ := strings.Cut(raw, "@")
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") || strings.ContainsAny(domain, "[]") {
		return EmailInvalid
	}
	return EmailOK
}

// scheme returns the lower-case scheme of u as a browser could read it,
// and whether u has one (a ":" before any "/", "?" or "#"). Browsers strip
// leading C0 controls and spaces and remove tabs and newlines anywhere
// before they parse a URL; to leave no way to hide a scheme, every C0
// control, space and DEL is left out here. A scheme that is not one to a
// browser (":x", "ja va:") is then refused by the allow-lists below rather
// than taken as relative: refusing is the safe side.
func scheme(u string) (name string, ok bool) {
	var b strings.Builder
	for _, r := range u {
		switch {
		case r <= ' ' || r == 0x7f:
			continue
		case r == ':':
			return strings.ToLower(b.String()), true
		case r == '/' || r == '?' || r == '#':
			return "", false
		}
		b.WriteRune(r)
	}
	return "", false
}

// LinkURL reports whether dest, the destination of a link or image in
// Markdown with its character references resolved, may reach a page: a
// relative address, or one whose scheme is http, https, mailto or tel.
func LinkURL(dest string) bool {
	s, ok := scheme(dest)
	if !ok {
		return true
	}
	switch s {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}

// Href returns h cleaned as a browser would read it (leading and trailing
// spaces and controls trimmed, tabs and newlines removed) when it is safe
// as a link target the generator writes, such as a map's links: a relative
// address ("/sundsvall/", "../", "#x", "karta/") or an absolute http or
// https one. Anything else — javascript:, data:, vbscript:, mailto:, and
// any address with a control character left in it — gives "".
func Href(h string) string {
	h = strings.TrimFunc(h, func(r rune) bool { return r <= ' ' })
	if strings.ContainsAny(h, "\t\n\r") {
		h = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(h)
	}
	if h == "" || strings.ContainsFunc(h, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return ""
	}
	s, ok := scheme(h)
	if ok && s != "http" && s != "https" {
		return ""
	}
	return h
}

// BaseURL checks the address a site is published at, given as raw: an
// absolute http or https address with a host, or a path such as "/" or
// "/org/site/", without query or fragment. It returns the address with a
// path that ends in "/", and ok; for any other raw it returns "/" and
// false.
func BaseURL(raw string) (u *url.URL, ok bool) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme != "") != (u.Host != "") || u.RawQuery != "" || u.Fragment != "" ||
		u.User != nil || !baseChars(raw) || // no password, nothing a page's markup or a script would read as its own

		u.Scheme == "" && !strings.HasPrefix(u.Path, "/") { // "sajt/" would make every link relative to the page
		return &url.URL{Path: "/"}, false
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u, true
}

// baseChars tells whether raw has only the characters of a plain web
// address: ASCII letters, digits, "-._~:/%[]" and non-ASCII letters (of a
// host's or a path's name), none of the quotes, angle brackets, spaces
// and the like that would need escaping wherever the address is written.
func baseChars(raw string) bool {
	for _, r := range raw {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', strings.ContainsRune("-._~:/%[]", r):
		case r > 0x7f && unicode.IsLetter(r):
		default:
			return false
		}
	}
	return true
}

// CSVCell returns c with ' in front when a spreadsheet would run it as a
// formula: when it starts with =, +, -, @, a tab or a carriage return.
func CSVCell(c string) string {
	if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return "'" + c
	}
	return c
}

// CSVRow applies CSVCell to every cell of row in place, except the cells at
// the indexes numbers, which hold numbers the generator wrote (such as
// coordinates) that a spreadsheet should read as numbers. It returns row.
func CSVRow(row []string, numbers ...int) []string {
	for i, c := range row {
		if !slices.Contains(numbers, i) {
			row[i] = CSVCell(c)
		}
	}
	return row
}

// Link is raw when a page may link to it as a web address (WebURL), else
// "": for a value whose problem the loader has reported already.
func Link(raw string) string {
	clean, _ := WebURL(raw)
	return clean
}
