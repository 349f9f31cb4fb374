package search

import (
	"bytes"
	"cmp"
	"reflect"
	"slices"
	"testing"
)

// termsDocs are documents with every field that a record keeps.
func termsDocs() []Doc {
	return []Doc{
		{Kind: Guide, Title: "Bygglov för altan", Summary: "Så söker du bygglov.", URL: "/guider/bygglov/",
			Keywords: []string{"Bygga och bo"},
			Versions: []Version{{Municipality: "timra", URL: "/timra/guider/bygglov/"}, {Municipality: "ange", URL: "/ange/guider/bygglov/"}},
			Sections: []Section{
				{Text: "Du behöver bygglov för en altan som är högre än 1,8 meter."},
				{Anchor: "ansok", Heading: "Så ansöker du", Text: "Ansök i e-tjänsten. Det tar fyra veckor."},
				{Anchor: "timra-avgift", Heading: "Avgift i Timrå", Text: "Timrå tar ut en avgift.", Municipality: "timra"},
			}},
		{Kind: Place, Title: "Blåsteds återvinningscentral", URL: "/timra/platser/blasted/", Municipality: "timra",
			Keywords: []string{"Återvinningscentral", "Blåstedsvägen 2", "Timrå"}},
		{Kind: Page, Title: "Webbplatsen", URL: "/om-webbplatsen/"}, // no stop word: the record ends in its count, 0
	}
}

// encodedDocs is termsDocs analysed in Swedish, each under its index as
// its key, encoded.
func encodedDocs() []byte {
	ix := New("sv")
	w := NewTermsWriter()
	for i, d := range termsDocs() {
		w.Add(uint64(i), ix.Analyse(d))
	}
	return w.Bytes()
}

// sameTerms tells whether a and b are the same analysis: the words of a
// document are in no particular order.
func sameTerms(a, b Terms) bool {
	sorted := func(ws []termScore) []termScore {
		ws = slices.Clone(ws)
		slices.SortFunc(ws, func(x, y termScore) int { return cmp.Compare(x.word, y.word) })
		return ws
	}
	return reflect.DeepEqual(a.doc, b.doc) && slices.Equal(sorted(a.words), sorted(b.words)) && slices.Equal(a.stop, b.stop)
}

// TestTermsRoundTrip: what ParseTerms reads back is what was added, by
// key, and an index of the documents read back writes the same files as
// one of the documents analysed.
func TestTermsRoundTrip(t *testing.T) {
	for _, lang := range []string{"sv", "en", "fi"} {
		ix := New(lang)
		w := NewTermsWriter()
		var want []Terms
		for i, d := range termsDocs() {
			tm := ix.Analyse(d)
			want = append(want, tm)
			w.Add(uint64(1000+i), tm)
		}
		r, err := ParseTerms(w.Bytes())
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if r.Len() != len(want) {
			t.Fatalf("%s: %d documents read, want %d", lang, r.Len(), len(want))
		}
		back := New(lang)
		for i, tm := range want {
			got, ok := r.Get(uint64(1000 + i))
			if !ok {
				t.Fatalf("%s: document %d is not there", lang, i)
			}
			if !sameTerms(got, tm) {
				t.Errorf("%s: document %d reads back as\n%+v\nwant\n%+v", lang, i, got, tm)
			}
			ix.Put(tm)
			back.Put(got)
		}
		if _, ok := r.Get(7); ok {
			t.Errorf("%s: a key never added is found", lang)
		}
		_, a := ix.Files(Options{Dir: "sok/index/"})
		_, b := back.Files(Options{Dir: "sok/index/"})
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: the index of the documents read back differs", lang)
		}
	}
	var nilReader *TermsReader
	if _, ok := nilReader.Get(1); ok || nilReader.Len() != 0 {
		t.Error("a nil reader has documents")
	}
}

// TestParseTermsRefusesDamage: a file cut short, of another kind or with
// a word number out of range is refused, whole or by record.
func TestParseTermsRefusesDamage(t *testing.T) {
	data := encodedDocs()
	if _, err := ParseTerms(data[:len(data)-1]); err == nil {
		t.Error("a file cut short is read")
	}
	if _, err := ParseTerms(append(slices.Clone(data), 0)); err == nil {
		t.Error("a file with a byte too many is read")
	}
	if _, err := ParseTerms([]byte("guidemap search terms 0\n")); err == nil {
		t.Error("another version's file is read")
	}
	// The last record's stop-word count (the record's last byte, 0)
	// raised: its record no longer reads, the others do.
	bad := slices.Clone(data)
	bad[len(bad)-1] = 1
	r, err := ParseTerms(bad)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Get(2); ok {
		t.Error("a damaged record is read")
	}
	if _, ok := r.Get(0); !ok {
		t.Error("a sound record beside a damaged one is not read")
	}
}

// FuzzParseTerms: whatever the file holds, reading it and every record
// in it neither panics nor allocates beyond its size; what a writer wrote
// reads back.
func FuzzParseTerms(f *testing.F) {
	f.Add(encodedDocs())
	f.Add([]byte(termsMagic))
	f.Add([]byte(termsMagic + "\x01\x02ab\x01\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseTerms(data)
		if err != nil {
			return
		}
		w := NewTermsWriter()
		keys := make([]uint64, 0, r.Len())
		for k := range r.recs {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if tm, ok := r.Get(k); ok {
				w.Add(k, tm)
			}
		}
		again, err := ParseTerms(w.Bytes())
		if err != nil {
			t.Fatalf("what the writer wrote does not read: %v", err)
		}
		for _, k := range keys {
			a, okA := r.Get(k)
			b, okB := again.Get(k)
			if okA != okB || okA && !sameTerms(a, b) {
				t.Fatalf("record %d reads differently once written again", k)
			}
		}
		if !bytes.HasPrefix(data, []byte(termsMagic)) {
			t.Fatal("a file without the mark is read")
		}
	})
}
