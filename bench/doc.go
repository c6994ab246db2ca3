// Package bench is the workload behind `puhui bench`: it funds accounts through a member
// key, pre-signs transactions — transfers, or repayments on a loan each account takes from
// the funder — submits them as fast as the node accepts them and measures committed
// transactions per second, submit-to-commit latency and blocks per second, next to this
// machine's Ed25519 verification rate so results read as ratios.
//
// Submission paths: one transaction per call (run.go), REST batches through the node's edge
// (edge.go) and, for CometBFT's kvstore yardstick, JSON-RPC batches (rpcbatch.go); the batch
// paths share their back-pressure bookkeeping (share.go). Latency runs from a transaction's
// first submission attempt to the moment its height was first reported committed; blocks
// are read apart from that timing (source.go).
package bench
