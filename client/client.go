package client

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/mempool"
	rpcclient "github.com/cometbft/cometbft/rpc/client"
	rpchttp "github.com/cometbft/cometbft/rpc/client/http"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
)

// Client talks to one node.
type Client struct {
	RPC     rpcclient.Client
	chainID string
	// PollInterval is how often WaitTx looks for a committed transaction.
	PollInterval time.Duration
}

// New wraps an RPC client (in-process or HTTP) for chainID.
func New(rpc rpcclient.Client, chainID string) *Client {
	return &Client{RPC: rpc, chainID: chainID, PollInterval: 50 * time.Millisecond}
}

// Dial connects to a node's CometBFT RPC address (e.g. http://127.0.0.1:26657) and learns
// its chain id.
func Dial(ctx context.Context, url string) (*Client, error) {
	if !strings.Contains(url, "://") {
		url = "http://" + url
	}
	url = strings.Replace(url, "tcp://", "http://", 1)
	rpc, err := rpchttp.New(url)
	if err != nil {
		return nil, err
	}
	st, err := rpc.Status(ctx)
	if err != nil {
		return nil, fmt.Errorf("node %s: %w", url, err)
	}
	return New(rpc, st.NodeInfo.Network), nil
}

// ChainID is the node's chain.
func (c *Client) ChainID() string { return c.chainID }

// Status is a node's view of the chain head.
type Status struct {
	ChainID    string    `json:"chain_id"`
	Height     int64     `json:"latest_block_height"`
	AppHash    string    `json:"latest_app_hash"`
	BlockHash  string    `json:"latest_block_hash"`
	BlockTime  time.Time `json:"latest_block_time"`
	NodeID     string    `json:"node_id"`
	Moniker    string    `json:"moniker"`
	CatchingUp bool      `json:"catching_up"`
}

// Status returns the chain head.
func (c *Client) Status(ctx context.Context) (*Status, error) {
	st, err := c.RPC.Status(ctx)
	if err != nil {
		return nil, err
	}
	return &Status{
		ChainID: st.NodeInfo.Network, Height: st.SyncInfo.LatestBlockHeight,
		AppHash: st.SyncInfo.LatestAppHash.String(), BlockHash: st.SyncInfo.LatestBlockHash.String(),
		BlockTime: st.SyncInfo.LatestBlockTime, NodeID: string(st.NodeInfo.DefaultNodeID),
		Moniker: st.NodeInfo.Moniker, CatchingUp: st.SyncInfo.CatchingUp,
	}, nil
}

// QueryError is a refused query, with the application's code.
type QueryError struct {
	Codespace string
	Code      uint32
	Log       string
}

func (e *QueryError) Error() string { return e.Log }

// Query runs an ABCI query and decodes its JSON answer into out. It returns the height the
// answer is from.
func (c *Client) Query(ctx context.Context, path, arg string, prove bool, out any) (int64, error) {
	res, err := c.RPC.ABCIQueryWithOptions(ctx, path, []byte(arg), rpcclient.ABCIQueryOptions{Prove: prove})
	if err != nil {
		return 0, err
	}
	if res.Response.Code != abci.CodeTypeOK {
		return res.Response.Height, &QueryError{Codespace: res.Response.Codespace, Code: res.Response.Code, Log: res.Response.Log}
	}
	return res.Response.Height, json.Unmarshal(res.Response.Value, out)
}

// Account reads an account; with prove, its entries carry proofs.
func (c *Client) Account(ctx context.Context, addr string, prove bool) (*query.Account, error) {
	var a query.Account
	_, err := c.Query(ctx, query.PathAccount, addr, prove, &a)
	return &a, err
}

// Asset reads an asset.
func (c *Client) Asset(ctx context.Context, code string) (*query.Asset, error) {
	var a query.Asset
	_, err := c.Query(ctx, query.PathAsset, code, false, &a)
	return &a, err
}

// Assets lists assets.
func (c *Client) Assets(ctx context.Context) ([]query.Asset, error) {
	var a []query.Asset
	_, err := c.Query(ctx, query.PathAssets, "", false, &a)
	return a, err
}

