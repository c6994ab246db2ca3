package store

import (
	"bytes"
	"maps"
	"sort"
)

// Cache is a write overlay on a parent Reader. Writes stay in memory until Write copies them
// into a parent KV, or until the store commits them; discarding a Cache discards its writes,
// which is how a failed transaction changes nothing.
type Cache struct {
	parent Reader
	writes map[string]entry
}

type entry struct {
	value   []byte
	deleted bool
}

// NewCache returns an empty overlay over parent.
func NewCache(parent Reader) *Cache {
	return &Cache{parent: parent, writes: make(map[string]entry)}
}

// Get returns the overlay's value if the key was written, else the parent's.
func (c *Cache) Get(key []byte) []byte {
	if e, ok := c.writes[string(key)]; ok {
		if e.deleted {
			return nil
		}
		return e.value
	}
	return c.parent.Get(key)
}

// Set stores a copy of value. An empty value is a deletion: the tree cannot tell an empty
// value from an absent key, so neither may state.
func (c *Cache) Set(key, value []byte) {
	if len(value) == 0 {
		c.Delete(key)
		return
	}
	c.writes[string(key)] = entry{value: append([]byte(nil), value...)}
}

// Delete marks key as absent.
func (c *Cache) Delete(key []byte) {
	c.writes[string(key)] = entry{deleted: true}
}

// Len is the number of keys written or deleted.
func (c *Cache) Len() int { return len(c.writes) }

// Write applies the overlay to parent and empties it, in key order so that any ordering
// effect in the parent is deterministic. Into a parent Cache the writes are handed over as
// they are: a map has no order to keep, and the values are this overlay's own copies (a due
// block nests two overlays per loan; sorting and copying their keys again was a tenth of
// its collections).
func (c *Cache) Write(parent KV) {
	if p, ok := parent.(*Cache); ok {
		maps.Copy(p.writes, c.writes) // into a map: the order is irrelevant
		clear(c.writes)
		return
	}
	for _, k := range c.sortedKeys(nil, nil) {
		e := c.writes[k]
		if e.deleted {
			parent.Delete([]byte(k))
		} else {
			parent.Set([]byte(k), e.value)
		}
	}
	c.writes = make(map[string]entry)
}

// Changes calls fn for every written key in ascending order; value is nil for a deletion.
func (c *Cache) Changes(fn func(key, value []byte, deleted bool)) {
	for _, k := range c.sortedKeys(nil, nil) {
		e := c.writes[k]
		fn([]byte(k), e.value, e.deleted)
	}
}

func (c *Cache) sortedKeys(start, end []byte) []string {
	keys := make([]string, 0, len(c.writes))
	for k := range c.writes {
		if start != nil && k < string(start) {
			continue
		}
		if end != nil && k >= string(end) {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Iterate merges the overlay with the parent's range: overlay values win, deletions hide
// parent keys.
func (c *Cache) Iterate(start, end []byte, fn func(key, value []byte) bool) {
	own := c.sortedKeys(start, end)
	i := 0
	stopped := false
	emitOwnBefore := func(limit []byte) bool {
		for i < len(own) && (limit == nil || bytes.Compare([]byte(own[i]), limit) < 0) {
			e := c.writes[own[i]]
			k := own[i]
			i++
			if !e.deleted && !fn([]byte(k), e.value) {
				return false
			}
		}
		return true
	}
	c.parent.Iterate(start, end, func(key, value []byte) bool {
		if !emitOwnBefore(key) {
			stopped = true
			return false
		}
		if i < len(own) && own[i] == string(key) {
			e := c.writes[own[i]]
			i++
			if e.deleted {
				return true
			}
			value = e.value
		}
		if !fn(key, value) {
			stopped = true
			return false
		}
		return true
	})
	if !stopped {
		emitOwnBefore(nil)
	}
}
