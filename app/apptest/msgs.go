package apptest

import "github.com/puhui-chain/puhui/tx/txpb"

// Message builders, to keep tests short.

func RegisterAsset(code string, scale uint32, maxSupply int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_RegisterAsset{RegisterAsset: &txpb.MsgRegisterAsset{Code: code, Name: code + " asset", Scale: scale, MaxSupply: maxSupply}}}
}

func Mint(asset, to string, amount int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_Mint{Mint: &txpb.MsgMint{Asset: asset, To: to, Amount: amount}}}
}

func Burn(asset string, amount int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_Burn{Burn: &txpb.MsgBurn{Asset: asset, Amount: amount}}}
}

func Transfer(to, asset string, amount int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_Transfer{Transfer: &txpb.MsgTransfer{To: to, Asset: asset, Amount: amount}}}
}

func MultiTransfer(payouts ...*txpb.Payout) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_MultiTransfer{MultiTransfer: &txpb.MsgMultiTransfer{Payouts: payouts}}}
}

func PlaceHold(beneficiary, asset string, amount, expiresAt int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_PlaceHold{PlaceHold: &txpb.MsgPlaceHold{Beneficiary: beneficiary, Asset: asset, Amount: amount, ExpiresAt: expiresAt}}}
}

func ReleaseHold(id uint64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_ReleaseHold{ReleaseHold: &txpb.MsgReleaseHold{HoldId: id}}}
}

func CaptureHold(id uint64, amount int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_CaptureHold{CaptureHold: &txpb.MsgCaptureHold{HoldId: id, Amount: amount}}}
}

func SetFrozen(account string, frozen bool) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_SetFrozen{SetFrozen: &txpb.MsgSetFrozen{Account: account, Frozen: frozen, Reason: "test"}}}
}

func RegisterAccount(pubKey []byte, kycLevel uint32) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_RegisterAccount{RegisterAccount: &txpb.MsgRegisterAccount{PubKey: pubKey, KycLevel: kycLevel}}}
}

func SetKYCLevel(account string, level uint32) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_SetKycLevel{SetKycLevel: &txpb.MsgSetKycLevel{Account: account, KycLevel: level}}}
}

func Propose(title string, a *txpb.ProposalAction) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_SubmitProposal{SubmitProposal: &txpb.MsgSubmitProposal{Title: title, Action: a}}}
}

func Vote(id uint64, option txpb.VoteOption) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_Vote{Vote: &txpb.MsgVote{ProposalId: id, Option: option}}}
}

func AddMemberAction(name string, pub []byte, roles ...string) *txpb.ProposalAction {
	return &txpb.ProposalAction{Action: &txpb.ProposalAction_AddMember{AddMember: &txpb.ActionAddMember{Name: name, PubKey: pub, Roles: roles}}}
}

func SetValidatorAction(pub []byte, power int64) *txpb.ProposalAction {
	return &txpb.ProposalAction{Action: &txpb.ProposalAction_SetValidator{SetValidator: &txpb.ActionSetValidator{PubKey: pub, Power: power}}}
}

func RemoveMemberAction(addr string) *txpb.ProposalAction {
	return &txpb.ProposalAction{Action: &txpb.ProposalAction_RemoveMember{RemoveMember: &txpb.ActionRemoveMember{Address: addr}}}
}

func RegisterProduct(p *txpb.LoanProduct) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_RegisterProduct{RegisterProduct: &txpb.MsgRegisterProduct{Product: p}}}
}

func ApplyLoan(productID uint64, principal int64, periods uint32) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_ApplyLoan{ApplyLoan: &txpb.MsgApplyLoan{ProductId: productID, Principal: principal, Periods: periods}}}
}

func DecideLoan(id uint64, approve bool, reason string) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_DecideLoan{DecideLoan: &txpb.MsgDecideLoan{LoanId: id, Approve: approve, Reason: reason}}}
}

func DisburseLoan(id uint64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_DisburseLoan{DisburseLoan: &txpb.MsgDisburseLoan{LoanId: id}}}
}

func RepayLoan(id uint64, amount int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_RepayLoan{RepayLoan: &txpb.MsgRepayLoan{LoanId: id, Amount: amount}}}
}

func WriteOffLoan(id uint64, reason string) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_WriteOffLoan{WriteOffLoan: &txpb.MsgWriteOffLoan{LoanId: id, Reason: reason}}}
}
