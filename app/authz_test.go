package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/x/identity"
)

// TestEveryMessageHasARoute: a message type without an authorisation rule must not exist.
func TestEveryMessageHasARoute(t *testing.T) {
	routed := app.MessageTypes()
	for _, mt := range tx.MsgTypes() {
		require.Contains(t, routed, mt, "message %s has no route", mt)
	}
	require.Len(t, routed, len(tx.MsgTypes()))
}

// TestAuthorizationMatrix sends every message type from a signer of every role. Forbidden
// pairs get tx.unauthorized and change nothing but the nonce; allowed pairs get past the
// table (they may still fail validation on their empty fields, with another code).
func TestAuthorizationMatrix(t *testing.T) {
	var members []apptest.Member
	signers := map[identity.Role]*apptest.Key{}
	for _, r := range identity.MemberRoles {
		k := apptest.NewKey("role-" + string(r))
		signers[r] = k
		members = append(members, apptest.Member{Key: k, Name: string(r), Roles: []string{string(r)}})
	}
	c := apptest.NewChain(t, members...)
	individual := apptest.NewKey("role-individual")
	signers[identity.RoleIndividual] = individual
	c.MustExec(t, signers[identity.RoleBank].Sign(apptest.RegisterAccount(individual.PubKey(), 1)))

	for _, mt := range tx.MsgTypes() {
		for _, role := range identity.AllRoles {
			allowed := app.Allowed(mt, []identity.Role{role})
			before := dump(c.State())
			signer := signers[role]
			res := c.Exec(signer.Sign(tx.NewMsg(mt)))
			if allowed {
				require.False(t, res.Codespace == "tx" && res.Code == tx.ErrUnauthorized.Code,
					"%s by %s should pass the table: %s", mt, role, res.Log)
				// An empty message fails its stateless check, which uses no nonce.
				signer.SetNonce(app.LastNonce(c.State(), signer.Address))
				continue
			}
			require.Equal(t, "tx", res.Codespace, "%s by %s: %s", mt, role, res.Log)
			require.Equal(t, tx.ErrUnauthorized.Code, res.Code, "%s by %s: %s", mt, role, res.Log)
			require.Equal(t, []string{string(tx.NonceKey(signer.Address))}, changedKeys(before, dump(c.State())))
		}
	}
}

// TestAuthorizationTableExpectations pins the rules people rely on, independently of the table.
func TestAuthorizationTableExpectations(t *testing.T) {
	allowed := func(mt string, r identity.Role) bool { return app.Allowed(mt, []identity.Role{r}) }
	// Every member takes part in governance and may receive private documents (it publishes
	// an encryption key); beyond that auditors only read and the regulator only freezes and
	// sets the delinquency buckets.
	governance := func(mt string) bool { return mt == "submit_proposal" || mt == "vote" || mt == "set_encryption_key" }
	for _, mt := range tx.MsgTypes() {
		require.Equal(t, governance(mt), allowed(mt, identity.RoleAuditor), "auditor and %s", mt)
		regulates := mt == "set_frozen" || mt == "set_delinquency_buckets" || mt == "set_jurisdiction" || regulatorCompliance[mt]
		require.Equal(t, regulates || governance(mt), allowed(mt, identity.RoleRegulator), "regulator and %s", mt)
		if governance(mt) {
			require.False(t, allowed(mt, identity.RoleIndividual), "individuals are not members: %s", mt)
		}
	}
	for _, mt := range []string{"transfer", "multi_transfer", "place_hold", "release_hold", "capture_hold"} {
		require.True(t, allowed(mt, identity.RoleIndividual), mt)
	}
	for _, mt := range []string{"register_asset", "mint", "burn", "register_account", "set_kyc_level", "set_frozen"} {
		require.False(t, allowed(mt, identity.RoleIndividual), mt)
	}
	for _, mt := range []string{"register_product", "decide_loan", "disburse_loan", "write_off_loan"} {
		require.True(t, allowed(mt, identity.RoleBank), mt)
		require.True(t, allowed(mt, identity.RoleMFI), mt)
		require.False(t, allowed(mt, identity.RoleIndividual), "individuals do not lend: %s", mt)
		require.False(t, allowed(mt, identity.RoleOracle), mt)
	}
	require.True(t, allowed("apply_loan", identity.RoleIndividual))
	require.True(t, allowed("apply_loan", identity.RoleEnterprise))
	require.True(t, allowed("repay_loan", identity.RoleIndividual))
	require.True(t, allowed("register_account", identity.RoleMFI))
	require.True(t, allowed("set_kyc_level", identity.RoleKYCProvider))
	require.False(t, allowed("mint", identity.RoleOracle))
	for _, r := range identity.AllRoles {
		require.Equal(t, r == identity.RoleScorer, allowed("register_scorecard", r), "register_scorecard and %s", r)
	}
	require.True(t, allowed("grant_consent", identity.RoleIndividual))
	require.False(t, allowed("grant_consent", identity.RoleBank), "banks do not consent for borrowers")
	require.True(t, allowed("request_credit_report", identity.RoleBank))
	require.False(t, allowed("request_credit_report", identity.RoleIndividual))
	require.False(t, allowed("register_document", identity.RoleIndividual), "documents are members'")
	require.False(t, app.Allowed("transfer", nil), "an unknown signer has no role")
	for mt := range regulatorCompliance {
		for _, r := range identity.AllRoles {
			require.Equal(t, r == identity.RoleRegulator, allowed(mt, r), "%s and %s", mt, r)
		}
	}
	for _, r := range identity.AllRoles {
		require.Equal(t, r == identity.RoleBank || r == identity.RoleMFI, allowed("declare_net_assets", r), "declare_net_assets and %s", r)
	}
}

// regulatorCompliance are the compliance messages only the regulator (or governance) sends;
// set_jurisdiction is also a sponsor's.
var regulatorCompliance = map[string]bool{"register_monitoring_rule": true, "retire_monitoring_rule": true,
	"triage_alert": true, "confirm_case": true, "close_case": true, "file_suspicious_report": true,
	"follow_up_report": true, "issue_freeze_order": true, "lift_freeze_order": true, "execute_debit_order": true,
	"update_sanctions_list": true, "declare_related_parties": true}
