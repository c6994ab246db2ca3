package schedule_test

import (
	"fmt"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/schedule"
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
	handlers := map[string]schedule.Handler{
		"a": func(_ *core.Context, id string) error { ran = append(ran, "a/"+id); return nil },
		"b": func(_ *core.Context, id string) error { ran = append(ran, "b/"+id); return nil },
	}
	schedule.Add(kv, 200, "b", "1")
	schedule.Add(kv, 100, "b", "2")
	schedule.Add(kv, 100, "a", "9")
	schedule.Add(kv, 300, "a", "late")
	schedule.Remove(kv, 200, "b", "1")

	n, err := schedule.RunDue(ctxAt(kv, 250), handlers)
	require.NoError(t, err)
	require.Equal(t, 2, n)
	require.Equal(t, []string{"a/9", "b/2"}, ran, "due entries run in (time, kind, id) order; cancelled ones never")

	n, err = schedule.RunDue(ctxAt(kv, 250), handlers)
	require.NoError(t, err)
	require.Zero(t, n, "an entry runs once")

	// More than MaxPerBlock due at once: the rest wait for the next block.
	ran = nil
	for i := 0; i < schedule.MaxPerBlock+5; i++ {
		schedule.Add(kv, 400, "a", fmt.Sprintf("%05d", i))
	}
	n, err = schedule.RunDue(ctxAt(kv, 500), handlers)
	require.NoError(t, err)
	require.Equal(t, schedule.MaxPerBlock, n)
	n, err = schedule.RunDue(ctxAt(kv, 501), handlers)
	require.NoError(t, err)
	require.Equal(t, 6, n, "5 left over plus the late entry")

	schedule.Add(kv, 600, "zzz", "x")
	_, err = schedule.RunDue(ctxAt(kv, 600), handlers)
	require.Error(t, err, "a kind without a handler is a fault, not a silent skip")
}
