package app

import (
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/credit"
	"github.com/puhui-chain/puhui/x/docs"
	"github.com/puhui-chain/puhui/x/governance"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/lending"
)

// route is how one message type is authorised and executed.
type route struct {
	// roles that may send the message at all; handlers add finer rules (issuer only,
	// beneficiary only, sponsor only).
	roles []identity.Role
	exec  func(*core.Context, *txpb.Msg) error
}

func handle[M proto.Message](get func(*txpb.Msg) M, f func(*core.Context, M) error) func(*core.Context, *txpb.Msg) error {
	return func(ctx *core.Context, m *txpb.Msg) error { return f(ctx, get(m)) }
}

var (
	issuers = []identity.Role{identity.RoleBank, identity.RoleMFI, identity.RoleEnterprise, identity.RoleInsurer}
	// payers: anyone who holds money of its own. The regulator and auditors supervise and
	// do not trade.
	payers = []identity.Role{identity.RoleBank, identity.RoleMFI, identity.RoleEnterprise, identity.RoleInsurer,
		identity.RoleOracle, identity.RoleKYCProvider, identity.RoleIndividual}
	sponsors = []identity.Role{identity.RoleBank, identity.RoleMFI, identity.RoleEnterprise, identity.RoleKYCProvider}
	lenders  = []identity.Role{identity.RoleBank, identity.RoleMFI}
	// borrowers: individuals and the firms a consortium lends to.
	borrowers = []identity.Role{identity.RoleIndividual, identity.RoleEnterprise, identity.RoleMFI}
	// reportUsers obtain credit reports under consent: lenders, and insurers pricing cover.
	reportUsers = []identity.Role{identity.RoleBank, identity.RoleMFI, identity.RoleInsurer}
	// docOwners keep private documents and share them; any member may receive them.
	docOwners = []identity.Role{identity.RoleBank, identity.RoleMFI, identity.RoleEnterprise, identity.RoleInsurer,
		identity.RoleKYCProvider}
)

// Routes is the authorisation table: every message type, who may send it, and its handler.
// TestAuthorizationMatrix walks it for every role.
var Routes = map[string]route{
	"register_asset":   {issuers, handle((*txpb.Msg).GetRegisterAsset, ledger.RegisterAsset)},
	"mint":             {issuers, handle((*txpb.Msg).GetMint, ledger.Mint)},
	"burn":             {issuers, handle((*txpb.Msg).GetBurn, ledger.Burn)},
	"transfer":         {payers, handle((*txpb.Msg).GetTransfer, ledger.Transfer)},
	"multi_transfer":   {payers, handle((*txpb.Msg).GetMultiTransfer, ledger.MultiTransfer)},
	"place_hold":       {payers, handle((*txpb.Msg).GetPlaceHold, ledger.HandlePlaceHold)},
	"release_hold":     {payers, handle((*txpb.Msg).GetReleaseHold, ledger.HandleReleaseHold)},
	"capture_hold":     {payers, handle((*txpb.Msg).GetCaptureHold, ledger.HandleCaptureHold)},
	"set_frozen":       {[]identity.Role{identity.RoleRegulator}, handle((*txpb.Msg).GetSetFrozen, ledger.SetFrozen)},
	"register_account": {sponsors, handle((*txpb.Msg).GetRegisterAccount, identity.RegisterAccount)},
	"set_kyc_level": {[]identity.Role{identity.RoleKYCProvider, identity.RoleBank, identity.RoleMFI},
		handle((*txpb.Msg).GetSetKycLevel, identity.SetKYCLevel)},
	"attest_kyc":      {[]identity.Role{identity.RoleKYCProvider}, handle((*txpb.Msg).GetAttestKyc, identity.AttestKYC)},
	"revoke_kyc":      {[]identity.Role{identity.RoleKYCProvider}, handle((*txpb.Msg).GetRevokeKyc, identity.RevokeKYC)},
	"submit_proposal": {identity.MemberRoles, handle((*txpb.Msg).GetSubmitProposal, governance.Submit)},
	"vote":            {identity.MemberRoles, handle((*txpb.Msg).GetVote, governance.Vote)},
	// Lending: handlers add "the product's lender only" for decisions, disbursement and
	// write-off; anyone who holds money may repay a loan on the borrower's behalf.
	// Registration checks the product's scorecard and an application is assessed by the
	// credit module, which reads lending's loans (so lending cannot call it).
	"register_product": {lenders, handle((*txpb.Msg).GetRegisterProduct, credit.RegisterProduct)},
	"apply_loan":       {borrowers, handle((*txpb.Msg).GetApplyLoan, credit.ApplyLoan)},
	"decide_loan":      {lenders, handle((*txpb.Msg).GetDecideLoan, lending.Decide)},
	"disburse_loan":    {lenders, handle((*txpb.Msg).GetDisburseLoan, lending.Disburse)},
	"repay_loan":       {payers, handle((*txpb.Msg).GetRepayLoan, lending.Repay)},
	"write_off_loan":   {lenders, handle((*txpb.Msg).GetWriteOffLoan, lending.WriteOff)},
	"fund_loan":        {payers, handle((*txpb.Msg).GetFundLoan, lending.Fund)},
	"create_group":     {lenders, handle((*txpb.Msg).GetCreateGroup, lending.CreateGroup)},
	"set_delinquency_buckets": {[]identity.Role{identity.RoleRegulator},
		handle((*txpb.Msg).GetSetDelinquencyBuckets, lending.SetBuckets)},
	// Credit: handlers add "the borrower itself" for consent and "a live consent" for reports.
	"register_scorecard":    {[]identity.Role{identity.RoleScorer}, handle((*txpb.Msg).GetRegisterScorecard, credit.RegisterScorecard)},
	"grant_consent":         {borrowers, handle((*txpb.Msg).GetGrantConsent, credit.GrantConsent)},
	"revoke_consent":        {borrowers, handle((*txpb.Msg).GetRevokeConsent, credit.RevokeConsent)},
	"request_credit_report": {reportUsers, handle((*txpb.Msg).GetRequestCreditReport, credit.RequestReport)},
	// Private documents: handlers add "the owner only" for grants and revocations.
	"set_encryption_key":    {identity.MemberRoles, handle((*txpb.Msg).GetSetEncryptionKey, docs.SetEncryptionKey)},
	"register_document":     {docOwners, handle((*txpb.Msg).GetRegisterDocument, docs.RegisterDocument)},
	"grant_document":        {docOwners, handle((*txpb.Msg).GetGrantDocument, docs.GrantDocument)},
	"revoke_document_grant": {docOwners, handle((*txpb.Msg).GetRevokeDocumentGrant, docs.RevokeDocumentGrant)},
}

// Allowed reports whether any of roles may send msgType.
func Allowed(msgType string, roles []identity.Role) bool {
	r, ok := Routes[msgType]
	if !ok {
		return false
	}
	for _, want := range r.roles {
		for _, have := range roles {
			if want == have {
				return true
			}
		}
	}
	return false
}
