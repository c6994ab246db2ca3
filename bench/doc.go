// Package bench is the workload behind `puhui bench`: it funds accounts through a member
// key, pre-signs transactions — transfers, or repayments on a loan each account takes from
// the funder — submits them as fast as the node accepts them and measures committed
// transactions per second, submit-to-commit latency and blocks per second, next to this
// machine's Ed25519 verification rate so results read as ratios.
package bench
