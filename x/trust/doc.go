// Package trust is trusts and charity: a trust created by a trustee (a bank) for a settlor and
// named beneficiaries, whose property sits in a segregated account that no key can sign for
// (the address is derived from the trust's id: see AccountOf). Contributions come from the
// settlor, or for a charity trust from any registered account down to one minor unit; they
// leave only by the trust's rules — milestone tranches released on approved evidence, monthly
// distributions run by the block-time scheduler under an optional CEL condition, the
// trustee's fee (collected by a message, capped at 10% of spending for charity trusts), and at
// the end refunds to donors or a pass-on to a successor trust. Every outflow is attributed to
// donations first in, first out and stored, so a donor can trace every fen. The trustee
// publishes a report hash every three months; the scheduler flags a missed deadline overdue.
//
// It owns the state under "tr/". Money moves only through the ledger (Bank), so every
// movement passes the ledger's hooks; accounts are read through identity (Registry). It
// reads no clock but the block's and keeps no state outside the store.
package trust
