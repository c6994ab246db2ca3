package node

import (
	"log/slog"
	"testing"

	cmtlog "github.com/cometbft/cometbft/libs/log"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/store"
)

// CometBFT's consensus failure line, from a logger derived with With as CometBFT's modules
// derive theirs, halts the node once: the application refuses transactions, Health says
// why and Failed is closed. Other error lines do not.
func TestConsensusFailureHaltsTheNode(t *testing.T) {
	db, err := store.Open("", store.Options{InMemory: true})
	require.NoError(t, err)
	defer db.Close()
	n := &Node{log: slog.New(slog.DiscardHandler), failed: make(chan struct{}), App: app.New(db, "c", nil)}
	logger := cmtlog.Logger(failWatch{Logger: cmtlog.NewNopLogger(), fail: n.fail}).With("module", "consensus")

	logger.Error("failed writing to WAL", "err", "io")
	require.NoError(t, n.Health())
	require.Empty(t, n.App.Halted())

	logger.Error(consensusFailure, "err", "open data/priv_validator_state.json: permission denied", "stack", "...")
	logger.Error(consensusFailure, "err", "second")
	require.EqualError(t, n.Health(), "consensus failure: open data/priv_validator_state.json: permission denied")
	require.Contains(t, n.App.Halted(), "permission denied")
	select {
	case <-n.Failed():
	default:
		t.Fatal("Failed not closed")
	}
}
