package node

import (
	"errors"
	"fmt"
	"log/slog"

	cfg "github.com/cometbft/cometbft/config"
	sm "github.com/cometbft/cometbft/state"
	cmtstore "github.com/cometbft/cometbft/store"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/store"
)

// reindexBatch bounds how many blocks' records one re-index batch carries.
const reindexBatch = 256

// blockSource reads committed blocks and their results from CometBFT's stores.
type blockSource struct {
	blocks *cmtstore.BlockStore
	state  sm.Store
}

func openBlockSource(c *cfg.Config) (*blockSource, error) {
	bdb, err := cfg.DefaultDBProvider(&cfg.DBContext{ID: "blockstore", Config: c})
	if err != nil {
		return nil, fmt.Errorf("open block store: %w", err)
	}
	sdb, err := cfg.DefaultDBProvider(&cfg.DBContext{ID: "state", Config: c})
	if err != nil {
		bdb.Close()
		return nil, fmt.Errorf("open consensus state store: %w", err)
	}
	return &blockSource{
		blocks: cmtstore.NewBlockStore(bdb, cmtstore.WithDBKeyLayout(c.Storage.ExperimentalKeyLayout)),
		state:  sm.NewStore(sdb, sm.StoreOptions{DBKeyLayout: c.Storage.ExperimentalKeyLayout}),
	}, nil
}

func (s *blockSource) Close() error {
	return errors.Join(s.blocks.Close(), s.state.Close())
}

// records are one committed block's index entries, from its transactions and stored results.
func (s *blockSource) records(height int64) ([]store.Record, error) {
	block, _ := s.blocks.LoadBlock(height)
	if block == nil {
		return nil, fmt.Errorf("block %d is not in the block store", height)
	}
	res, err := s.state.LoadFinalizeBlockResponse(height)
	if err != nil {
		return nil, fmt.Errorf("results of block %d: %w", height, err)
	}
	if len(res.TxResults) != len(block.Txs) {
		return nil, fmt.Errorf("block %d: %d transactions, %d results", height, len(block.Txs), len(res.TxResults))
	}
	raw := make([][]byte, len(block.Txs))
	for i, t := range block.Txs {
		raw[i] = t
	}
	return app.IndexRecords(height, raw, nil, res.TxResults)
}

// reindex writes the index entries of heights from..to (the state's committed height at
// most) from CometBFT's blocks and stored results, in batches, each marking the index
// complete through its last height.
func reindex(db *store.DB, src *blockSource, from, to int64, log *slog.Logger) error {
	if base := src.blocks.Base(); from < base && base > 0 {
		return fmt.Errorf("blocks below %d are pruned from the block store: cannot index from %d", base, from)
	}
	var batch []store.Record
	for h := from; h <= to; h++ {
		recs, err := src.records(h)
		if err != nil {
			return err
		}
		batch = append(batch, recs...)
		if (h-from+1)%reindexBatch == 0 || h == to {
			if err := db.WriteIndex(h, batch); err != nil {
				return err
			}
			batch = batch[:0]
			log.Info("re-indexed transactions", "through", h, "of", to)
		}
	}
	return nil
}

// catchUpIndex indexes the committed heights the transaction index lacks (a home that
// committed blocks before the node kept its own index); normally there are none, because
// every commit writes its block's entries.
func catchUpIndex(c *cfg.Config, db *store.DB, log *slog.Logger) error {
	height, _ := db.LastCommit()
	indexed := db.IndexedHeight()
	if indexed >= height {
		return nil
	}
	src, err := openBlockSource(c)
	if err != nil {
		return err
	}
	defer src.Close()
	from := max(indexed+1, src.blocks.Base(), 1)
	log.Info("indexing committed transactions the index lacks", "from", from, "to", height)
	return reindex(db, src, from, height, log)
}

// Reindex rebuilds a stopped node's transaction index from its block store: it clears the
// index and writes every committed block's entries again. It returns the height indexed.
func Reindex(home string, log *slog.Logger) (int64, error) {
	c, err := LoadCometConfig(home)
	if err != nil {
		return 0, err
	}
	ac, err := LoadAppConfig(home)
	if err != nil {
		return 0, err
	}
	db, err := store.Open(stateDBDir(c), ac.StoreOptions())
	if err != nil {
		return 0, fmt.Errorf("%w (is the node still running?)", err)
	}
	defer db.Close()
	if err := db.ClearIndex(); err != nil {
		return 0, err
	}
	height, _ := db.LastCommit()
	if height == 0 {
		return 0, nil
	}
	src, err := openBlockSource(c)
	if err != nil {
		return 0, err
	}
	defer src.Close()
	if base := src.blocks.Base(); base > 1 {
		log.Warn("blocks below the block store's base are pruned: their transactions stay unindexed", "base", base)
	}
	return height, reindex(db, src, max(src.blocks.Base(), 1), height, log)
}
