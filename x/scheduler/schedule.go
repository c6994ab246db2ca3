package scheduler

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/x/core"
)

// MaxPerBlock bounds the due entries one block processes; the rest wait for the next block.
// Sized for the lending target: 1% of a million loans falling due at once (10,000 entries at
// well under 100 µs each) fits in one block.
const MaxPerBlock = 10_000

var prefix = []byte("sched/")

// Entries are kept in pages: one state key holds the entries of one (time, kind) whose ids
// have the same length and differ only in their last two characters — for decimal ids, up
// to a hundred consecutive ones. Every key the scheduler changes is a leaf the state tree
// rehashes a path for, so a block that runs ten thousand due loans whose next entries fall
// together rewrites a few hundred pages instead of deleting ten thousand keys and adding ten
// thousand more; adding or cancelling one entry rewrites one page of at most a few hundred
// bytes.
const suffixLen = 2

// pageKey is sched/<unix seconds, 8 bytes big-endian>/<kind>/<id length, 1 byte><id without
// its suffix>. Byte order is time order, and within a time and kind it is shortlex order of
// the ids (shorter first, then bytewise), which for decimal ids is numeric order.
func pageKey(at int64, kind, id string) []byte {
	head := id[:len(id)-suffixOf(id)]
	k := timeKey(at, len(kind)+len(head)+3)
	k = append(k, '/')
	k = append(k, kind...)
	k = append(k, '/', byte(len(id)))
	return append(k, head...)
}

// timeKey is sched/<unix seconds, 8 bytes big-endian>, the first key of that second, with
// room for more bytes.
func timeKey(at int64, more int) []byte {
	k := make([]byte, 0, len(prefix)+8+more)
	return binary.BigEndian.AppendUint64(append(k, prefix...), uint64(max(at, 0)))
}

// suffixOf is how many trailing characters of id its page stores (all of a short id).
func suffixOf(id string) int { return min(len(id), suffixLen) }

func checkEntry(kind, id string) {
	if strings.Contains(kind, "/") {
		panic("schedule kind contains '/': " + kind)
	}
	if id == "" || len(id) > 255 {
		panic(fmt.Sprintf("schedule id of length %d (1 to 255 allowed)", len(id)))
	}
}

// A page's value is its ids' suffixes, all of one width, concatenated in ascending order.
// find returns the offset where suffix is or would be inserted, and whether it is there.
func find(page []byte, suffix string) (int, bool) {
	w := len(suffix)
	for off := 0; off < len(page); off += w {
		switch c := bytes.Compare(page[off:off+w], []byte(suffix)); {
		case c == 0:
			return off, true
		case c > 0:
			return off, false
		}
	}
	return len(page), false
}

// Add schedules kind/id at unix time at (no effect when already scheduled). Kinds must not
// contain '/'; ids are 1 to 255 bytes.
func Add(kv store.KV, at int64, kind, id string) {
	checkEntry(kind, id)
	key := pageKey(at, kind, id)
	page := kv.Get(key)
	suffix := id[len(id)-suffixOf(id):]
	off, found := find(page, suffix)
	if found {
		return
	}
	next := make([]byte, 0, len(page)+len(suffix))
	next = append(append(append(next, page[:off]...), suffix...), page[off:]...)
	kv.Set(key, next)
}

// Remove cancels an entry (no effect when absent).
func Remove(kv store.KV, at int64, kind, id string) {
	checkEntry(kind, id)
	key := pageKey(at, kind, id)
	page := kv.Get(key)
	suffix := id[len(id)-suffixOf(id):]
	off, found := find(page, suffix)
	if !found {
		return
	}
	next := make([]byte, 0, len(page)-len(suffix))
	next = append(append(next, page[:off]...), page[off+len(suffix):]...)
	kv.Set(key, next) // an empty page is a deletion
}

// Handler runs one due entry. An error is a broken invariant: due work must not fail.
type Handler func(ctx *core.Context, id string) error

type due struct{ kind, id string }

// RunDue runs the entries due at or before ctx.Now(), at most MaxPerBlock, in (time, kind,
// id) order. The batch is taken off its pages before the first handler runs, so an entry a
// handler adds is never lost and never runs in the same block. It returns how many ran.
func RunDue(ctx *core.Context, handlers map[string]Handler) (int, error) {
	batch := takeDue(ctx.KV, ctx.Now())
	for _, d := range batch {
		h, ok := handlers[d.kind]
		if !ok {
			return 0, fmt.Errorf("no handler for scheduled kind %q", d.kind)
		}
		if err := h(ctx, d.id); err != nil {
			return 0, fmt.Errorf("scheduled %s/%s: %w", d.kind, d.id, err)
		}
	}
	return len(batch), nil
}

// takeDue removes up to MaxPerBlock entries due at or before now from their pages and
// returns them in order. A page only partly taken keeps the rest.
func takeDue(kv store.KV, now int64) []due {
	type taken struct {
		key, rest []byte
	}
	var batch []due
	var pages []taken
	kv.Iterate(prefix, timeKey(now+1, 0), func(key, page []byte) bool {
		kind, head, idLen := parsePageKey(key)
		w := idLen - len(head)
		off := 0
		for ; off < len(page) && len(batch) < MaxPerBlock; off += w {
			batch = append(batch, due{kind, head + string(page[off:off+w])})
		}
		pages = append(pages, taken{append([]byte(nil), key...), append([]byte(nil), page[off:]...)})
		return len(batch) < MaxPerBlock
	})
	for _, p := range pages {
		kv.Set(p.key, p.rest) // an empty rest is a deletion
	}
	return batch
}

// parsePageKey splits a page key into its kind, the ids' common head and their length.
func parsePageKey(key []byte) (kind, head string, idLen int) {
	rest := key[len(prefix)+9:]
	slash := bytes.IndexByte(rest, '/')
	if slash < 0 || slash+1 >= len(rest) {
		panic(fmt.Sprintf("malformed schedule key %q", key))
	}
	return string(rest[:slash]), string(rest[slash+2:]), int(rest[slash+1])
}
