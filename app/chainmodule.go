package app

import (
	"encoding/json"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/module"
)

// chainModule is the application's own part of the state: its parameters, the signers'
// nonces, the consortium clock and the scheduler's entries (which every module books). Its
// queries are the account view, which gathers identity, ledger and nonce, and the parameters.
func chainModule() module.Module {
	return module.Module{
		Name:     "chain",
		Prefixes: [][]byte{core.Key("app", ""), []byte("auth/"), core.Key("core", ""), []byte("sched/")},
		Queries: []module.Query{
			module.Answer(query.GetAccount, accountView),
			module.Answer(query.GetParams, func(q module.QueryContext, _ string) (query.Params, error) {
				var p query.Params
				if err := json.Unmarshal(q.State.Get(paramsKey), &p); err != nil {
					return p, tx.ErrInternal.Wrapf("params: %v", err)
				}
				return p, nil
			}),
		},
	}
}

// accountView gathers an account's records; with prove, every key it read comes with a proof.
func accountView(q module.QueryContext, addr string) (query.Account, error) {
	s := q.State
	acc, ok := identity.GetAccount(s, addr)
	if !ok {
		return query.Account{}, identity.ErrNoAccount.Wrapf("%s", addr)
	}
	v := query.Account{
		Address: addr, PubKey: acc.PubKey, Sponsor: acc.Sponsor, KYCLevel: acc.KycLevel,
		Nonce: LastNonce(s, addr), Frozen: ledger.IsFrozen(s, addr), Height: q.Height, Balances: []query.Balance{},
	}
	for _, r := range identity.Roles(s, addr) {
		v.Roles = append(v.Roles, string(r))
	}
	keys := [][]byte{identity.AccountKey(addr), tx.NonceKey(addr), ledger.FrozenKey(addr)}
	for _, b := range ledger.Balances(s, addr) {
		v.Balances = append(v.Balances, query.Balance{Asset: b.Asset, Available: b.Available, Held: b.Held})
		keys = append(keys, ledger.BalanceKey(addr, b.Asset), ledger.HeldKey(addr, b.Asset))
	}
	if !q.Prove {
		return v, nil
	}
	v.AppHash = q.Root
	for _, k := range keys {
		p, err := q.ProveKey(k)
		if err != nil {
			return query.Account{}, tx.ErrInternal.Wrapf("%v", err)
		}
		v.Proofs = append(v.Proofs, query.ProvenEntry{Key: k, Value: s.Get(k), Proof: p})
	}
	return v, nil
}