// Member reads a member.
func (c *Client) Member(ctx context.Context, addr string) (*query.Member, error) {
	var m query.Member
	_, err := c.Query(ctx, query.PathMember, addr, false, &m)
	return &m, err
}

// Members lists members.
func (c *Client) Members(ctx context.Context) ([]query.Member, error) {
	var m []query.Member
	_, err := c.Query(ctx, query.PathMembers, "", false, &m)
	return m, err
}

// KYC reads an account's KYC standing.
func (c *Client) KYC(ctx context.Context, addr string) (*query.KYC, error) {
	var k query.KYC
	_, err := c.Query(ctx, query.PathKYC, addr, false, &k)
	return &k, err
}

// Hold reads an open hold.
func (c *Client) Hold(ctx context.Context, id uint64) (*query.Hold, error) {
	var h query.Hold
	_, err := c.Query(ctx, query.PathHold, strconv.FormatUint(id, 10), false, &h)
	return &h, err
}

// Proposals lists governance proposals.
func (c *Client) Proposals(ctx context.Context) ([]query.Proposal, error) {
	var p []query.Proposal
	_, err := c.Query(ctx, query.PathProposals, "", false, &p)
	return p, err
}

// Proposal reads one proposal with its (current) tally.
func (c *Client) Proposal(ctx context.Context, id uint64) (*query.Proposal, error) {
	var p query.Proposal
	_, err := c.Query(ctx, query.PathProposal, strconv.FormatUint(id, 10), false, &p)
	return &p, err
}

// TxResult is a transaction's outcome.
type TxResult struct {
	Hash      string        `json:"hash"`
	Height    int64         `json:"height"`
	Index     uint32        `json:"index"`
	Code      uint32        `json:"code"`
	Codespace string        `json:"codespace,omitempty"`
	Log       string        `json:"log,omitempty"`
	Events    []query.Event `json:"events,omitempty"`
	Pending   bool          `json:"pending,omitempty"`
	Elapsed   time.Duration `json:"-"`
}

// OK reports success.
func (r *TxResult) OK() bool { return r.Code == abci.CodeTypeOK && !r.Pending }

// Err returns the transaction's failure as a coded error, or nil.
func (r *TxResult) Err() error {
	if r.Code == abci.CodeTypeOK {
		return nil
	}
	return &QueryError{Codespace: r.Codespace, Code: r.Code, Log: r.Log}
}

func txResultOf(t *query.Tx) *TxResult {
	return &TxResult{Hash: t.Hash, Height: t.Height, Index: t.Index, Code: t.Code, Codespace: t.Codespace, Log: t.Log, Events: t.Events}
}

// Tx looks a committed transaction up by its hex hash, in the node's own transaction index
// (written with each block's state, so it never misses a committed transaction). A hash the
// node has not committed is a *QueryError with tx.not_found's code.
func (c *Client) Tx(ctx context.Context, hashHex string) (*TxResult, error) {
	h, err := hex.DecodeString(hashHex)
	if err != nil || len(h) != 32 {
		return nil, tx.ErrInvalidField.Wrapf("hash must be 64 hex characters")
	}
	var t query.Tx
	if _, err := c.Query(ctx, query.PathTx, hashHex, false, &t); err != nil {
		return nil, err
	}
	return txResultOf(&t), nil
}

// AccountTxs lists the committed transactions that touched an account, newest first, a page
// at a time: after is "" for the first page, else the previous page's Next.
func (c *Client) AccountTxs(ctx context.Context, addr, after string) (*query.AccountTxs, error) {
	if err := tx.ValidateAddress("address", addr); err != nil {
		return nil, err
	}
	arg := addr
	if after != "" {
		arg = after
	}
	var out query.AccountTxs
	_, err := c.Query(ctx, query.PathAccountTxs, arg, false, &out)
	return &out, err
}

// IsNotFound reports a lookup of something the node does not have (tx.not_found).
func IsNotFound(err error) bool {
	var qe *QueryError
	return errors.As(err, &qe) && qe.Codespace == tx.ErrNotFound.Codespace && qe.Code == tx.ErrNotFound.Code
}

// ErrNotCommitted is returned when a transaction did not commit before the deadline.
var ErrNotCommitted = errors.New("transaction not committed before the deadline")

