// Labels in Chinese (the default) and English. The choice is kept in localStorage (it is not
// a secret). t(key, …args) fills {0}, {1}… ; a key without a label shows as itself, which the
// i18n test catches.

const zh = {
  "nav.trusts": "信托与慈善", "trust.title": "信托与慈善", "trust.list": "信托", "trust.name": "名称", "trust.kind": "类型",
  "trust.kind.charity": "慈善信托", "trust.kind.private": "家族信托", "trust.status.active": "存续", "trust.status.completed": "已完成",
  "trust.status.cancelled": "已撤销", "trust.trustee": "受托人", "trust.contributed": "累计捐赠", "trust.released": "已拨付",
  "trust.balance": "信托财产余额", "trust.fees": "受托人报酬", "trust.disclosure": "信息披露", "trust.overdue": "逾期未披露", "trust.onTime": "按期",
  "trust.one": "信托 #{0} {1}", "trust.purpose": "用途", "trust.account": "信托专户", "trust.settlor": "委托人", "trust.supervisor": "监察人",
  "trust.due": "下次披露截止", "trust.tranches": "分期拨付", "trust.recipient": "收款人", "trust.amount": "金额", "trust.evidence": "凭证哈希",
  "trust.tranche.pending": "待提交", "trust.tranche.submitted": "待审批", "trust.tranche.approved": "已批准", "trust.tranche.rejected": "已驳回",
  "trust.tranche.released": "已拨付", "trust.donations": "捐赠", "trust.donor": "捐赠人", "trust.used": "已使用", "trust.unspent": "未使用",
  "trust.at": "时间", "trust.outflows": "资金去向", "trust.kindOut": "类别", "trust.fromDonations": "来源捐赠（先进先出）",
  "trust.out.tranche": "分期拨付", "trust.out.distribution": "定期分配", "trust.out.fee": "受托人报酬", "trust.out.refund": "退还",
  "trust.out.pass_on": "转入其他信托", "trust.trace": "捐赠去向 {0}", "trust.gift": "信托 #{0}：捐赠 {1}，未使用 {2}",
  "nav.explorer": "网络与浏览器", "nav.portfolio": "贷款组合", "nav.work": "日常工作", "nav.borrower": "借款人与征信", "nav.consortium": "联盟与治理",
  "cs.title": "联盟与治理", "cs.members": "成员", "cs.name": "名称", "cs.joined": "加入高度", "cs.assets": "资产",
  "cs.scale": "精度", "cs.supply": "流通量", "cs.issuer": "发行方", "cs.proposals": "治理提案", "cs.proposal": "提案",
  "cs.tally": "赞成 / 反对 / 弃权 (成员数)", "cs.ends": "投票截止", "cs.scorecards": "评分卡模型", "cs.version": "版本",
  "cs.bands": "评级区间", "cs.registeredBy": "登记方",
  "prop.voting": "投票中", "prop.passed": "已通过", "prop.rejected": "已否决", "prop.failed": "执行失败",
  "search.placeholder": "地址 / 交易哈希 / 区块高度 / 贷款号", "search.go": "搜索",
  "foot.note": "由本节点提供 · 数据来自链上 REST API", "err.noPage": "没有这个页面", "yes": "是", "no": "否",
  "explorer.title": "网络与浏览器", "explorer.live": "实时出块", "explorer.liveCaption": "最近区块的交易数（事件流实时更新）",
  "explorer.txsPerBlock": "每块交易数", "explorer.validators": "验证节点", "explorer.blocks": "区块", "explorer.txs": "交易",
  "stat.chain": "链 ID", "stat.height": "区块高度", "stat.validators": "验证节点", "stat.power": "投票权",
  "stat.bps": "区块/秒", "stat.tps": "交易/秒", "stat.time": "最新区块时间",
  "col.height": "高度", "col.time": "时间", "col.txs": "交易数", "col.proposer": "提议者", "col.hash": "哈希",
  "col.types": "消息类型", "col.signer": "签名者", "col.code": "结果码", "col.address": "地址", "col.power": "投票权",
  "col.asset": "资产", "col.loan": "贷款", "col.borrower": "借款人", "col.status": "状态", "col.bucket": "逾期分档 (天)",
  "col.principal": "本金", "col.outstanding": "未偿本金", "col.overdue": "逾期应还", "col.due": "到期日",
  "col.interest": "利息", "col.fee": "费用", "col.penalty": "罚息", "col.owed": "应还", "col.schedule": "还款计划", "col.type": "类型",
  "page.newest": "最新", "page.older": "更早",
  "block.title": "区块 {0}", "block.appHash": "应用哈希", "block.prev": "上一区块",
  "tx.title": "交易", "tx.index": "块内序号", "tx.ok": "成功", "tx.log": "日志", "tx.nonce": "序号 (nonce)", "tx.memo": "备注",
  "tx.messages": "消息", "tx.events": "事件", "tx.attributes": "属性",
  "acc.title": "账户", "acc.roles": "角色", "acc.kyc": "KYC 等级", "acc.attested": "已认证", "acc.sponsor": "发起机构",
  "acc.nonce": "序号 (nonce)", "acc.frozen": "已冻结", "acc.balances": "余额与冻结", "acc.available": "可用", "acc.held": "冻结 (hold)",
  "acc.loans": "贷款", "acc.proof": "状态证明", "acc.proofHeight": "证明高度", "acc.appHash": "状态根 (AppHash)",
  "acc.entries": "证明条目", "acc.checkedAt": "核验方式", "acc.checkedAtNote": "与区块 {0} 的区块头及验证节点签名比对",
  "acc.verifyNote": "无需信任本节点，可用以下命令独立核验：", "acc.download": "下载证明 JSON",
  "loan.title": "贷款 #{0}", "loan.status": "状态", "loan.borrower": "借款人", "loan.lender": "放款机构", "loan.product": "产品",
  "loan.principal": "本金", "loan.periods": "期数", "loan.score": "信用评分", "loan.reasons": "原因码", "loan.decision": "决定",
  "loan.outstanding": "未偿本金", "loan.overdue": "逾期应还", "loan.dpd": "逾期天数 · 分档", "loan.repaid": "已还本金",
  "loan.interestPaid": "已付利息", "loan.writtenOff": "已核销", "loan.recovered": "已追回", "loan.applied": "申请时间",
  "loan.disbursed": "放款时间", "loan.schedule": "还款计划（实时）", "loan.noSchedule": "放款后才有还款计划。",
  "status.applied": "已申请", "status.approved": "已批准", "status.rejected": "已拒绝", "status.active": "还款中",
  "status.closed": "已结清", "status.defaulted": "已违约", "status.written_off": "已核销", "status.funding": "募集中", "status.expired": "已过期",
  "inst.paid": "已还", "inst.due": "待还", "inst.partly_paid": "部分已还", "inst.overdue": "逾期",
  "find.title": "搜索：{0}", "find.block": "区块 {0}", "find.loan": "贷款 #{0}（{1}）", "find.none": "没有找到匹配的区块、贷款、账户或交易。",
  "pf.title": "放款机构贷款组合", "pf.lender": "放款机构", "pf.asset": "资产 {0}", "pf.glp": "贷款总额 (GLP)", "pf.loans": "在贷笔数",
  "pf.arrears": "拖欠率", "pf.writeOffRatio": "核销率", "pf.writtenOff": "核销金额", "pf.recovered": "追回金额",
  "pf.empty": "该机构还没有贷款。", "pf.risk": "风险贷款比例 (PAR)", "pf.riskCaption": "PAR1/30/60/90 与拖欠率 (%)",
  "pf.byStatus": "按状态的贷款数", "pf.byBucket": "按逾期分档的在贷笔数", "pf.loanList": "贷款列表",
  "pf.history": "近 30 个营业日的 GLP 与 PAR30", "pf.historyCaption": "链上记录：每个营业日一点（当日为实时）",
  "pf.showing": "显示最新 {0} 笔，共 {1} 笔", "pf.schedule": "查看",
  "work.title": "日常工作", "work.token": "操作员令牌 (operator token)", "work.signIn": "登录", "work.signInTitle": "以本节点成员身份登录",
  "work.signInNote": "令牌只保存在本标签页的会话存储中，只作为 Authorization 请求头发送。", "work.as": "当前机构：",
  "work.signOut": "退出", "work.queue": "待审批申请（{0}）", "work.band": "评级", "work.decide": "审批", "work.reason": "理由",
  "work.approve": "批准", "work.reject": "拒绝", "work.toDisburse": "待放款", "work.disburse": "放款", "work.open": "还款中的贷款",
  "work.repay": "登记还款", "work.amount": "金额", "work.badAmount": "金额无效：请输入正数，小数位不超过资产精度。",
  "work.sending": "正在提交并等待出块…", "work.result": "执行结果", "work.action": "操作", "work.newState": "贷款新状态",
  "bw.title": "借款人与征信", "bw.hint": "输入借款人地址。", "bw.exposure": "各机构合计未偿本金", "bw.credit": "征信",
  "bw.consents": "授权", "bw.reports": "已出具的信用报告", "bw.lender": "机构", "bw.purpose": "用途", "bw.expires": "到期",
  "consent.live": "有效", "consent.expired": "已过期", "consent.revoked": "已撤销",
  "hist.loans_taken": "借款笔数", "hist.loans_completed": "结清笔数", "hist.loans_active": "在贷笔数", "hist.loans_defaulted": "违约笔数",
  "hist.loans_written_off": "核销笔数", "hist.installments_on_time": "按时还款期数", "hist.installments_late": "逾期还款期数",
  "hist.max_dpd": "历史最长逾期天数", "hist.max_dpd_12m": "近12个月最长逾期天数", "hist.prepayments": "提前还款次数",
};

