package search

import (
	"encoding/binary"
	"errors"
	"unicode/utf8"
)

// Analysed documents are kept between builds, each under a key that the
// caller makes of everything the document is made of: a document whose
// key is the same as in the last build is put into the index as that
// build analysed it (Get), not cut into words again. A TermsWriter
// encodes them in the order they are added; ParseTerms reads them back.
//
// The encoding is a table of the words (each once), then the documents,
// each a record of its length (to find it by its key without reading
// the others) and its fields; a word is its number in the table. Numbers
// are varints.

const termsMagic = "guidemap search terms 1\n"

// TermsWriter gathers analysed documents with their keys.
type TermsWriter struct {
	ids   map[string]uint64 // word → its number in list
	list  []string
	blob  []byte // the records
	rec   []byte // the record being made
	count int
}

// NewTermsWriter returns an empty writer.
func NewTermsWriter() *TermsWriter {
	return &TermsWriter{ids: map[string]uint64{}}
}

// Len is the number of documents added.
func (w *TermsWriter) Len() int { return w.count }

// Add keeps t under key. The writer holds none of t's memory: a big
// site's texts are let go once their documents are in the index.
func (w *TermsWriter) Add(key uint64, t Terms) {
	r := w.rec[:0]
	d := &t.doc
	r = appendString(r, d.Kind)
	r = appendString(r, d.Title)
	r = appendString(r, d.Summary)
	r = appendString(r, d.URL)
	r = appendString(r, d.Municipality)
	r = binary.AppendUvarint(r, uint64(len(d.Keywords)))
	for _, k := range d.Keywords {
		r = appendString(r, k)
	}
	r = binary.AppendUvarint(r, uint64(len(d.Versions)))
	for _, v := range d.Versions {
		r = appendString(r, v.Municipality)
		r = appendString(r, v.URL)
	}
	r = binary.AppendUvarint(r, uint64(len(d.Sections)))
	for _, s := range d.Sections {
		r = appendString(r, s.Anchor)
		r = appendString(r, s.Heading)
		r = appendString(r, s.Municipality)
	}
	r = binary.AppendUvarint(r, uint64(len(t.words)))
	for _, ts := range t.words {
		r = binary.AppendUvarint(r, w.id(ts.word))
		r = binary.AppendVarint(r, int64(ts.score))
		r = binary.AppendVarint(r, int64(ts.section))
	}
	r = binary.AppendUvarint(r, uint64(len(t.stop)))
	for _, s := range t.stop {
		r = binary.AppendUvarint(r, w.id(s))
	}
	w.blob = binary.LittleEndian.AppendUint64(w.blob, key)
	w.blob = binary.AppendUvarint(w.blob, uint64(len(r)))
	w.blob = append(w.blob, r...)
	w.rec = r
	w.count++
}

// id is the number of word in the table, which it is added to the first
// time.
func (w *TermsWriter) id(word string) uint64 {
	if n, ok := w.ids[word]; ok {
		return n
	}
	n := uint64(len(w.list))
	word = string([]byte(word)) // not the document's text
	w.ids[word] = n
	w.list = append(w.list, word)
	return n
}