// Submit sends a signed transaction. A refusal by CheckTx comes back as the result's code;
// with wait it then waits (until ctx ends) for the transaction to commit.
func (c *Client) Submit(ctx context.Context, raw []byte, wait bool) (*TxResult, error) {
	start := time.Now()
	res, err := c.RPC.BroadcastTxSync(ctx, raw)
	if err != nil {
		if refused := refusal(err); refused != nil {
			refused.Hash = tx.HashHex(raw)
			return refused, nil
		}
		return nil, err
	}
	out := &TxResult{Hash: tx.HashHex(raw), Code: res.Code, Codespace: res.Codespace, Log: res.Log, Pending: res.Code == 0}
	if res.Code != abci.CodeTypeOK || !wait {
		return out, nil
	}
	committed, err := c.WaitTx(ctx, out.Hash)
	if err != nil {
		return out, err
	}
	committed.Elapsed = time.Since(start)
	return committed, nil
}

// WaitTx polls the transaction index until the transaction is committed or ctx ends.
func (c *Client) WaitTx(ctx context.Context, hashHex string) (*TxResult, error) {
	if h, err := hex.DecodeString(hashHex); err != nil || len(h) != 32 {
		return nil, tx.ErrInvalidField.Wrapf("hash must be 64 hex characters")
	}
	t := time.NewTicker(c.PollInterval)
	defer t.Stop()
	for {
		if res, err := c.Tx(ctx, hashHex); err == nil {
			return res, nil
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("%w: %s", ErrNotCommitted, hashHex)
		case <-t.C:
		}
	}
}

// Events converts ABCI events to their API form.
func Events(in []abci.Event) []query.Event {
	out := make([]query.Event, 0, len(in))
	for _, e := range in {
		ev := query.Event{Type: e.Type, Attributes: make([]query.Attribute, 0, len(e.Attributes))}
		for _, a := range e.Attributes {
			ev.Attributes = append(ev.Attributes, query.Attribute{Key: a.Key, Value: a.Value})
		}
		out = append(out, ev)
	}
	return out
}

// invalidTxText matches CometBFT's text for a transaction refused by CheckTx, as it arrives
// over HTTP (in-process it is a typed mempool.ErrInvalidTx).
var invalidTxText = regexp.MustCompile(`is invalid: code=(\d+), data=[0-9A-F]*, log='(.*)', codespace='([a-z_]*)'`)

// refusal turns CometBFT v1's CheckTx refusal, which it reports as an error, into a result
// with the application's code; nil if err is something else.
func refusal(err error) *TxResult {
	var inv mempool.ErrInvalidTx
	if errors.As(err, &inv) {
		return &TxResult{Code: inv.Code, Codespace: inv.Codespace, Log: inv.Log}
	}
	if m := invalidTxText.FindStringSubmatch(err.Error()); m != nil {
		code, _ := strconv.ParseUint(m[1], 10, 32)
		return &TxResult{Code: uint32(code), Codespace: m[3], Log: m[2]}
	}
	return nil
}

// IsKnownTx reports CometBFT's answer to a transaction it already holds or has recently seen
// (its cache of transaction hashes): the same bytes were submitted before.
func IsKnownTx(err error) bool {
	return errors.Is(err, mempool.ErrTxInCache) || (err != nil && strings.Contains(err.Error(), mempool.ErrTxInCache.Error()))
}

// IsMempoolFull reports CometBFT's back-pressure answer: retry the same transaction later.
func IsMempoolFull(err error) bool {
	var full mempool.ErrMempoolIsFull
	if errors.As(err, &full) || errors.Is(err, mempool.ErrRecheckFull) {
		return true
	}
	return err != nil && (strings.Contains(err.Error(), "mempool is full") || strings.Contains(err.Error(), "considered as full"))
}

// Query reads any declared query: the path, the arguments' checks and the view's type come
// from its declaration in package query. args are its arguments' values in declared order
// (an optional cursor may be left out or ""), joined as query.Compose joins them.
func Query[V any](ctx context.Context, c *Client, d query.Def[V], args ...string) (V, error) {
	var v V
	arg, err := query.Compose(d.Params(), args...)
	if err != nil {
		return v, err
	}
	_, err = c.Query(ctx, d.Path, arg, false, &v)
	return v, err
}
