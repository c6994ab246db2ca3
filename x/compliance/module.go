package compliance

import (
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/module"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// Who may send compliance's messages. Rules, freezes and the sanctions list are the
// regulator's or a passed proposal's; the work of cases is the regulator's; a sponsor
// records its accounts' jurisdictions; lenders declare their net assets.
var (
	regulatorOrGovernance = []module.Role{identity.RoleRegulator, module.RoleGovernance}
	jurisdictionSetters   = append([]module.Role{identity.RoleRegulator}, identity.Sponsors...)
)

// Module is compliance as the application plugs it in; its Hook must be given to the
// ledger (ledger.Use) for screening to happen.
func Module(b Bank, r Registry, l Lending, s SupplyChain, i Insurance) module.Module {
	Use(b, r, l, s, i)
	return module.Module{
		Name:     "compliance",
		Prefixes: [][]byte{core.Key("cmp", "")},
		Routes: []module.Route{
			module.Handle("register_monitoring_rule", regulatorOrGovernance, (*txpb.Msg).GetRegisterMonitoringRule, RegisterRule).Checked(CheckRegisterRule).Validated(basicRegisterMonitoringRule),
			module.Handle("retire_monitoring_rule", regulatorOrGovernance, (*txpb.Msg).GetRetireMonitoringRule, RetireRule).Validated(basicRetireMonitoringRule),
			module.Handle("triage_alert", identity.Regulators, (*txpb.Msg).GetTriageAlert, TriageAlert).Validated(basicTriageAlert),
			module.Handle("confirm_case", identity.Regulators, (*txpb.Msg).GetConfirmCase, ConfirmCase).Validated(basicConfirmCase),
			module.Handle("close_case", identity.Regulators, (*txpb.Msg).GetCloseCase, CloseCase).Validated(basicCloseCase),
			module.Handle("file_suspicious_report", identity.Regulators, (*txpb.Msg).GetFileSuspiciousReport, FileReport).Validated(basicFileSuspiciousReport),
			module.Handle("follow_up_report", identity.Regulators, (*txpb.Msg).GetFollowUpReport, FollowUp).Validated(basicFollowUpReport),
			module.Handle("issue_freeze_order", regulatorOrGovernance, (*txpb.Msg).GetIssueFreezeOrder, IssueOrder).Validated(basicIssueFreezeOrder),
			module.Handle("lift_freeze_order", regulatorOrGovernance, (*txpb.Msg).GetLiftFreezeOrder, LiftOrder).Validated(basicLiftFreezeOrder),
			module.Handle("execute_debit_order", regulatorOrGovernance, (*txpb.Msg).GetExecuteDebitOrder, ExecuteDebit).Validated(basicExecuteDebitOrder),
			module.Handle("update_sanctions_list", regulatorOrGovernance, (*txpb.Msg).GetUpdateSanctionsList, UpdateSanctions).Validated(basicUpdateSanctionsList),
			module.Handle("set_jurisdiction", jurisdictionSetters, (*txpb.Msg).GetSetJurisdiction, SetJurisdiction).Validated(basicSetJurisdiction),
			module.Handle("set_compliance_params", []module.Role{module.RoleGovernance}, (*txpb.Msg).GetSetComplianceParams, SetParams).Checked(checkParams).Validated(basicSetComplianceParams),
			module.Handle("declare_related_parties", regulatorOrGovernance, (*txpb.Msg).GetDeclareRelatedParties, DeclareRelated).Validated(basicDeclareRelatedParties),
			module.Handle("declare_net_assets", identity.Lenders, (*txpb.Msg).GetDeclareNetAssets, DeclareNetAssets).Validated(basicDeclareNetAssets),
		},
		Scheduled: map[string]scheduler.Handler{
			freezeStartKind: freezeStart, freezeExpiryKind: freezeExpiry, reportDueKind: reportDue,
		},
		Queries:    queries(),
		Invariants: []module.Invariant{{Name: "compliance/freezes-and-cases", Check: CheckInvariants}},
	}
}

func queries() []module.Query {
	return []module.Query{
		module.Answer(query.ListMonitoringRules, func(q module.QueryContext, _ string) ([]query.MonitoringRule, error) {
			return mapList(Rules(q.State), ruleView), nil
		}),
		module.Answer(query.ListAlerts, func(q module.QueryContext, _ string) ([]query.Alert, error) {
			return mapList(ListAlerts(q.State), alertView), nil
		}),
		module.Answer(query.GetAlert, func(q module.QueryContext, arg string) (query.Alert, error) {
			a, ok := GetAlert(q.State, query.ID(arg))
			if !ok {
				return query.Alert{}, ErrUnknownAlert.Wrapf("alert %s", arg)
			}
			return alertView(a), nil
		}),
		module.Answer(query.ListCases, func(q module.QueryContext, _ string) ([]query.Case, error) {
			return mapList(ListCases(q.State), caseView), nil
		}),
		module.Answer(query.GetCase, func(q module.QueryContext, arg string) (query.Case, error) {
			c, ok := GetCase(q.State, query.ID(arg))
			if !ok {
				return query.Case{}, ErrUnknownCase.Wrapf("case %s", arg)
			}
			return caseView(c), nil
		}),
		module.Answer(query.ListSuspiciousReports, func(q module.QueryContext, _ string) ([]query.SuspiciousReport, error) {
			return mapList(ListReports(q.State), reportView), nil
		}),
		module.Answer(query.ListLargeValueReports, func(q module.QueryContext, arg string) ([]query.LargeValueReport, error) {
			from, to, err := splitRange(arg)
			if err != nil {
				return nil, err
			}
			return mapList(LargeValueReports(q.State, from, to), largeValueView), nil
		}),
		module.Answer(query.ListFreezeOrders, func(q module.QueryContext, addr string) ([]query.FreezeOrder, error) {
			return mapList(OrdersOf(q.State, addr), orderView), nil
		}),
		module.Answer(query.GetLenderSupervision, func(q module.QueryContext, addr string) (query.LenderSupervision, error) {
			return lenderView(q.State, addr, q.Now), nil
		}),
		module.Answer(query.GetBorrowerExposure, func(q module.QueryContext, addr string) (query.BorrowerExposure, error) {
			return borrowerView(q.State, addr, q.Now), nil
		}),
		module.Answer(query.ListEarlyWarnings, func(q module.QueryContext, _ string) ([]query.EarlyWarning, error) {
			return earlyWarnings(q.State, q.Now), nil
		}),
		module.Answer(query.ListRelatedGroups, func(q module.QueryContext, after string) (query.RelatedGroups, error) {
			return RelatedGroupsPage(q.State, after), nil
		}),
		module.Answer(query.GetComplianceParams, func(q module.QueryContext, _ string) (query.ComplianceParams, error) {
			return paramsView(Params(q.State)), nil
		}),
		module.Answer(query.ListOverdueCertificates, func(q module.QueryContext, _ string) ([]query.OverdueIssuer, error) {
			return mapList(scf.OverdueByIssuer(q.State), overdueView), nil
		}),
		module.Answer(query.ListPoolCoverage, func(q module.QueryContext, _ string) ([]query.PoolCoverage, error) {
			return poolCoverage(q.State), nil
		}),
		module.Answer(query.GetSupervisionCounts, func(q module.QueryContext, _ string) (query.SupervisionCounts, error) {
			return countsView(q.State), nil
		}),
	}
}
