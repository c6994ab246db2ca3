package scheduler_test

import (
	"fmt"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

type empty struct{}

func (empty) Get([]byte) []byte                             { return nil }
func (empty) Iterate(_, _ []byte, _ func(k, v []byte) bool) {}

func ctxAt(kv store.KV, unix int64) *core.Context {
	var events []abci.Event
	return &core.Context{KV: kv, Height: 1, BlockTime: time.Unix(unix, 0), Events: &events}
}

func TestRunDueOrderAndBound(t *testing.T) {
	kv := store.NewCache(empty{})
	var ran []string
	handlers := map[string]scheduler.Handler{
		"a": func(_ *core.Context, id string) error { ran = append(ran, "a/"+id); return nil },
		"b": func(_ *core.Context, id string) error { ran = append(ran, "b/"+id); return nil },
	}
	scheduler.Add(kv, 200, "b", "1")
	scheduler.Add(kv, 100, "b", "2")
	scheduler.Add(kv, 100, "a", "9")
	scheduler.Add(kv, 300, "a", "late")
	scheduler.Remove(kv, 200, "b", "1")

	n, err := scheduler.RunDue(ctxAt(kv, 250), handlers)
	require.NoError(t, err)
	require.Equal(t, 2, n)
	require.Equal(t, []string{"a/9", "b/2"}, ran, "due entries run in (time, kind, id) order; cancelled ones never")

	n, err = scheduler.RunDue(ctxAt(kv, 250), handlers)
	require.NoError(t, err)
	require.Zero(t, n, "an entry runs once")

	// More than MaxPerBlock due at once: the rest wait for the next block.
	ran = nil
	for i := 0; i < scheduler.MaxPerBlock+5; i++ {
		scheduler.Add(kv, 400, "a", fmt.Sprintf("%05d", i))
	}
	n, err = scheduler.RunDue(ctxAt(kv, 500), handlers)
	require.NoError(t, err)
	require.Equal(t, scheduler.MaxPerBlock, n)
	n, err = scheduler.RunDue(ctxAt(kv, 501), handlers)
	require.NoError(t, err)
	require.Equal(t, 6, n, "5 left over plus the late entry")

	scheduler.Add(kv, 600, "zzz", "x")
	_, err = scheduler.RunDue(ctxAt(kv, 600), handlers)
	require.Error(t, err, "a kind without a handler is a fault, not a silent skip")
}

func TestIDsRunInNumericOrder(t *testing.T) {
	kv := store.NewCache(empty{})
	var ran []string
	handlers := map[string]scheduler.Handler{"a": func(_ *core.Context, id string) error { ran = append(ran, id); return nil }}
	for _, id := range []string{"100", "9", "1000", "10", "101", "99", "199", "200"} {
		scheduler.Add(kv, 100, "a", id)
	}
	scheduler.Add(kv, 100, "a", "10") // twice is once
	scheduler.Remove(kv, 100, "a", "55")
	_, err := scheduler.RunDue(ctxAt(kv, 100), handlers)
	require.NoError(t, err)
	require.Equal(t, []string{"9", "10", "99", "100", "101", "199", "200", "1000"}, ran,
		"ids of one time and kind run shortest first, then bytewise: numeric order for decimal ids")
}

// A page of consecutive ids is one state key: running or adding a hundred entries changes
// one key, not a hundred.
func TestPagesGroupConsecutiveIDs(t *testing.T) {
	kv := store.NewCache(empty{})
	for i := 1200; i < 1300; i++ {
		scheduler.Add(kv, 100, "a", fmt.Sprint(i))
	}
	require.Equal(t, 1, kv.Len())
	ran := 0
	handlers := map[string]scheduler.Handler{"a": func(ctx *core.Context, id string) error {
		ran++
		scheduler.Add(ctx.KV, 200, "a", id)
		return nil
	}}
	n, err := scheduler.RunDue(ctxAt(kv, 150), handlers)
	require.NoError(t, err)
	require.Equal(t, 100, n)
	require.Equal(t, 2, kv.Len(), "the page at 100 deleted, one page at 200 written")
	n, err = scheduler.RunDue(ctxAt(kv, 200), handlers)
	require.NoError(t, err)
	require.Equal(t, 100, n)
}

// Entries a handler adds for a time already due wait for the next block, even on the page
// being run; a page cut by MaxPerBlock keeps the rest.
func TestAddedWhileRunningWaits(t *testing.T) {
	kv := store.NewCache(empty{})
	scheduler.Add(kv, 100, "a", "11")
	var ran []string
	handlers := map[string]scheduler.Handler{"a": func(ctx *core.Context, id string) error {
		ran = append(ran, id)
		if id == "11" {
			scheduler.Add(ctx.KV, 100, "a", "12")
			scheduler.Add(ctx.KV, 100, "a", "10")
		}
		return nil
	}}
	_, err := scheduler.RunDue(ctxAt(kv, 100), handlers)
	require.NoError(t, err)
	require.Equal(t, []string{"11"}, ran)
	_, err = scheduler.RunDue(ctxAt(kv, 100), handlers)
	require.NoError(t, err)
	require.Equal(t, []string{"11", "10", "12"}, ran)

	ran = nil
	for i := 0; i < scheduler.MaxPerBlock+150; i++ {
		scheduler.Add(kv, 300, "a", fmt.Sprintf("%06d", i))
	}
	n, err := scheduler.RunDue(ctxAt(kv, 300), handlers)
	require.NoError(t, err)
	require.Equal(t, scheduler.MaxPerBlock, n)
	scheduler.Remove(kv, 300, "a", fmt.Sprintf("%06d", scheduler.MaxPerBlock+1))
	n, err = scheduler.RunDue(ctxAt(kv, 300), handlers)
	require.NoError(t, err)
	require.Equal(t, 149, n)
	require.Equal(t, fmt.Sprintf("%06d", scheduler.MaxPerBlock), ran[scheduler.MaxPerBlock])
}

func TestBadEntriesPanic(t *testing.T) {
	kv := store.NewCache(empty{})
	require.Panics(t, func() { scheduler.Add(kv, 1, "a/b", "1") })
	require.Panics(t, func() { scheduler.Add(kv, 1, "a", "") })
}
