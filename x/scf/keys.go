package scf

import (
	"encoding/binary"
	"strconv"

	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// Ids in keys are 8 bytes big-endian, so that key order is id order.
func idBytes(id uint64) string { return string(binary.BigEndian.AppendUint64(nil, id)) }

func idOf(key []byte) uint64 { return binary.BigEndian.Uint64(key[len(key)-8:]) }

func idText(id uint64) string { return strconv.FormatUint(id, 10) }

// State keys (exported so that proofs can name them).
func LineKey(id uint64) []byte        { return core.Key("scf", "line", idBytes(id)) }
func DocumentKey(id uint64) []byte    { return core.Key("scf", "doc", idBytes(id)) }
func CertificateKey(id uint64) []byte { return core.Key("scf", "cert", idBytes(id)) }

var (
	paramsKey   = core.Key("scf", "params")
	lineSeqKey  = core.Key("scf", "lineseq")
	docSeqKey   = core.Key("scf", "docseq")
	certSeqKey  = core.Key("scf", "certseq")
	linePrefix  = core.Key("scf", "line", "")
	certPrefix  = core.Key("scf", "cert", "")
	docPrefix   = core.Key("scf", "doc", "")
	issuerRecPx = core.Key("scf", "rec", "")
)

// Unique keys of trade documents: an invoice by its code and number, a contract by its hash.
func invoiceKey(code, number string) []byte { return core.Key("scf", "inv", code, number) }
func contractKey(hash []byte) []byte        { return core.Key("scf", "ctr", string(hash)) }

// Indexes: certificates issued or passed to a holder and the ones it split (an entry stands
// for the parts made from it, so a split writes none), those a funder has financed (which it
// then holds), an issuer has issued (roots), a line's enterprise; parts matured and not yet
// paid, by issuer. Holder and funder entries are not taken back when a certificate moves on
// (the views keep what the account holds now), so that a message that moves a certificate
// writes one index key, not two; heldBy in views.go reads them.
func heldKey(holder string, id uint64) []byte   { return core.Key("scf", "held", holder, idBytes(id)) }
func heldPrefix(holder string) []byte           { return core.Key("scf", "held", holder, "") }
func fundedKey(funder string, id uint64) []byte { return core.Key("scf", "fund", funder, idBytes(id)) }
func fundedPrefix(funder string) []byte         { return core.Key("scf", "fund", funder, "") }
func issuedKey(issuer string, id uint64) []byte { return core.Key("scf", "iss", issuer, idBytes(id)) }
func issuedPrefix(issuer string) []byte         { return core.Key("scf", "iss", issuer, "") }
func linesOfKey(ent string, id uint64) []byte   { return core.Key("scf", "ent", ent, idBytes(id)) }
func linesOfPrefix(ent string) []byte           { return core.Key("scf", "ent", ent, "") }
func dueKey(issuer string, id uint64) []byte    { return core.Key("scf", "due", issuer, idBytes(id)) }
func duePrefix(issuer string) []byte            { return core.Key("scf", "due", issuer, "") }
func issuerRecordKey(issuer string) []byte      { return core.Key("scf", "rec", issuer) }

// Scheduler kinds.
const (
	matureKind = "scf-mature" // a live part's maturity, and each business day after while unpaid
	offerKind  = "scf-offer"  // a pending offer's expiry
)

// maturityKey indexes the roots with live parts by issuer, asset, maturity day and root id
// (every part of a root keeps its issuer, asset and maturity, so a part's key is its root's):
// settlement reads an issuer's roots due up to a day as one ordered range and their live
// parts from the trees. One entry a root, not a part, so that a split changes no index key.
func maturityKey(c *statepb.Certificate) []byte {
	return core.Key("scf", "mat", c.Issuer, c.Asset, dayBytes(c.MaturityDay)+idBytes(c.RootId))
}

func maturityPrefix(issuer, asset string) []byte { return core.Key("scf", "mat", issuer, asset, "") }

func dayBytes(day int64) string { return string(binary.BigEndian.AppendUint64(nil, uint64(day))) }

// parseID reads a scheduler entry's decimal id (written by idText).
func parseID(s string) uint64 {
	id, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		panic("scf: malformed scheduled id " + s)
	}
	return id
}
