package core

import (
	"fmt"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/puhui-chain/puhui/store"
)

// Context is what a handler sees while executing one message.
type Context struct {
	KV        store.KV
	Height    int64
	BlockTime time.Time // agreed by consensus; the only clock
	Signer    string    // address of the transaction's signer
	Events    *[]abci.Event
}

// Now is the block time in unix seconds.
func (c *Context) Now() int64 { return c.BlockTime.Unix() }

// indexedAttributes are the event attributes CometBFT's transaction indexer indexes (so that
// transactions can be searched by who sent or received). Indexing every attribute would cost
// a write per attribute per transaction on every node; the rest still travel with the events.
var indexedAttributes = map[string]bool{"signer": true, "from": true, "to": true}

// Emit appends a typed event. Attributes come as key/value pairs in a fixed order.
func (c *Context) Emit(eventType string, kv ...string) {
	if len(kv)%2 != 0 {
		panic(fmt.Sprintf("event %s: odd attribute list", eventType))
	}
	ev := abci.Event{Type: eventType}
	for i := 0; i < len(kv); i += 2 {
		ev.Attributes = append(ev.Attributes, abci.EventAttribute{Key: kv[i], Value: kv[i+1], Index: indexedAttributes[kv[i]]})
	}
	*c.Events = append(*c.Events, ev)
}

// Tentative runs f on a cache over ctx's state with its own event list: only if f succeeds
// do its writes and events reach ctx. Scheduled work uses it to try a step that may fail on
// a business condition (a frozen account) without failing the block or leaving events of
// moves that did not happen.
func Tentative(ctx *Context, f func(*Context) error) error {
	work := store.NewCache(ctx.KV)
	var events []abci.Event
	wctx := *ctx
	wctx.KV, wctx.Events = work, &events
	if err := f(&wctx); err != nil {
		return err
	}
	work.Write(ctx.KV)
	*ctx.Events = append(*ctx.Events, events...)
	return nil
}
