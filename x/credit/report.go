package credit

import (
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
		Groups: p.Groups, Score: s}, nil
}

// RequestReport gives the signing lender a borrower's report under a live consent for the
// purpose, and records the access with the report it saw (the borrower lists them).
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
	id := uint64(core.GetInt64(ctx.KV, accessSeqKey(m.Borrower))) + 1
	core.SetInt64(ctx.KV, accessSeqKey(m.Borrower), int64(id))
	core.SetProto(ctx.KV, AccessKey(m.Borrower, id), &statepb.ReportAccess{Id: id, Borrower: m.Borrower,
		Lender: ctx.Signer, Purpose: m.Purpose, At: ctx.Now(), Height: ctx.Height, Report: rep})
	ctx.Emit("credit.report_accessed", "borrower", m.Borrower, "lender", ctx.Signer, "purpose", m.Purpose,
		"access_id", core.Itoa(int64(id)), "model", rep.Score.Model, "model_version", core.Itoa(int64(rep.Score.ModelVersion)))
	return nil
}

// GetAccess reads one recorded access with its report.
func GetAccess(r store.Reader, borrower string, id uint64) (*statepb.ReportAccess, bool) {
	var a statepb.ReportAccess
	return &a, core.GetProto(r, AccessKey(borrower, id), &a)
}

// Accesses lists every access to a borrower's report, oldest first.
func Accesses(r store.Reader, borrower string) []*statepb.ReportAccess {
	return core.ListProto[statepb.ReportAccess](r, accessPrefix(borrower))
}
