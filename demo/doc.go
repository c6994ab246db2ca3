// Package demo is the regulatory sandbox behind `puhui demo`: a single node on a fast clock
// (a business day every few seconds) playing a whole consortium — a bank, an MFI, a
// regulator and a KYC provider — with borrowers and investors whose keys are in the node's
// keyring, loan products of every kind, and loans in every state: applied, approved,
// rejected, funding, expired, active, closed, defaulted, written off with a recovery, and a
// group whose fund covers an overdue member. It talks to the chain only through the Go SDK,
// as any client would.
package demo