// Bytes is the encoding of the documents added.
func (w *TermsWriter) Bytes() []byte {
	size := len(termsMagic) + 2*binary.MaxVarintLen64 + len(w.blob)
	for _, s := range w.list {
		size += binary.MaxVarintLen64 + len(s)
	}
	b := make([]byte, 0, size)
	b = append(b, termsMagic...)
	b = binary.AppendUvarint(b, uint64(len(w.list)))
	for _, s := range w.list {
		b = appendString(b, s)
	}
	b = binary.AppendUvarint(b, uint64(w.count))
	return append(b, w.blob...)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// TermsReader gives the documents of an encoding by their keys. It is
// safe for concurrent use.
type TermsReader struct {
	words []string
	recs  map[uint64][]byte // key → its record
}

// ParseTerms reads what TermsWriter.Bytes wrote. It finds every record
// but decodes one only when Get asks for it. It returns an error when
// data is not such an encoding or is cut short.
func ParseTerms(data []byte) (*TermsReader, error) {
	if len(data) < len(termsMagic) || string(data[:len(termsMagic)]) != termsMagic {
		return nil, errors.New("not a file of search terms")
	}
	d := decoder{b: data[len(termsMagic):]}
	n := d.count()
	tr := &TermsReader{words: make([]string, 0, n)}
	for range n {
		tr.words = append(tr.words, d.str())
	}
	docs := d.count()
	tr.recs = make(map[uint64][]byte, docs)
	for range docs {
		key := d.uint64()
		tr.recs[key] = d.bytes(d.count())
	}
	if d.bad || len(d.b) != 0 {
		return nil, errors.New("a damaged file of search terms")
	}
	return tr, nil
}

// Len is the number of documents.
func (tr *TermsReader) Len() int {
	if tr == nil {
		return 0
	}
	return len(tr.recs)
}

// Get returns the document of key as it was analysed; false when there is
// none (or its record is damaged).
func (tr *TermsReader) Get(key uint64) (Terms, bool) {
	if tr == nil {
		return Terms{}, false
	}
	rec, ok := tr.recs[key]
	if !ok {
		return Terms{}, false
	}
	d := decoder{b: rec}
	var t Terms
	doc := &t.doc
	doc.Kind, doc.Title, doc.Summary, doc.URL, doc.Municipality = d.str(), d.str(), d.str(), d.str(), d.str()
	if n := d.count(); n > 0 {
		doc.Keywords = make([]string, 0, n)
		for range n {
			doc.Keywords = append(doc.Keywords, d.str())
		}
	}
	if n := d.count(); n > 0 {
		doc.Versions = make([]Version, 0, n)
		for range n {
			doc.Versions = append(doc.Versions, Version{Municipality: d.str(), URL: d.str()})
		}
	}
	if n := d.count(); n > 0 {
		doc.Sections = make([]Section, 0, n)
		for range n {
			doc.Sections = append(doc.Sections, Section{Anchor: d.str(), Heading: d.str(), Municipality: d.str()})
		}
	}
	n := d.count()
	t.words = make([]termScore, 0, n)
	for range n {
		w := d.word(tr.words)
		score, section := d.int32(), d.int32()
		t.words = append(t.words, termScore{word: w, score: score, section: section})
	}
	if n := d.count(); n > 0 {
		t.stop = make([]string, 0, n)
		for range n {
			t.stop = append(t.stop, d.word(tr.words))
		}
	}
	if d.bad || len(d.b) != 0 {
		return Terms{}, false
	}
	return t, true
}

// decoder reads varints and strings from b; bad tells that one was cut
// short or out of range (what it read then is zero).
type decoder struct {
	b   []byte
	bad bool
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int32() int32 {
	v, n := binary.Varint(d.b)
	if n <= 0 || v != int64(int32(v)) {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return int32(v)
}

func (d *decoder) uint64() uint64 {
	if len(d.b) < 8 {
		d.bad, d.b = true, nil
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return v
}

// count is a number of things or bytes that follow: never more than the
// bytes left, so that a damaged count allocates nothing big.
func (d *decoder) count() int {
	v := d.uvarint()
	if v > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return 0
	}
	return int(v)
}

func (d *decoder) bytes(n int) []byte {
	if d.bad {
		return nil
	}
	b := d.b[:n:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) str() string {
	s := d.bytes(d.count())
	if !utf8.Valid(s) {
		d.bad, d.b = true, nil
		return ""
	}
	return string(s)
}

func (d *decoder) word(words []string) string {
	n := d.uvarint()
	if n >= uint64(len(words)) {
		d.bad, d.b = true, nil
		return ""
	}
	return words[n]
}
