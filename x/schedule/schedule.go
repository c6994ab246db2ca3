package schedule

import (
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

// entryKey is sched/<unix seconds, 8 bytes big-endian>/<kind>/<id>: byte order is time order.
func entryKey(at int64, kind, id string) []byte {
	if at < 0 {
		at = 0
	}
	k := make([]byte, 0, len(prefix)+8+len(kind)+len(id)+2)
	k = append(k, prefix...)
	k = binary.BigEndian.AppendUint64(k, uint64(at))
	k = append(k, '/')
	k = append(k, kind...)
	k = append(k, '/')
	return append(k, id...)
}

// Add schedules kind/id at unix time at. Kinds must not contain '/'.
func Add(kv store.KV, at int64, kind, id string) {
	if strings.Contains(kind, "/") {
		panic("schedule kind contains '/': " + kind)
	}
	kv.Set(entryKey(at, kind, id), []byte{1})
}

// Remove cancels an entry (no effect when absent).
func Remove(kv store.KV, at int64, kind, id string) {
	kv.Delete(entryKey(at, kind, id))
}

// Handler runs one due entry. An error is a broken invariant: due work must not fail.
type Handler func(ctx *core.Context, id string) error

// RunDue runs the entries due at or before ctx.Now(), at most MaxPerBlock, each removed
// before it runs. It returns how many ran.
func RunDue(ctx *core.Context, handlers map[string]Handler) (int, error) {
	type due struct {
		key      []byte
		kind, id string
	}
	var batch []due
	end := entryKey(ctx.Now()+1, "", "")
	ctx.KV.Iterate(prefix, end, func(key, _ []byte) bool {
		rest := string(key[len(prefix)+9:])
		kind, id, _ := strings.Cut(rest, "/")
		batch = append(batch, due{append([]byte(nil), key...), kind, id})
		return len(batch) < MaxPerBlock
	})
	for _, d := range batch {
		h, ok := handlers[d.kind]
		if !ok {
			return 0, fmt.Errorf("no handler for scheduled kind %q", d.kind)
		}
		ctx.KV.Delete(d.key)
		if err := h(ctx, d.id); err != nil {
			return 0, fmt.Errorf("scheduled %s/%s: %w", d.kind, d.id, err)
		}
	}
	return len(batch), nil
}