const en = {
  "nav.trusts": "Trusts & charity", "trust.title": "Trusts and charity", "trust.list": "Trusts", "trust.name": "Name", "trust.kind": "Kind",
  "trust.kind.charity": "Charity trust", "trust.kind.private": "Family trust", "trust.status.active": "Active", "trust.status.completed": "Completed",
  "trust.status.cancelled": "Cancelled", "trust.trustee": "Trustee", "trust.contributed": "Contributed", "trust.released": "Released",
  "trust.balance": "Trust property", "trust.fees": "Trustee fees", "trust.disclosure": "Disclosure", "trust.overdue": "Overdue", "trust.onTime": "On time",
  "trust.one": "Trust #{0} {1}", "trust.purpose": "Purpose", "trust.account": "Trust account", "trust.settlor": "Settlor", "trust.supervisor": "Supervisor",
  "trust.due": "Next disclosure due", "trust.tranches": "Tranches", "trust.recipient": "Recipient", "trust.amount": "Amount", "trust.evidence": "Evidence hashes",
  "trust.tranche.pending": "pending", "trust.tranche.submitted": "awaiting approval", "trust.tranche.approved": "approved", "trust.tranche.rejected": "rejected",
  "trust.tranche.released": "released", "trust.donations": "Donations", "trust.donor": "Donor", "trust.used": "Used", "trust.unspent": "Unspent",
  "trust.at": "Time", "trust.outflows": "Where the money went", "trust.kindOut": "Kind", "trust.fromDonations": "From donations (first in, first out)",
  "trust.out.tranche": "Tranche", "trust.out.distribution": "Distribution", "trust.out.fee": "Trustee fee", "trust.out.refund": "Refund",
  "trust.out.pass_on": "Passed on", "trust.trace": "Where {0}'s donations went", "trust.gift": "Trust #{0}: gave {1}, unspent {2}",
  "nav.explorer": "Network & explorer", "nav.portfolio": "Portfolio", "nav.work": "Daily work", "nav.borrower": "Borrower & credit", "nav.consortium": "Consortium",
  "cs.title": "Consortium and governance", "cs.members": "Members", "cs.name": "Name", "cs.joined": "Joined at height", "cs.assets": "Assets",
  "cs.scale": "Scale", "cs.supply": "Supply", "cs.issuer": "Issuer", "cs.proposals": "Proposals", "cs.proposal": "Proposal",
  "cs.tally": "Yes / no / abstain (members)", "cs.ends": "Voting ends", "cs.scorecards": "Scorecard models", "cs.version": "Version",
  "cs.bands": "Bands", "cs.registeredBy": "Registered by",
  "prop.voting": "voting", "prop.passed": "passed", "prop.rejected": "rejected", "prop.failed": "failed",
  "search.placeholder": "address / tx hash / block height / loan id", "search.go": "Search",
  "foot.note": "Served by this node · data from the chain's REST API", "err.noPage": "No such page", "yes": "yes", "no": "no",
  "explorer.title": "Network & explorer", "explorer.live": "Live blocks", "explorer.liveCaption": "Transactions in recent blocks (live from the event stream)",
  "explorer.txsPerBlock": "transactions per block", "explorer.validators": "Validators", "explorer.blocks": "Blocks", "explorer.txs": "Transactions",
  "stat.chain": "Chain ID", "stat.height": "Height", "stat.validators": "Validators", "stat.power": "power",
  "stat.bps": "Blocks/s", "stat.tps": "Txs/s", "stat.time": "Latest block time",
  "col.height": "Height", "col.time": "Time", "col.txs": "Txs", "col.proposer": "Proposer", "col.hash": "Hash",
  "col.types": "Messages", "col.signer": "Signer", "col.code": "Result code", "col.address": "Address", "col.power": "Voting power",
  "col.asset": "Asset", "col.loan": "Loan", "col.borrower": "Borrower", "col.status": "Status", "col.bucket": "Bucket (DPD)",
  "col.principal": "Principal", "col.outstanding": "Outstanding", "col.overdue": "Overdue", "col.due": "Due",
  "col.interest": "Interest", "col.fee": "Fee", "col.penalty": "Penalty", "col.owed": "Owed", "col.schedule": "Schedule", "col.type": "Type",
  "page.newest": "Newest", "page.older": "Older",
  "block.title": "Block {0}", "block.appHash": "App hash", "block.prev": "Previous block",
  "tx.title": "Transaction", "tx.index": "Index in block", "tx.ok": "OK", "tx.log": "Log", "tx.nonce": "Nonce", "tx.memo": "Memo",
  "tx.messages": "Messages", "tx.events": "Events", "tx.attributes": "Attributes",
  "acc.title": "Account", "acc.roles": "Roles", "acc.kyc": "KYC level", "acc.attested": "attested", "acc.sponsor": "Sponsor",
  "acc.nonce": "Nonce", "acc.frozen": "Frozen", "acc.balances": "Balances and holds", "acc.available": "Available", "acc.held": "Held",
  "acc.loans": "Loans", "acc.proof": "Proof of state", "acc.proofHeight": "Proof height", "acc.appHash": "State root (AppHash)",
  "acc.entries": "Proven entries", "acc.checkedAt": "Checked against", "acc.checkedAtNote": "the header of block {0} and the validators' signatures on it",
  "acc.verifyNote": "Check it without trusting this node:", "acc.download": "Download proof JSON",
  "loan.title": "Loan #{0}", "loan.status": "Status", "loan.borrower": "Borrower", "loan.lender": "Lender", "loan.product": "Product",
  "loan.principal": "Principal", "loan.periods": "Periods", "loan.score": "Score", "loan.reasons": "Reasons", "loan.decision": "Decision",
  "loan.outstanding": "Outstanding", "loan.overdue": "Overdue", "loan.dpd": "Days past due · bucket", "loan.repaid": "Principal repaid",
  "loan.interestPaid": "Interest paid", "loan.writtenOff": "Written off", "loan.recovered": "Recovered", "loan.applied": "Applied",
  "loan.disbursed": "Disbursed", "loan.schedule": "Live schedule", "loan.noSchedule": "The schedule is made at disbursement.",
  "status.applied": "applied", "status.approved": "approved", "status.rejected": "rejected", "status.active": "active",
  "status.closed": "closed", "status.defaulted": "defaulted", "status.written_off": "written off", "status.funding": "funding", "status.expired": "expired",
  "inst.paid": "paid", "inst.due": "due", "inst.partly_paid": "partly paid", "inst.overdue": "overdue",
  "find.title": "Search: {0}", "find.block": "Block {0}", "find.loan": "Loan #{0} ({1})", "find.none": "No block, loan, account or transaction matches.",
  "pf.title": "Lender portfolio", "pf.lender": "Lender", "pf.asset": "Asset {0}", "pf.glp": "Gross loan portfolio", "pf.loans": "Open loans",
  "pf.arrears": "Arrears rate", "pf.writeOffRatio": "Write-off ratio", "pf.writtenOff": "Written off", "pf.recovered": "Recovered",
  "pf.empty": "This lender has no loans yet.", "pf.risk": "Portfolio at risk", "pf.riskCaption": "PAR1/30/60/90 and arrears rate (%)",
  "pf.byStatus": "Loans by status", "pf.byBucket": "Open loans by delinquency bucket", "pf.loanList": "Loans",
  "pf.history": "GLP and PAR30 over the last 30 business days", "pf.historyCaption": "kept on chain: one point a business day (today's is live)",
  "pf.showing": "Newest {0} of {1}", "pf.schedule": "Show",
  "work.title": "Daily work", "work.token": "Operator token", "work.signIn": "Sign in", "work.signInTitle": "Sign in as this node's member",
  "work.signInNote": "The token stays in this tab's session storage and is sent only as the Authorization header.", "work.as": "Signed in as",
  "work.signOut": "Sign out", "work.queue": "Applications waiting ({0})", "work.band": "Band", "work.decide": "Decision", "work.reason": "Reason",
  "work.approve": "Approve", "work.reject": "Reject", "work.toDisburse": "To disburse", "work.disburse": "Disburse", "work.open": "Loans in repayment",
  "work.repay": "Record repayment", "work.amount": "Amount", "work.badAmount": "Invalid amount: a positive number with no more decimals than the asset has.",
  "work.sending": "Submitting and waiting for the block…", "work.result": "Result", "work.action": "Action", "work.newState": "Loan's new state",
  "bw.title": "Borrower & credit", "bw.hint": "Enter a borrower's address.", "bw.exposure": "Outstanding across lenders", "bw.credit": "Credit",
  "bw.consents": "Consents", "bw.reports": "Credit reports given", "bw.lender": "Lender", "bw.purpose": "Purpose", "bw.expires": "Expires",
  "consent.live": "live", "consent.expired": "expired", "consent.revoked": "revoked",
  "hist.loans_taken": "Loans taken", "hist.loans_completed": "Loans completed", "hist.loans_active": "Loans active", "hist.loans_defaulted": "Loans defaulted",
  "hist.loans_written_off": "Loans written off", "hist.installments_on_time": "Instalments on time", "hist.installments_late": "Instalments late",
  "hist.max_dpd": "Worst days past due", "hist.max_dpd_12m": "Worst days past due, 12 months", "hist.prepayments": "Prepayments",
};

export const labels = { zh, en };

const KEY = "puhui.lang";
let current = localStorage.getItem(KEY) === "en" ? "en" : "zh";

export function lang() {
  return current;
}

export function setLang(l) {
  current = l === "en" ? "en" : "zh";
  localStorage.setItem(KEY, current);
}

export function t(key, ...args) {
  const s = labels[current][key] ?? key;
  return s.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ""));
}

// applyStatic translates the page's fixed markup (data-i18n, data-i18n-placeholder) and the
// switch's own label, which names the other language.
export function applyStatic() {
  document.documentElement.lang = current === "zh" ? "zh-CN" : "en";
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  document.getElementById("lang").textContent = current === "zh" ? "EN" : "中文";
}
