package tx_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func TestMsgTypes(t *testing.T) {
	types := tx.MsgTypes()
	require.Equal(t, []string{
		"register_asset", "mint", "burn", "transfer", "multi_transfer", "place_hold",
		"release_hold", "capture_hold", "set_frozen", "register_account", "set_kyc_level", "attest_kyc", "revoke_kyc",
		"submit_proposal", "vote", "register_product", "apply_loan", "decide_loan", "disburse_loan",
		"repay_loan", "write_off_loan", "fund_loan", "create_group", "set_delinquency_buckets",
		"register_scorecard", "grant_consent", "revoke_consent", "request_credit_report",
		"set_encryption_key", "register_document", "grant_document", "revoke_document_grant",
		"set_scf_params", "grant_credit_line", "set_credit_line", "register_trade_document", "record_document_financing",
		"issue_certificate", "accept_certificate", "reject_certificate", "cancel_certificate_offer",
		"split_certificate", "transfer_certificate", "offer_financing", "accept_financing",
		"register_feed", "submit_observation", // oracle, 160–161
		"register_insurance_product", "fund_pool", "withdraw_pool", "buy_policy", "file_claim", "decide_claim",
		"dispute_settlement", "resolve_dispute", // insurance, 165–172
		"create_offering", "pledge", // offering, 180–181
		"create_escrow", "release_escrow", "refund_escrow", "propose_swap", "accept_swap", "cancel_swap",
		"lock_htlc", "claim_htlc", "reclaim_htlc", // escrow, 185–193
		"register_monitoring_rule", "retire_monitoring_rule", "triage_alert", "confirm_case", "close_case",
		"file_suspicious_report", "follow_up_report", "issue_freeze_order", "lift_freeze_order",
		"execute_debit_order", "update_sanctions_list", "set_jurisdiction", "declare_net_assets",
		"register_ruled_asset", "tighten_asset_rules", "set_asset_paused", "set_asset_freeze", "approve_asset_transfer",
		"set_asset_allow_list", "force_asset_transfer", "recover_asset_balance", "clawback_asset", "create_distribution",
		"create_trust", "contribute", "submit_evidence", "decide_evidence", "release_tranche", "collect_trust_fee",
		"publish_disclosure", "end_trust", // trust, 140–147
		"set_compliance_params", "declare_related_parties", "cancel_offering", "withdraw_pledge",
	}, types, "names are part of the API; new types are appended")
	for _, name := range types {
		m := tx.NewMsg(name)
		require.NotNil(t, m, name)
		require.Equal(t, name, tx.MsgType(m))
		require.NotNil(t, tx.Inner(m))
		// An empty inner message still encodes its case.
		bz, err := proto.Marshal(m)
		require.NoError(t, err)
		var back txpb.Msg
		require.NoError(t, proto.Unmarshal(bz, &back))
		require.Equal(t, name, tx.MsgType(&back))
	}
	require.Nil(t, tx.NewMsg("bogus"))
	require.Nil(t, tx.NewMsg(""))
	require.Nil(t, tx.NewMsg("Transfer"))
	require.Equal(t, "", tx.MsgType(nil))
	require.Equal(t, "", tx.MsgType(&txpb.Msg{}))
	require.Nil(t, tx.Inner(&txpb.Msg{}))

	inner, ok := tx.Inner(transferMsg(5)).(*txpb.MsgTransfer)
	require.True(t, ok)
	require.Equal(t, int64(5), inner.Amount)
}

func TestMsgsFromJSON(t *testing.T) {
	msgs, err := tx.MsgsFromJSON([]byte(`[
		{"transfer":{"to":"1c0c490f1b5528d8173c5de46d131160e4b2c0c3","asset":"CNY","amount":"100"}},
		{"mint":{}}
	]`))
	require.NoError(t, err)
	require.Len(t, msgs, 2)
	require.Equal(t, "transfer", tx.MsgType(msgs[0]))
	require.Equal(t, "mint", tx.MsgType(msgs[1]))
	tr := msgs[0].GetTransfer()
	require.Equal(t, "1c0c490f1b5528d8173c5de46d131160e4b2c0c3", tr.To)
	require.Equal(t, "CNY", tr.Asset)
	require.Equal(t, int64(100), tr.Amount)

	for _, tc := range []struct {
		in   string
		want *tx.Error
	}{
		{`[]`, tx.ErrNoMessages},
		{`null`, tx.ErrNoMessages},
		{``, tx.ErrMalformed},
		{`[`, tx.ErrMalformed},
		{`{}`, tx.ErrMalformed},
		{`"transfer"`, tx.ErrMalformed},
		{`[{"bogus":{}}]`, tx.ErrMalformed},
		{`[{"transfer":{},"mint":{}}]`, tx.ErrMalformed},
		{`[{"transfer":{"amount":"x"}}]`, tx.ErrMalformed},
		{`[{"transfer":{}}]}`, tx.ErrMalformed},
	} {
		msgs, err := tx.MsgsFromJSON([]byte(tc.in))
		require.ErrorIs(t, err, tc.want, "input %q", tc.in)
		require.Nil(t, msgs)
	}
}

// MsgsFromJSON splices its input into `{"msgs":` + data + `}`, so input that is not a JSON
// array but an array followed by other TxBody fields is accepted and the extra fields are
// silently dropped.
func TestMsgsFromJSONRejectsTrailingFields(t *testing.T) {
	msgs, err := tx.MsgsFromJSON([]byte(`[{"transfer":{}}],"memo":"x","nonce":"9"`))
	if err == nil {
		t.Fatalf("MsgsFromJSON accepted non-array input with extra TxBody fields (%d msgs)", len(msgs))
	}
	require.ErrorIs(t, err, tx.ErrMalformed)
}
