package bodies

// One rendering for every page that shows a body. The pages whose bodies
// are made of the same content files form a group: a shared guide's page
// and the version pages of the municipalities that take it as it is, an
// e-service's page and the offers that adopt it. Their bodies differ only
// where a link leads to a shared guide or e-service, which on a
// municipality's page goes to that municipality's own version or offer
// (resolver). So a group's body is rendered once, with a placeholder as
// the destination of each such link (markdown.Env.Defer), and Get puts
// each page's destination in its place (fill): the headings, the
// sections' origins and the diagnostics are the same for every page; the
// link check looks at each page's links (links.go).
//
// A placeholder is mark, the number of its slot and "v": letters and
// digits, which goldmark writes as they are. A body whose files hold mark
// (in any case, or written with character references) is rendered once
// per page, as is one whose HTML holds what looks like a placeholder but
// is not one.

import (
	"slices"
	"strconv"
	"strings"
)

// mark starts every placeholder.
const mark = "zqxjv"

// group is the jobs whose bodies are made of the same content files.
type group struct {
	jobs  []int
	mixed bool  // its pages are of more than one municipality (or of one and of the collaboration)
	keys  []Key // the keys of its renderings in memo
}

// slot is the target of a placeholder: a content file and an anchor.
type slot struct{ file, fragment string }

// span is where a placeholder stands in a rendering's HTML.
type span struct{ at, end, slot int }

// group puts the jobs in groups by their content files, in the order of
// their first jobs, and notes which groups use each file.
func (s *Set) group() {
	byFiles := map[string]int{}
	for i := range s.jobs {
		j := &s.jobs[i]
		k := strings.Join(j.body.Sources, "\x00")
		g, ok := byFiles[k]
		if !ok || len(j.body.Sources) == 0 {
			g = len(s.groups)
			byFiles[k] = g
			s.groups = append(s.groups, group{})
			for _, f := range j.body.Sources {
				s.using[f] = append(s.using[f], g)
			}
		}
		gr := &s.groups[g]
		if len(gr.jobs) > 0 && s.jobs[gr.jobs[0]].m != j.m {
			gr.mixed = true
		}
		gr.jobs = append(gr.jobs, i)
		j.group = g
	}
}

// jobsOf lists the jobs of the groups gs, in order.
func (s *Set) jobsOf(gs []int) []int {
	var idx []int
	for _, g := range gs {
		idx = append(idx, s.groups[g].jobs...)
	}
	slices.Sort(idx)
	return idx
}

// renderGroup renders the body of group g once for all its pages, or
// takes it from the memo; once per page if it cannot have placeholders.
func (s *Set) renderGroup(g int) {
	gr := &s.groups[g]
	first := s.jobs[gr.jobs[0]]
	var keys []Key
	out, key, ok := (*Out)(nil), Key{}, false
	if !gr.mixed || !s.marked(first.body.Sources) {
		out, key, ok = s.rendering(first.body, first.m, "", gr.mixed)
	}
	if ok {
		keys = append(keys, key)
		for _, i := range gr.jobs {
			s.outs[i] = out
		}
	} else {
		for _, i := range gr.jobs {
			j := s.jobs[i]
			s.outs[i], key, _ = s.rendering(j.body, j.m, j.url, false)
			keys = append(keys, key)
		}
	}
	for _, old := range gr.keys {
		if old.n > 0 && !slices.Contains(keys, old) {
			s.memo.Delete(old) // a rendering of text that is no more
		}
	}
	gr.keys = keys
}

// marked tells whether a content file holds what could become mark in
// the HTML.
func (s *Set) marked(files []string) bool {
	for _, f := range files {
		if p := s.content.ByPath[f]; p != nil && p.ContainsFold(mark) {
			return true
		}
	}
	return false
}

// placeholder is the placeholder for a link to file's page with the
// anchor fragment.
func (o *Out) placeholder(file, fragment string) string {
	n := slices.Index(o.slots, slot{file, fragment})
	if n < 0 {
		n = len(o.slots)
		o.slots = append(o.slots, slot{file, fragment})
	}
	return mark + strconv.Itoa(n) + "v"
}

// place finds the placeholders in the HTML of a mixed rendering; false
// if something there looks like one but is not.
func (o *Out) place() bool {
	h := o.HTML
	for at := 0; ; {
		k := strings.Index(h[at:], mark)
		if k < 0 {
			return true
		}
		start := at + k
		d := start + len(mark)
		e := d
		for e < len(h) && h[e] >= '0' && h[e] <= '9' {
			e++
		}
		n, err := strconv.Atoi(h[d:e])
		if err != nil || n >= len(o.slots) || e == len(h) || h[e] != 'v' || h[d] == '0' && e-d > 1 {
			return false
		}
		o.spans = append(o.spans, span{start, e + 1, n})
		at = e + 1
	}
}

// fill is the HTML of a mixed rendering for a page of municipality m.
func (s *Set) fill(o *Out, m string) string {
	var b strings.Builder
	b.Grow(len(o.HTML) + 32*len(o.spans))
	prev := 0
	for _, sp := range o.spans {
		b.WriteString(o.HTML[prev:sp.at])
		sl := o.slots[sp.slot]
		u, _, _ := s.res(m, sl.file)
		b.WriteString(s.md.Href(s.base, u, sl.fragment))
		prev = sp.end
	}
	b.WriteString(o.HTML[prev:])
	return b.String()
}
