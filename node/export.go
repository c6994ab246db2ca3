package node

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/cometbft/cometbft/types"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/store"
)

// Export reads the state a stopped node in home committed last and returns a genesis
// document that starts a new chain from it: the same chain id (or chainID, if set), the
// state's validators, initial height one above the exported height, and every state key and
// value in app_state.state. The new chain's first state root is the exported one.
func Export(home, chainID string, genesisTime time.Time) (*types.GenesisDoc, error) {
	c, err := LoadCometConfig(home)
	if err != nil {
		return nil, err
	}
	ac, err := LoadAppConfig(home)
	if err != nil {
		return nil, err
	}
	old, err := types.GenesisDocFromFile(c.GenesisFile())
	if err != nil {
		return nil, fmt.Errorf("genesis: %w", err)
	}
	var g app.Genesis
	if err := json.Unmarshal(old.AppState, &g); err != nil {
		return nil, fmt.Errorf("genesis app_state: %w", err)
	}
	db, err := store.Open(filepath.Join(c.DBDir(), "puhui-state.db"), ac.StoreOptions())
	if err != nil {
		return nil, fmt.Errorf("state store (is the node still running?): %w", err)
	}
	defer db.Close()
	height, root := db.LastCommit()
	if height == 0 {
		return nil, fmt.Errorf("nothing committed yet in %s", home)
	}
	state := db.State()
	if g.State, err = app.ExportState(state, height, root); err != nil {
		return nil, err
	}
	g.Members = nil // the state carries them
	appState, err := json.Marshal(g)
	if err != nil {
		return nil, err
	}
	doc := &types.GenesisDoc{ChainID: old.ChainID, GenesisTime: genesisTime.UTC(), InitialHeight: height + 1,
		ConsensusParams: old.ConsensusParams, AppState: appState}
	if chainID != "" {
		doc.ChainID = chainID
	}
	for i, v := range app.ExportValidators(state) {
		doc.Validators = append(doc.Validators, types.GenesisValidator{PubKey: ed25519.PubKey(v.PubKeyBytes), Power: v.Power,
			Name: fmt.Sprintf("validator-%d", i+1)})
	}
	return doc, doc.ValidateAndComplete()
}
