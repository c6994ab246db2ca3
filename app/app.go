package app

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/governance"
	"github.com/puhui-chain/puhui/x/identity"
)

// Version is the application protocol version reported to CometBFT.
const Version uint64 = 1

// DefaultMaxPendingPerSigner is how many transactions of one signer the mempool holds at
// once unless the node configures otherwise: a fifth of CometBFT's default mempool of 5,000,
// and room for a client that pipelines its nonces.
const DefaultMaxPendingPerSigner = 1000

// App is the Puhui ABCI application.
type App struct {
	abci.BaseApplication // snapshots and vote extensions: not used

	db      *store.DB
	chainID string
	log     *slog.Logger
	sigs    *sigCache
	decodes *decodeCache // the mempool side's decoded transactions
	router  *router
	metrics *Metrics

	// pending holds the changes since the last commit (genesis, then the finalized block);
	// only the consensus connection touches it.
	pending       *store.Cache
	pendingHeight int64
	pendingRoot   []byte
	pendingTime   int64
	pendingIndex  []store.Record // the finalized block's transaction-index entries
	// pendingPrivate are the finalized block's outputs for the private store (credit
	// reports), written by Commit before the state.
	pendingPrivate []core.PrivateOutput
	private        PrivateStore

	halt haltState

	// committedTime is the block time of the last committed block (0 until the first commit
	// of this process): the "as of" time of query views such as a loan's overdue amount.
	committedTime atomic.Int64

	// mempool view: the last nonce accepted per signer since the last commit, and how many
	// of the signer's transactions were admitted since (rechecks after a commit rebuild both
	// from what the mempool still holds).
	mu                  sync.Mutex
	mempoolSeq          map[string]uint64
	mempoolCount        map[string]int
	maxPendingPerSigner int

	sigVerifications atomic.Int64

	// AfterBlock, when set, is called after each FinalizeBlock with the block's working
	// state (tests use it to assert invariants after every block).
	AfterBlock func(height int64, state store.Reader)
}

// New returns the application over db for chainID.
func New(db *store.DB, chainID string, log *slog.Logger) *App {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &App{
		db:                  db,
		chainID:             chainID,
		log:                 log,
		sigs:                newSigCache(200_000),
		decodes:             newDecodeCache(decodeCacheSize),
		router:              sharedRouter(),
		metrics:             newMetrics(db),
		private:             newMemStore(),
		mempoolSeq:          make(map[string]uint64),
		mempoolCount:        make(map[string]int),
		maxPendingPerSigner: DefaultMaxPendingPerSigner,
	}
}

// sharedRouter is the one router of this binary: modules are stateless, and wiring them
// sets their narrow dependencies once.
var sharedRouter = sync.OnceValue(newRouter)

// Allowed reports whether any of roles may send msgType.
func Allowed(msgType string, roles []identity.Role) bool {
	return sharedRouter().allowed(msgType, roles)
}

// MessageTypes lists the routed message types, sorted.
func MessageTypes() []string { return sharedRouter().messageTypes() }

// SignatureVerifications counts signatures verified so far (cache misses).
func (a *App) SignatureVerifications() int64 { return a.sigVerifications.Load() }

// DB exposes the state database (for the node's queries and tests).
func (a *App) DB() *store.DB { return a.db }

// ChainID is the chain this application serves.
func (a *App) ChainID() string { return a.chainID }

// Info reports the last committed height and AppHash, from which CometBFT replays.
func (a *App) Info(context.Context, *abci.InfoRequest) (*abci.InfoResponse, error) {
	h, root := a.db.LastCommit()
	return &abci.InfoResponse{
		Data:             "puhui",
		Version:          "1",
		AppVersion:       Version,
		LastBlockHeight:  h,
		LastBlockAppHash: root,
	}, nil
}

// InitChain writes the genesis state into the pending changes; it is persisted with the
// first block's commit, so a crash before that simply runs InitChain again.
func (a *App) InitChain(_ context.Context, req *abci.InitChainRequest) (*abci.InitChainResponse, error) {
	if req.ChainId != a.chainID {
		return nil, fmt.Errorf("genesis chain id %q, node configured for %q", req.ChainId, a.chainID)
	}
	var g Genesis
	if err := json.Unmarshal(req.AppStateBytes, &g); err != nil {
		return nil, fmt.Errorf("genesis app_state: %w", err)
	}
	a.pending = store.NewCache(a.db.State())
	var events []abci.Event
	ctx := &core.Context{KV: a.pending, Height: req.InitialHeight, BlockTime: req.Time, Events: &events}
	if g.State != nil {
		if err := g.Validate(); err != nil {
			return nil, err
		}
		if err := importState(a.pending, g.State, req.Validators); err != nil {
			return nil, err
		}
	} else {
		if err := g.apply(ctx, req.ChainId); err != nil {
			return nil, err
		}
		if err := governance.InitValidators(a.pending, req.Validators); err != nil {
			return nil, err
		}
	}
	root, err := a.db.ApplyChanges(req.InitialHeight, a.pending)
	if err != nil {
		return nil, err
	}
	a.pendingRoot = root
	return &abci.InitChainResponse{AppHash: root}, nil
}

// Commit persists the finalized block in one synced batch.
func (a *App) Commit(context.Context, *abci.CommitRequest) (*abci.CommitResponse, error) {
	if a.pending == nil {
		return nil, fmt.Errorf("commit without a finalized block")
	}
	if err := a.private.Put(a.pendingPrivate); err != nil {
		return nil, err // before the state: a crash here re-executes the block, which writes the same bytes
	}
	a.pendingPrivate = nil
	if err := a.db.Commit(a.pendingHeight, a.pendingRoot, a.pending, a.pendingIndex...); err != nil {
		return nil, err
	}
	a.pending, a.pendingIndex = nil, nil
	a.committedTime.Store(a.pendingTime)
	a.mu.Lock()
	a.mempoolSeq = make(map[string]uint64) // rechecks rebuild it in mempool order
	a.mempoolCount = make(map[string]int)
	a.mu.Unlock()
	a.metrics.height.Set(float64(a.pendingHeight))
	return &abci.CommitResponse{}, nil
}
