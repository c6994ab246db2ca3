package query

// Transaction lookups: answered from the node's own transaction index, which is written in
// the same batch as each block's state (so a committed transaction is always found), and is
// not proven against the AppHash.
const (
	PathTx          = "/tx"          // data: the transaction's SHA-256 in hex
	PathAccountTxs  = "/account_txs" // data: address, or address@HEIGHT.INDEX to continue a listing
	MaxAccountTxs   = 50             // transactions per account listing page
	AccountTxsAfter = "@"            // separates an address from a listing's continuation
)

// Tx is a committed transaction's outcome.
type Tx struct {
	Hash      string  `json:"hash"`
	Height    int64   `json:"height"`
	Index     uint32  `json:"index"`
	Code      uint32  `json:"code"`
	Codespace string  `json:"codespace,omitempty"`
	Log       string  `json:"log,omitempty"`
	Events    []Event `json:"events,omitempty"`
}

// AccountTxs lists the transactions that touched an account (it signed them, or an event
// names it), newest first.
type AccountTxs struct {
	Address string `json:"address"`
	Txs     []Tx   `json:"txs"`
	// Next, when set, is the argument that lists the following (older) page.
	Next string `json:"next,omitempty"`
}
