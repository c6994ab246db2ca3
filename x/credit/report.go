package credit

import (
	"crypto/sha256"
	"strconv"

	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/ledger"
)

// Report builds a borrower's credit report in asset at block time now, scored with the
// named model ("" for the default).
func Report(r store.Reader, borrower, asset, model string, now int64) (*statepb.CreditReport, error) {
	p, s, err := scoredProfile(r, borrower, asset, model, now)
	if err != nil {
		return nil, err
	}
	return &statepb.CreditReport{Borrower: borrower, AsOf: now, KycLevel: p.KYCLevel, History: p.History,
		Exposure: []*statepb.AssetExposure{p.Exposure}, CashFlow: []*statepb.CashFlow{p.CashFlow},
		Groups: p.Groups, Score: s, Scf: p.Scf}, nil
}

// RequestReport gives the signing lender a borrower's report under a live consent for the
// purpose. State records the access (who, when, why, the model and the report's sha256),
// never the report: its bytes go to the node's private report store, from which only the
// borrower and the lender holding a live consent read it, by a signed request (the
// application's credit report query checks the bytes against the recorded hash).
func RequestReport(ctx *core.Context, m *txpb.MsgRequestCreditReport) error {
	if err := tx.ValidateAddress("borrower", m.Borrower); err != nil {
		return err
	}
	if !identity.AccountExists(ctx.KV, m.Borrower) {
		return identity.ErrNoAccount.Wrapf("%s", m.Borrower)
	}
	if err := checkPurpose(m.Purpose); err != nil {
		return err
	}
	if _, ok := ledger.GetAsset(ctx.KV, m.Asset); !ok {
		return ledger.ErrUnknownAsset.Wrapf("asset %q", m.Asset)
	}
	c, ok := GetConsent(ctx.KV, m.Borrower, ctx.Signer, m.Purpose)
	if !ok || !Live(c, ctx.Now()) {
		return ErrNoConsent.Wrapf("%s has no live consent of %s for %q", ctx.Signer, m.Borrower, m.Purpose)
	}
	rep, err := Report(ctx.KV, m.Borrower, m.Asset, m.Model, ctx.Now())
	if err != nil {
		return err
	}
	content, err := EncodeReport(rep)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(content)
	id := uint64(core.GetInt64(ctx.KV, accessSeqKey(m.Borrower))) + 1
	core.SetInt64(ctx.KV, accessSeqKey(m.Borrower), int64(id))
	core.SetProto(ctx.KV, AccessKey(m.Borrower, id), &statepb.ReportAccess{Id: id, Borrower: m.Borrower,
		Lender: ctx.Signer, Purpose: m.Purpose, At: ctx.Now(), Height: ctx.Height, Asset: m.Asset,
		Model: rep.Score.GetModel(), ModelVersion: rep.Score.GetModelVersion(), ReportSha256: sum[:]})
	ctx.KeepPrivate(PrivateReportKey(m.Borrower, id), content)
	ctx.Emit("credit.report_accessed", "borrower", m.Borrower, "lender", ctx.Signer, "purpose", m.Purpose,
		"access_id", core.Itoa(int64(id)), "model", rep.Score.Model, "model_version", core.Itoa(int64(rep.Score.ModelVersion)))
	return nil
}

// EncodeReport is the report's bytes as stored and hashed: protobuf, deterministic, so that
// every node stores and hashes the same bytes.
func EncodeReport(rep *statepb.CreditReport) ([]byte, error) {
	b, err := proto.MarshalOptions{Deterministic: true}.Marshal(rep)
	if err != nil {
		return nil, tx.ErrInternal.Wrapf("encode report: %v", err)
	}
	return b, nil
}

// PrivateReportKey is the key of an access's report in the node's private report store.
func PrivateReportKey(borrower string, id uint64) string {
	return "credit/report/" + borrower + "/" + strconv.FormatUint(id, 10)
}

// MayReadReport reports whether reader may read the report of an access at block time now:
// the borrower always, the access's lender while its consent for the purpose is live.
func MayReadReport(r store.Reader, a *statepb.ReportAccess, reader string, now int64) bool {
	if reader == a.Borrower {
		return true
	}
	if reader != a.Lender {
		return false
	}
	c, ok := GetConsent(r, a.Borrower, a.Lender, a.Purpose)
	return ok && Live(c, now)
}

// GetAccess reads one recorded access.
func GetAccess(r store.Reader, borrower string, id uint64) (*statepb.ReportAccess, bool) {
	var a statepb.ReportAccess
	return &a, core.GetProto(r, AccessKey(borrower, id), &a)
}

// Accesses lists every access to a borrower's report, oldest first.
func Accesses(r store.Reader, borrower string) []*statepb.ReportAccess {
	return core.ListProto[statepb.ReportAccess](r, accessPrefix(borrower))
}
