package store

// Reader reads state. Implementations return nil for an absent key; a storage failure
// panics because execution cannot continue deterministically without the data.
type Reader interface {
	Get(key []byte) []byte
	// Iterate calls fn for each key in [start, end) in ascending order until fn returns
	// false. A nil end means "to the end of the key space".
	Iterate(start, end []byte, fn func(key, value []byte) bool)
}

// KV is a readable and writable view of state.
type KV interface {
	Reader
	Set(key, value []byte)
	Delete(key []byte)
}

// PrefixEnd returns the smallest key greater than every key with the given prefix, or nil
// when no such key exists (a prefix of 0xff bytes only).
func PrefixEnd(prefix []byte) []byte {
	end := append([]byte(nil), prefix...)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// IteratePrefix walks every key that starts with prefix.
func IteratePrefix(r Reader, prefix []byte, fn func(key, value []byte) bool) {
	r.Iterate(prefix, PrefixEnd(prefix), fn)
}
