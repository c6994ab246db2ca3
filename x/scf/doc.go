// Package scf is supply-chain finance: banks' revolving credit lines for core enterprises,
// the registry of trade documents (invoices and contracts) with its double-financing check,
// and receivable certificates — irrevocable payment promises a core enterprise confirms to a
// tier-1 supplier, which holders split, pass down the chain and sell to banks or factors at
// a discount, and which the block-time scheduler settles at maturity, pro rata when the
// enterprise cannot pay in full, retrying each business day until paid.
//
// It owns the state under "scf/". Money moves only through the ledger (Bank); accounts and
// roles are read through identity (Registry). It reads no clock but the block's and keeps
// no state outside the store.
package scf
