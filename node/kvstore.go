package node

import (
	"context"
	"io"
	"path/filepath"

	"github.com/cometbft/cometbft/abci/example/kvstore"
	nm "github.com/cometbft/cometbft/node"
	"github.com/cometbft/cometbft/proxy"
)

// KVStoreMaxBatch is how many calls the yardstick's JSON-RPC accepts in one batch request.
const KVStoreMaxBatch = 1000

// StartKVStore runs CometBFT's bundled key-value example application, persistent on pebble,
// in a Puhui home with the home's consensus settings. It exists only as the benchmark's
// yardstick: the same engine, configuration and machine without signatures or real state.
func StartKVStore(ctx context.Context, home string, log io.Writer) (*nm.Node, error) {
	c, err := LoadCometConfig(home)
	if err != nil {
		return nil, err
	}
	c.Instrumentation.Prometheus = false
	// JSON-RPC batches as large as Puhui's REST batches, so that the yardstick fed by
	// batches is fed as well as it can be.
	c.RPC.MaxRequestBatchSize = KVStoreMaxBatch
	c.RPC.MaxBodyBytes = 8 << 20
	app := kvstore.NewPersistentApplication(filepath.Join(c.DBDir(), "kvstore"))
	n, _, err := runComet(ctx, c, proxy.NewLocalClientCreator(app), log, "error", nil)
	return n, err
}
