package core

import (
	"fmt"
	"strconv"
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
	// Private collects what execution produces for the node's private stores rather than
	// for state: bytes that every node computes alike but no one may read from state (a
	// credit report, whose hash alone goes into state). The application keeps a successful
	// transaction's outputs; nil drops them.
	Private *[]PrivateOutput
	// Kept is work that outlives the transaction's outcome (KeepAfter); nil where nobody
	// runs it (queries, offline previews).
	Kept *[]func(*Context)

	today *BusinessDay // memo of Today: every balance change asks
}

// BusinessDay is a block time's business date as numbers.
type BusinessDay struct {
	Day   int64 // days since 1970-01-01
	Month int64 // months since year 0: year×12 + month − 1
}

// Today is the business day and month at block time (read from the consortium clock once
// per context).
func (c *Context) Today() BusinessDay {
	if c.today == nil {
		d := BusinessDayOf(c.KV, c.Now())
		c.today = &d
	}
	return *c.today
}

// BusinessDayOf is the business day and month of a block time by the clock in state.
func BusinessDayOf(r store.Reader, blockUnix int64) BusinessDay {
	b := ClockOf(r).Business(blockUnix)
	return BusinessDay{Day: DayNumber(b), Month: MonthNumber(b)}
}

// MonthNumber is the month number (year×12 + month − 1) of t's calendar date in t's zone.
func MonthNumber(t time.Time) int64 { return int64(t.Year())*12 + int64(t.Month()) - 1 }

// FirstDayOfMonth is the day number of the first day of month number m.
func FirstDayOfMonth(m int64) int64 {
	return time.Date(int(m/12), time.Month(m%12+1), 1, 0, 0, 0, 0, time.UTC).Unix() / 86400
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
	if len(kv) > 0 {
		ev.Attributes = make([]abci.EventAttribute, 0, len(kv)/2) // one allocation, not one per doubling
	}
	for i := 0; i < len(kv); i += 2 {
		ev.Attributes = append(ev.Attributes, abci.EventAttribute{Key: kv[i], Value: kv[i+1], Index: indexedAttributes[kv[i]]})
	}
	*c.Events = append(*c.Events, ev)
}

// PrivateOutput is one value for a private store, by its key.
type PrivateOutput struct {
	Key   string
	Value []byte
}

// KeepPrivate hands value to the node's private store under key (see Context.Private).
func (c *Context) KeepPrivate(key string, value []byte) {
	if c.Private != nil {
		*c.Private = append(*c.Private, PrivateOutput{Key: key, Value: value})
	}
}

// Tentative runs f on a cache over ctx's state with its own event list: only if f succeeds
// do its writes and events reach ctx. Scheduled work uses it to try a step that may fail on
// a business condition (a frozen account) without failing the block or leaving events of
// moves that did not happen.
func Tentative(ctx *Context, f func(*Context) error) error {
	work := store.NewCache(ctx.KV)
	var events []abci.Event
	ctx.Today() // memoised before the copy, so that f's moves share it rather than re-read it
	var private []PrivateOutput
	wctx := *ctx
	wctx.KV, wctx.Events = work, &events
	if ctx.Private != nil {
		wctx.Private = &private
	}
	if err := f(&wctx); err != nil {
		return err
	}
	work.Write(ctx.KV)
	*ctx.Events = append(*ctx.Events, events...)
	if ctx.Private != nil {
		*ctx.Private = append(*ctx.Private, private...)
	}
	return nil
}

// KeepAfter records work that must happen after the current transaction (or scheduled
// step) whether it succeeds or fails, on the state the transaction ran over: a movement
// refused for review must still leave its alert, and a sanctions hit its freeze, although
// the refusal discards every write the transaction made. f must read what it needs again
// from the state it is given; it must not fail.
func (c *Context) KeepAfter(f func(*Context)) {
	if c.Kept != nil {
		*c.Kept = append(*c.Kept, f)
	}
}

// RunKept runs and clears the kept work over ctx (the state the transaction ran over).
func RunKept(ctx *Context, kept *[]func(*Context)) {
	for len(*kept) > 0 {
		f := (*kept)[0]
		*kept = (*kept)[1:]
		f(ctx)
	}
}

// MonthOfDay is the month number of a day number.
func MonthOfDay(day int64) int64 { return MonthNumber(time.Unix(day*86400, 0).UTC()) }

// Itoa formats an integer (an amount, a count) for an event attribute.
func Itoa(v int64) string { return strconv.FormatInt(v, 10) }
