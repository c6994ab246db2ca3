package bench

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/cometbft/cometbft/crypto/ed25519"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// Config describes a run.
type Config struct {
	Accounts int           // funded accounts that send transfers
	Duration time.Duration // measurement window
	Workers  int           // concurrent submitters
	MaxTxs   int           // pre-signed transactions (upper bound of the run)
	Asset    string
	Workload string // WorkloadTransfer (default) or WorkloadRepay
	// APIs, when set, are the nodes' REST API URLs (one per node, in the order of Run's
	// clients): transactions then go through POST /v1/txs/batch over HTTP, Batch at a time,
	// instead of one by one through the clients.
	APIs  []string
	Batch int
	// Rate, when positive, paces the edge path at this many transactions a second offered in
	// all (an open loop: each worker sends a batch on a fixed schedule, whatever the node
	// answered), instead of sending as fast as the node takes them. A transaction's latency
	// counts from its batch's scheduled time, so a node that falls behind the schedule shows
	// it in the latencies rather than slowing the offer (no coordinated omission).
	Rate float64
	// RPCBatch sends Batch broadcast_tx_sync calls per JSON-RPC batch request instead (the
	// kvstore yardstick's best public path; its transactions must be independent).
	RPCBatch bool
	// GRPC, when set, is nodes[0]'s CometBFT gRPC address (host:port): the run follows the
	// chain through its block services rather than through JSON-RPC.
	GRPC string
	// Progress, when set, is called about once a second.
	Progress func(p Progress)
}

// source is where a run following c reads the chain.
func (cfg Config) source(ctx context.Context, c *client.Client) (blockSource, error) {
	if cfg.GRPC == "" {
		return rpcSource{c: c}, nil
	}
	return dialGRPC(ctx, c, cfg.GRPC)
}

// Progress is a running tally.
type Progress struct {
	Elapsed   time.Duration
	Submitted int
	Committed int
	Height    int64
}

// account is a funded sender with its pre-signed transactions.
type account struct {
	signer *client.Signer
	txs    [][]byte
}

// Setup registers the benchmark asset if needed, registers and funds the accounts with the
// funder (a member that may issue assets and register accounts), for the repay workload
// gives each account a loan from the funder (then a bank), and pre-signs the transactions.
func Setup(ctx context.Context, c *client.Client, funder *client.Signer, cfg Config) ([]*account, error) {
	if cfg.Accounts < 2 {
		return nil, errors.New("need at least 2 accounts")
	}
	accts := make([]*account, cfg.Accounts)
	for i := range accts {
		seed := sha256.Sum256([]byte(fmt.Sprintf("puhui-bench/%s/%d", funder.Address(), i)))
		accts[i] = &account{signer: client.NewSigner(ed25519.GenPrivKeyFromSecret(seed[:]))}
	}
	if _, err := c.Asset(ctx, cfg.Asset); err != nil {
		if err := send(ctx, c, funder, &txpb.Msg{Sum: &txpb.Msg_RegisterAsset{RegisterAsset: &txpb.MsgRegisterAsset{
			Code: cfg.Asset, Name: "benchmark units", Scale: 2}}}); err != nil {
			return nil, fmt.Errorf("register %s: %w", cfg.Asset, err)
		}
	}
	if err := fund(ctx, c, funder, accts, cfg.Asset); err != nil {
		return nil, err
	}
	var loans []uint64
	switch cfg.Workload {
	case "", WorkloadTransfer:
	case WorkloadRepay:
		var err error
		if loans, err = setupLoans(ctx, c, funder, accts, cfg.Asset); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unknown workload %q: %s or %s", cfg.Workload, WorkloadTransfer, WorkloadRepay)
	}
	if err := presign(ctx, c, accts, cfg, loans); err != nil {
		return nil, err
	}
	return accts, nil
}

func send(ctx context.Context, c *client.Client, s *client.Signer, msgs ...*txpb.Msg) error {
	r, err := c.Send(ctx, s, "bench setup", msgs...)
	if err != nil {
		return err
	}
	return r.Err()
}

// fund registers the accounts that are not yet registered and mints to each, in batches.
func fund(ctx context.Context, c *client.Client, funder *client.Signer, accts []*account, asset string) error {
	const batch = 30 // two messages per account, within the 64-message limit
	for start := 0; start < len(accts); start += batch {
		var msgs []*txpb.Msg
		for _, a := range accts[start:min(start+batch, len(accts))] {
			if _, err := c.Account(ctx, a.signer.Address(), false); err != nil {
				msgs = append(msgs, &txpb.Msg{Sum: &txpb.Msg_RegisterAccount{RegisterAccount: &txpb.MsgRegisterAccount{PubKey: a.signer.PubKey(), KycLevel: 1}}})
			}
			msgs = append(msgs, &txpb.Msg{Sum: &txpb.Msg_Mint{Mint: &txpb.MsgMint{Asset: asset, To: a.signer.Address(), Amount: 1_000_000_000}}})
		}
		if err := send(ctx, c, funder, msgs...); err != nil {
			return fmt.Errorf("fund accounts: %w", err)
		}
	}
	return nil
}

// presign signs each account's share of MaxTxs transactions with consecutive nonces from the
// account's committed one: transfers of 1 minor unit to the next account, or (with loans)
// repayments of 1 minor unit on the account's loan.
func presign(ctx context.Context, c *client.Client, accts []*account, cfg Config, loans []uint64) error {
	per := cfg.MaxTxs / len(accts)
	var wg sync.WaitGroup
	errs := make(chan error, len(accts))
	sem := make(chan struct{}, 2)
	for i, a := range accts {
		next, err := c.NextNonce(ctx, a.signer.Address())
		if err != nil {
			return err
		}
		to := accts[(i+1)%len(accts)].signer.Address()
		var loan uint64
		if loans != nil {
			loan = loans[i]
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(a *account, nonce uint64) {
			defer func() { <-sem; wg.Done() }()
			a.txs = make([][]byte, per)
			msg := &txpb.Msg{Sum: &txpb.Msg_Transfer{Transfer: &txpb.MsgTransfer{To: to, Asset: cfg.Asset, Amount: 1}}}
			if loans != nil {
				msg = &txpb.Msg{Sum: &txpb.Msg_RepayLoan{RepayLoan: &txpb.MsgRepayLoan{LoanId: loan, Amount: 1}}}
			}
			for j := range a.txs {
				raw, err := a.signer.Sign(c.ChainID(), nonce+uint64(j), "", msg)
				if err != nil {
					errs <- err
					return
				}
				a.txs[j] = raw
			}
		}(a, next)
	}
	wg.Wait()
	close(errs)
	return <-errs
}

// KVStreams makes streams of unique key=value transactions for CometBFT's kvstore example.
func KVStreams(streams, nodes, perStream int) []Stream {
	out := make([]Stream, streams)
	for i := range out {
		out[i].Node = i % nodes
		out[i].Txs = make([][]byte, perStream)
		for j := range out[i].Txs {
			out[i].Txs[j] = []byte(fmt.Sprintf("bench-%d-%d=%d", i, j, j))
		}
	}
	return out
}
