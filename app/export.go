package app

import (
	"fmt"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/x/governance"
	"github.com/puhui-chain/puhui/x/module"
)

// GenesisState is a chain's whole state at a height, by owning module: what `puhui export`
// writes into a genesis file, so that a new chain (a restart across a breaking change, a
// fork for testing) starts from it with every key and value, and so the same state root.
type GenesisState struct {
	Height  int64           `json:"height"`   // the exported chain's last committed height
	AppHash []byte          `json:"app_hash"` // its state root: the imported chain's first root
	Modules []ModuleEntries `json:"modules"`
}

// ModuleEntries are one module's state keys and values, in key order.
type ModuleEntries struct {
	Module  string  `json:"module"`
	Entries []Entry `json:"entries"`
}

// Entry is one state key and its value (base64 in JSON).
type Entry struct {
	Key   []byte `json:"key"`
	Value []byte `json:"value"`
}

// ExportState reads every key of r and files it under the module that owns it; a key no
// module owns is an error (state nobody would carry across an upgrade).
func ExportState(r store.Reader, height int64, root []byte) (*GenesisState, error) {
	mods := sharedRouter().modules
	byModule := make([][]Entry, len(mods))
	var err error
	r.Iterate(nil, nil, func(k, v []byte) bool {
		for i := range mods {
			if mods[i].Owns(k) {
				byModule[i] = append(byModule[i], Entry{Key: append([]byte(nil), k...), Value: append([]byte(nil), v...)})
				return true
			}
		}
		err = fmt.Errorf("state key %q belongs to no module", k)
		return false
	})
	if err != nil {
		return nil, err
	}
	out := &GenesisState{Height: height, AppHash: root}
	for i, m := range mods {
		out.Modules = append(out.Modules, ModuleEntries{Module: m.Name, Entries: byModule[i]})
	}
	return out, nil
}

// ExportValidators are the validators an exported state names, for the new genesis file.
func ExportValidators(r store.Reader) []abci.ValidatorUpdate {
	var out []abci.ValidatorUpdate
	for _, v := range governance.Validators(r) {
		out = append(out, abci.ValidatorUpdate{PubKeyType: "ed25519", PubKeyBytes: v.PubKey, Power: v.Power})
	}
	return out
}

// importState writes an exported state; every entry must belong to the module it is filed
// under, and the genesis validators must be the state's own.
func importState(kv store.KV, s *GenesisState, validators []abci.ValidatorUpdate) error {
	mods := map[string]*module.Module{}
	for i, m := range sharedRouter().modules {
		mods[m.Name] = &sharedRouter().modules[i]
	}
	for _, me := range s.Modules {
		m, ok := mods[me.Module]
		if !ok {
			return fmt.Errorf("genesis state: unknown module %q", me.Module)
		}
		for _, e := range me.Entries {
			if !m.Owns(e.Key) || len(e.Value) == 0 {
				return fmt.Errorf("genesis state: module %s does not own key %q (or its value is empty)", m.Name, e.Key)
			}
			kv.Set(e.Key, e.Value)
		}
	}
	want := map[string]int64{}
	for _, v := range governance.Validators(kv) {
		want[string(v.PubKey)] = v.Power
	}
	if len(want) != len(validators) {
		return fmt.Errorf("genesis: %d validators, the state names %d", len(validators), len(want))
	}
	for _, v := range validators {
		if p, ok := want[string(v.PubKeyBytes)]; !ok || p != v.Power {
			return fmt.Errorf("genesis validator %x (power %d) is not the state's", v.PubKeyBytes, v.Power)
		}
	}
	return nil
}
