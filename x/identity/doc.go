// Package identity owns members (institutions with roles), accounts (Ed25519 keys that may
// sign) and the KYC level of individual accounts.
//
// Founding members come from genesis; individuals are registered by a sponsoring member. No
// personal data is stored: an account is a public key, a sponsor and a level.
package identity
