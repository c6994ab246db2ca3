package governance

import (
	"encoding/binary"
	"encoding/hex"
	"sort"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/x/core"
)

// MaxValidatorPower bounds one validator's power.
const MaxValidatorPower = 1_000_000

// Validator is a consensus key and its power.
type Validator struct {
	PubKey []byte
	Power  int64
}

// InitValidators records the genesis validator set.
func InitValidators(kv store.KV, vals []abci.ValidatorUpdate) error {
	for _, v := range vals {
		if v.PubKeyType != "ed25519" || len(v.PubKeyBytes) != tx.PubKeySize {
			return ErrValidatorSet.Wrapf("genesis validator key must be ed25519")
		}
		core.SetInt64(kv, ValidatorKey(v.PubKeyBytes), v.Power)
	}
	return nil
}

// Validators lists the current set in key order.
func Validators(r store.Reader) []Validator {
	var out []Validator
	store.IteratePrefix(r, validatorPrefix, func(k, v []byte) bool {
		pub, err := hex.DecodeString(string(k[len(validatorPrefix):]))
		if err != nil {
			panic("corrupt validator key")
		}
		out = append(out, Validator{PubKey: pub, Power: core.DecodeInt64(v)})
		return true
	})
	return out
}

// setValidator applies a validator change to the app's set and queues it for CometBFT.
func setValidator(ctx *core.Context, pub []byte, power int64) error {
	if len(pub) != tx.PubKeySize {
		return ErrValidatorSet.Wrapf("consensus key must be %d bytes", tx.PubKeySize)
	}
	if power < 0 || power > MaxValidatorPower {
		return ErrValidatorSet.Wrapf("power must be 0..%d", MaxValidatorPower)
	}
	current := core.GetInt64(ctx.KV, ValidatorKey(pub))
	if power == 0 && current == 0 {
		return ErrValidatorSet.Wrapf("%X is not a validator", pub)
	}
	remaining := int64(0)
	for _, v := range Validators(ctx.KV) {
		if string(v.PubKey) != string(pub) {
			remaining += v.Power
		}
	}
	if remaining+power == 0 {
		return ErrValidatorSet.Wrapf("the validator set cannot become empty")
	}
	core.SetInt64(ctx.KV, ValidatorKey(pub), power)
	ctx.KV.Set(updateKey(pub), binary.BigEndian.AppendUint64(nil, uint64(power)))
	ctx.Emit("governance.validator_set", "pub_key", hex.EncodeToString(pub), "power", core.Itoa(power))
	return nil
}

// TakeValidatorUpdates returns the queued validator changes, in key order, and clears them.
// The application returns them from FinalizeBlock.
func TakeValidatorUpdates(kv store.KV) []abci.ValidatorUpdate {
	var out []abci.ValidatorUpdate
	var keys [][]byte
	store.IteratePrefix(kv, updatePrefix, func(k, v []byte) bool {
		pub, err := hex.DecodeString(string(k[len(updatePrefix):]))
		if err != nil || len(v) != 8 {
			panic("corrupt validator update")
		}
		out = append(out, abci.ValidatorUpdate{PubKeyType: "ed25519", PubKeyBytes: pub, Power: int64(binary.BigEndian.Uint64(v))})
		keys = append(keys, append([]byte(nil), k...))
		return true
	})
	for _, k := range keys {
		kv.Delete(k)
	}
	sort.SliceStable(out, func(i, j int) bool { return string(out[i].PubKeyBytes) < string(out[j].PubKeyBytes) })
	return out
}
