package apptest

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/ed25519"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// ChainID of test chains.
const ChainID = "puhui-test"

// GenesisTime is the fixed time of the first block.
var GenesisTime = time.Date(2026, 1, 5, 1, 0, 0, 0, time.UTC)

// GenesisValidator is the consensus key of a test chain's only genesis validator.
var GenesisValidator = NewKey("genesis-validator")

// Key is a deterministic test key.
type Key struct {
	Priv    ed25519.PrivKey
	Address string
	nonce   uint64
}

// NewKey derives a key from a name, so runs are reproducible.
func NewKey(name string) *Key {
	seed := sha256.Sum256([]byte("puhui-test-key/" + name))
	priv := ed25519.GenPrivKeyFromSecret(seed[:])
	return &Key{Priv: priv, Address: tx.AddressOf(priv.PubKey().Bytes())}
}

// PubKey returns the key's public key bytes.
func (k *Key) PubKey() []byte { return k.Priv.PubKey().Bytes() }

// Member is a founding member of a test chain.
type Member struct {
	Key   *Key
	Name  string
	Roles []string
}

// Chain is an application with its block clock.
type Chain struct {
	App    *app.App
	DB     *store.DB
	Height int64
	Time   time.Time
	// BlockInterval advances Time at each block.
	BlockInterval time.Duration
	// LastResponse is the last FinalizeBlock response (validator updates, block events).
	LastResponse *abci.FinalizeBlockResponse

	adjust func(*app.Genesis)
}

// NewChain starts a chain with the given founding members over an in-memory store.
func NewChain(t testing.TB, members ...Member) *Chain {
	t.Helper()
	return NewChainWith(t, nil, members...)
}

// NewChainWith is NewChain with a hook that adjusts the genesis (governance parameters …).
func NewChainWith(t testing.TB, adjust func(*app.Genesis), members ...Member) *Chain {
	t.Helper()
	db, err := store.Open("", store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := &Chain{App: app.New(db, ChainID, nil), DB: db, Time: GenesisTime, BlockInterval: 5 * time.Second, adjust: adjust}
	if err := c.Init(members...); err != nil {
		t.Fatal(err)
	}
	return c
}

// Genesis builds the app_state of members.
func Genesis(adjust func(*app.Genesis), members ...Member) []byte {
	g := app.Genesis{TimeZone: "Asia/Shanghai"}
	for _, m := range members {
		g.Members = append(g.Members, app.GenesisMember{Name: m.Name, PubKey: m.Key.PubKey(), Roles: m.Roles})
	}
	if adjust != nil {
		adjust(&g)
	}
	b, err := json.Marshal(g)
	if err != nil {
		panic(err)
	}
	return b
}

// Init runs InitChain.
func (c *Chain) Init(members ...Member) error {
	_, err := c.App.InitChain(context.Background(), &abci.InitChainRequest{
		ChainId: ChainID, InitialHeight: 1, Time: c.Time, AppStateBytes: Genesis(c.adjust, members...),
		Validators: []abci.ValidatorUpdate{{PubKeyType: "ed25519", PubKeyBytes: GenesisValidator.PubKey(), Power: 10}},
	})
	return err
}

// Block finalizes and commits one block of raw transactions and returns its results.
func (c *Chain) Block(txs ...[]byte) (*abci.FinalizeBlockResponse, error) {
	c.Height++
	c.Time = c.Time.Add(c.BlockInterval)
	res, err := c.App.FinalizeBlock(context.Background(), &abci.FinalizeBlockRequest{
		Txs: txs, Height: c.Height, Time: c.Time,
	})
	if err != nil {
		return nil, err
	}
	if _, err := c.App.Commit(context.Background(), &abci.CommitRequest{}); err != nil {
		return nil, err
	}
	c.LastResponse = res
	return res, nil
}

// Sign builds and signs a transaction from k with its next nonce.
func (k *Key) Sign(msgs ...*txpb.Msg) []byte {
	k.nonce++
	return k.SignNonce(k.nonce, msgs...)
}

// SignNonce signs with an explicit nonce (and does not advance the key's counter).
func (k *Key) SignNonce(nonce uint64, msgs ...*txpb.Msg) []byte {
	raw, err := tx.Sign(k.Priv, &txpb.TxBody{ChainId: ChainID, Nonce: nonce, Msgs: msgs})
	if err != nil {
		panic(err)
	}
	return raw
}

// SetNonce sets the key's last used nonce.
func (k *Key) SetNonce(n uint64) { k.nonce = n }

// Nonce is the key's last used nonce.
func (k *Key) Nonce() uint64 { return k.nonce }

// Exec runs one transaction in its own block and returns its result.
func (c *Chain) Exec(raw []byte) *abci.ExecTxResult {
	res, err := c.Block(raw)
	if err != nil {
		panic(fmt.Sprintf("block failed: %v", err))
	}
	return res.TxResults[0]
}

// MustExec runs a transaction and fails the test unless it succeeds.
func (c *Chain) MustExec(t testing.TB, raw []byte) *abci.ExecTxResult {
	t.Helper()
	r := c.Exec(raw)
	if r.Code != 0 {
		t.Fatalf("tx failed: %s/%d %s", r.Codespace, r.Code, r.Log)
	}
	return r
}

// State is the committed state.
func (c *Chain) State() store.Reader { return c.DB.State() }
