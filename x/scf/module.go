package scf

import (
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/module"
)

// Who may send scf's messages. Handlers add the finer rule: the line's bank, the line's
// enterprise, a party to the document, the certificate's holder, the offer's receiver.
var (
	lineGranters = []module.Role{identity.RoleBank}
	issuers      = []module.Role{identity.RoleEnterprise}
	// holders: suppliers (enterprises, and the individuals and MFIs a chain may reach) and
	// funders who bought a certificate and pass it on.
	holders  = []module.Role{identity.RoleEnterprise, identity.RoleBank, identity.RoleMFI, identity.RoleIndividual}
	funders  = []module.Role{identity.RoleBank, identity.RoleMFI}
	docParty = []module.Role{identity.RoleEnterprise, identity.RoleIndividual, identity.RoleMFI}
)

// Module is supply-chain finance as the application plugs it in, over the bank, registry
// and credit bureau it is given.
func Module(b Bank, r Registry, c CreditBureau) module.Module {
	Use(b, r, c)
	return module.Module{
		Name:     "scf",
		Prefixes: [][]byte{core.Key("scf", "")},
		Routes: []module.Route{
			module.Handle("set_scf_params", []module.Role{module.RoleGovernance}, (*txpb.Msg).GetSetScfParams, SetParams).Checked(checkParams).Validated(basicSetScfParams),
			module.Handle("grant_credit_line", lineGranters, (*txpb.Msg).GetGrantCreditLine, GrantLine).Validated(basicGrantCreditLine),
			module.Handle("set_credit_line", lineGranters, (*txpb.Msg).GetSetCreditLine, SetLine).Validated(basicSetCreditLine),
			module.Handle("register_trade_document", docParty, (*txpb.Msg).GetRegisterTradeDocument, RegisterDocument).Validated(basicRegisterTradeDocument),
			module.Handle("record_document_financing", funders, (*txpb.Msg).GetRecordDocumentFinancing, RecordFinancing).Validated(basicRecordDocumentFinancing),
			module.Handle("issue_certificate", issuers, (*txpb.Msg).GetIssueCertificate, Issue).Validated(basicIssueCertificate),
			module.Handle("accept_certificate", holders, (*txpb.Msg).GetAcceptCertificate, Accept).Validated(basicAcceptCertificate),
			module.Handle("reject_certificate", holders, (*txpb.Msg).GetRejectCertificate, Reject).Validated(basicRejectCertificate),
			module.Handle("cancel_certificate_offer", holders, (*txpb.Msg).GetCancelCertificateOffer, Cancel).Validated(basicCancelCertificateOffer),
			module.Handle("split_certificate", holders, (*txpb.Msg).GetSplitCertificate, Split).Validated(basicSplitCertificate),
			module.Handle("transfer_certificate", holders, (*txpb.Msg).GetTransferCertificate, Transfer).Validated(basicTransferCertificate),
			module.Handle("offer_financing", holders, (*txpb.Msg).GetOfferFinancing, OfferFinancing).Validated(basicOfferFinancing),
			module.Handle("accept_financing", funders, (*txpb.Msg).GetAcceptFinancing, AcceptFinancing).Validated(basicAcceptFinancing),
		},
		Scheduled:  ScheduledHandlers(),
		Queries:    queries(),
		Invariants: []module.Invariant{{Name: "scf/certificates-lines-documents", Check: CheckInvariants}},
	}
}

func queries() []module.Query {
	return []module.Query{
		module.Answer(query.GetScfParams, func(q module.QueryContext, _ string) (query.ScfParams, error) {
			v := paramsView(Params(q.State))
			v.BusinessDate = dateText(core.BusinessDayOf(q.State, q.Now).Day)
			return v, nil
		}),
		module.Answer(query.GetScfLine, func(q module.QueryContext, arg string) (query.ScfLine, error) {
			l, err := mustLine(q.State, query.ID(arg))
			if err != nil {
				return query.ScfLine{}, err
			}
			return lineView(l), nil
		}),
		module.Answer(query.GetScfEnterprise, func(q module.QueryContext, addr string) (query.ScfEnterprise, error) {
			return enterpriseView(q.State, addr), nil
		}),
		module.Answer(query.GetScfDocument, func(q module.QueryContext, arg string) (query.ScfDocument, error) {
			d, err := mustDocument(q.State, query.ID(arg))
			if err != nil {
				return query.ScfDocument{}, err
			}
			return documentView(d), nil
		}),
		module.Answer(query.GetScfCertificate, func(q module.QueryContext, arg string) (query.ScfTree, error) {
			c, err := mustCertificate(q.State, query.ID(arg))
			if err != nil {
				return query.ScfTree{}, err
			}
			return treeView(q.State, c), nil
		}),
		module.Answer(query.GetScfHolder, func(q module.QueryContext, addr string) (query.ScfHolder, error) {
			return holderView(q.State, addr), nil
		}),
		module.Answer(query.GetScfIssued, func(q module.QueryContext, addr string) (query.ScfIssued, error) {
			return issuedView(q.State, addr), nil
		}),
		module.Answer(query.GetScfBook, func(q module.QueryContext, addr string) (query.ScfBook, error) {
			return bookView(q.State, addr), nil
		}),
		module.Answer(query.GetScfGraph, func(q module.QueryContext, arg string) (query.ScfGraph, error) {
			c, err := mustCertificate(q.State, query.ID(arg))
			if err != nil {
				return query.ScfGraph{}, err
			}
			root, _ := GetCertificate(q.State, c.RootId)
			return graphView(q.State, root), nil
		}),
	}
}
