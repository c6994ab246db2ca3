package trust

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"

	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/x/core"
)

// State keys (exported so that proofs can name them). Ids and sequence numbers are 8 bytes
// big-endian, so that byte order is numeric order.
func TrustKey(id uint64) []byte { return core.Key("tr", "t", be(id)) }

// DonationKey orders a trust's donations by sequence number (first in, first out).
func DonationKey(id, seq uint64) []byte { return core.Key("tr", "d", be(id), be(seq)) }

// ReleaseKey orders a trust's outflows by sequence number.
func ReleaseKey(id, seq uint64) []byte { return core.Key("tr", "r", be(id), be(seq)) }

// DisclosureKey orders a trust's published reports.
func DisclosureKey(id, seq uint64) []byte { return core.Key("tr", "x", be(id), be(seq)) }

// donorKey indexes a donor's donations: the donor trace reads them without scanning trusts.
func donorKey(donor string, id, seq uint64) []byte {
	return core.Key("tr", "o", donor, be(id), be(seq))
}

func donorPrefix(donor string) []byte { return core.Key("tr", "o", donor, "") }

var (
	trustPrefix = core.Key("tr", "t", "")
	lastIDKey   = core.Key("tr", "n")
)

func donationPrefix(id uint64) []byte   { return core.Key("tr", "d", be(id), "") }
func releasePrefix(id uint64) []byte    { return core.Key("tr", "r", be(id), "") }
func disclosurePrefix(id uint64) []byte { return core.Key("tr", "x", be(id), "") }

func be(v uint64) string { return string(binary.BigEndian.AppendUint64(nil, v)) }

// Scheduler kinds; each entry's id is the trust id in decimal.
const (
	payKind      = "trust-pay"      // a monthly distribution falls due
	discloseKind = "trust-disclose" // a disclosure deadline falls due
	refundKind   = "trust-refund"   // the next batch of an ending's refunds
)

// AccountOf is a trust's segregated account: the first 20 bytes of
// SHA-256("puhui/trust/v1/" || decimal id), in lower-case hex — the form of an address, but
// the hash of no public key, so no key can sign for it (a signer's address is always the
// hash of the key it presents).
func AccountOf(id uint64) string {
	sum := sha256.Sum256([]byte("puhui/trust/v1/" + core.Itoa(int64(id))))
	return hex.EncodeToString(sum[:tx.AddressLen])
}
