package render

// Which Markdown bodies a page shows. After an edit that leaves every
// front matter as it was, the Builder's fast way renders some bodies again
// and asks the Renderer to render again the pages that show them. A page
// reads bodies only through the parts of its View that say so (bodyReader:
// the View's own body, and an e-service's start items, which tell whether
// an adaptation's text differs); the default theme's layouts read no body
// in any other way (TestLayoutsReadBodiesThroughTheView), and a site whose
// theme changes a layout is always built in full.

import (
	"reflect"
	"sync"

	"github.com/esamverkan/guidemap/generator/bodies"
	"github.com/esamverkan/guidemap/generator/model"
)

// bodyReader is a part of a View that reads Markdown bodies when the
// template runs.
type bodyReader interface {
	readsBodies() []*model.Body
}

func (v *View) readsBodies() []*model.Body {
	if v.body == nil {
		return nil
	}
	return []*model.Body{v.body}
}

func (it StartItem) readsBodies() []*model.Body {
	return []*model.Body{&it.Offer.Body, &it.Offer.EService.Body}
}

var (
	readerType = reflect.TypeFor[bodyReader]()
	setPtr     = reflect.TypeFor[*bodies.Set]()
	modelPkg   = reflect.TypeFor[model.Site]().PkgPath()
	holds      sync.Map // reflect.Type → bool: whether a value of the type can hold a bodyReader
)

// readBodies lists the bodies a page's View reads.
func readBodies(v *View) []*model.Body {
	w := walker{seen: map[reflect.Value]bool{}}
	w.walk(reflect.ValueOf(v))
	return w.found
}

type walker struct {
	seen  map[reflect.Value]bool // pointers walked, against cycles
	found []*model.Body
}

func (w *walker) walk(v reflect.Value) {
	t := v.Type()
	if !mayHold(t) {
		return
	}
	if t.Implements(readerType) && v.CanInterface() && (t.Kind() != reflect.Pointer || !v.IsNil()) {
		w.found = append(w.found, v.Interface().(bodyReader).readsBodies()...)
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		key := v.Elem().Addr() // the pointer itself, however it was reached
		if w.seen[key] {
			return
		}
		w.seen[key] = true
		w.walk(v.Elem())
	case reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			w.walk(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			w.walk(v.Index(i))
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			w.walk(it.Value())
		}
	}
}

// mayHold reports whether a value of type t can hold a bodyReader. The
// model's types hold none (they are data; the View's parts read them), and
// neither do strings, numbers and the like.
func mayHold(t reflect.Type) bool {
	if h, ok := holds.Load(t); ok {
		return h.(bool)
	}
	holds.Store(t, true) // while t is looked at: a type that holds itself
	h := t.Implements(readerType)
	switch {
	case h:
	case t == setPtr: // the bodies themselves: read through bodyReaders
	case t == mapJobPtr: // a page's map, which shows no body
	case t.PkgPath() == modelPkg || t.Kind() == reflect.Pointer && t.Elem().PkgPath() == modelPkg:
	case t.Kind() == reflect.Interface:
		h = true
	case t.Kind() == reflect.Pointer, t.Kind() == reflect.Slice, t.Kind() == reflect.Array, t.Kind() == reflect.Map:
		h = mayHold(t.Elem())
	case t.Kind() == reflect.Struct:
		for i := range t.NumField() {
			if mayHold(t.Field(i).Type) {
				h = true
				break
			}
		}
	}
	holds.Store(t, h)
	return h
}
