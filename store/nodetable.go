package store

import "encoding/binary"

// nodeTable is one shard's hash table of cached nodes: open addressing with linear probing
// over a power-of-two array of 8-byte slots, each naming an entry (hash and value) kept in
// fixed chunks beside it. A deletion shifts the entries of the probe run after it back into
// the hole (Knuth's algorithm R), so the table never holds a tombstone and only a growing
// number of entries ever makes it grow; growing moves slots only, never entries.
//
// A slot is 0 when empty, else the top 32 bits of the hash's probe word (its tag, from
// which its home position follows) and the entry's index + 1. The caller locks.
type nodeTable struct {
	slots   []uint64
	bits    uint // log2(len(slots))
	count   int
	entries [][]nodeEntry // chunks of nodeChunkEntries; an entry never moves
	used    uint32        // entries ever handed out (the next new index)
	free    []uint32      // indexes of removed entries, for reuse
	cursor  int           // where eviction goes on
}

type nodeEntry struct {
	hash  nodeHash
	value nodeValue
}

const (
	nodeTableMinBits  = 10
	nodeChunkBits     = 12
	nodeChunkEntries  = 1 << nodeChunkBits
	nodeTableLoadNum  = 3 // the table grows beyond 3/4 full
	nodeTableLoadDen  = 4
	nodeTableMaxCount = 1<<32 - 2 // indexes fit the slot's 32 bits
)

// The slots and entries live outside the Go heap (mapped): see offheap_unix.go. release
// gives them back; a released table is empty and stays so.
func newNodeTable() nodeTable {
	return nodeTable{slots: mapped[uint64](1 << nodeTableMinBits), bits: nodeTableMinBits}
}

// release returns the table's memory; the table then finds nothing and keeps nothing.
func (t *nodeTable) release() {
	unmap(t.slots)
	for _, chunk := range t.entries {
		unmap(chunk)
	}
	*t = nodeTable{}
}

// probeWord is the part of a hash that places it: bytes 1–8 (byte 0 chose the shard).
func probeWord(hash []byte) uint64 { return binary.BigEndian.Uint64(hash[1:9]) }

func slotTag(slot uint64) uint32 { return uint32(slot >> 32) }

func (t *nodeTable) home(tag uint32) int { return int(tag >> (32 - t.bits)) }

func (t *nodeTable) entry(slot uint64) *nodeEntry {
	i := uint32(slot) - 1
	return &t.entries[i>>nodeChunkBits][i&(nodeChunkEntries-1)]
}

// lookup returns the position of hash's slot, or of the empty slot that ends its probe run.
func (t *nodeTable) lookup(hash []byte, tag uint32) (int, bool) {
	mask := len(t.slots) - 1
	for i := t.home(tag); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return i, false
		}
		if slotTag(s) == tag && t.entry(s).hash == nodeHash(hash) {
			return i, true
		}
	}
}

// find returns the entry stored under hash, or nil.
func (t *nodeTable) find(hash []byte) *nodeEntry {
	if t.slots == nil {
		return nil // released
	}
	i, ok := t.lookup(hash, uint32(probeWord(hash)>>32))
	if !ok {
		return nil
	}
	return t.entry(t.slots[i])
}

// put stores v under hash, replacing what was there.
func (t *nodeTable) put(hash []byte, v *nodeValue) {
	if t.slots == nil {
		return // released
	}
	tag := uint32(probeWord(hash) >> 32)
	i, ok := t.lookup(hash, tag)
	if ok {
		t.entry(t.slots[i]).value = *v
		return
	}
	if t.count >= nodeTableMaxCount {
		return
	}
	if (t.count+1)*nodeTableLoadDen > len(t.slots)*nodeTableLoadNum {
		t.grow()
		i, _ = t.lookup(hash, tag)
	}
	idx := t.newEntry()
	e := t.entry(uint64(idx) + 1)
	e.hash, e.value = nodeHash(hash), *v
	t.slots[i] = uint64(tag)<<32 | (uint64(idx) + 1)
	t.count++
}

// newEntry returns the index of an unused entry: a removed one, or the next new one.
func (t *nodeTable) newEntry() uint32 {
	if n := len(t.free); n > 0 {
		idx := t.free[n-1]
		t.free = t.free[:n-1]
		return idx
	}
	idx := t.used
	if int(idx>>nodeChunkBits) == len(t.entries) {
		t.entries = append(t.entries, mapped[nodeEntry](nodeChunkEntries))
	}
	t.used++
	return idx
}

// remove forgets hash (nothing if absent).
func (t *nodeTable) remove(hash []byte) {
	if t.slots == nil {
		return // released
	}
	if i, ok := t.lookup(hash, uint32(probeWord(hash)>>32)); ok {
		t.removeAt(i)
	}
}

// removeAt empties slot i and shifts back the entries after it that may move: every entry
// of the run stays reachable from its home without crossing an empty slot.
func (t *nodeTable) removeAt(i int) {
	t.free = append(t.free, uint32(t.slots[i])-1)
	t.count--
	mask := len(t.slots) - 1
	for j := (i + 1) & mask; t.slots[j] != 0; j = (j + 1) & mask {
		k := t.home(slotTag(t.slots[j]))
		// The entry at j stays if its home lies cyclically in (i, j].
		if i <= j && i < k && k <= j || i > j && (i < k || k <= j) {
			continue
		}
		t.slots[i] = t.slots[j]
		i = j
	}
	t.slots[i] = 0
}

// grow doubles the slots. Tags give each slot's home, so entries are not read.
func (t *nodeTable) grow() {
	old := t.slots
	defer unmap(old)
	t.bits++
	t.slots = mapped[uint64](1 << t.bits)
	mask := len(t.slots) - 1
	for _, s := range old {
		if s == 0 {
			continue
		}
		i := t.home(slotTag(s))
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}

// evict removes n entries, taken in table order from where the last eviction stopped:
// which entries go only decides what stays cached.
func (t *nodeTable) evict(n int) {
	for scanned := 0; n > 0 && t.count > 0 && scanned < 2*len(t.slots); scanned++ {
		t.cursor &= len(t.slots) - 1
		if t.slots[t.cursor] == 0 {
			t.cursor++
			continue
		}
		t.removeAt(t.cursor) // an entry shifted back into the cursor's slot may go next
		n--
	}
}
