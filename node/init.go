package node

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	cfg "github.com/cometbft/cometbft/config"
	"github.com/cometbft/cometbft/crypto"
	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/cometbft/cometbft/p2p"
	"github.com/cometbft/cometbft/privval"
	"github.com/cometbft/cometbft/types"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/keyring"
	"github.com/puhui-chain/puhui/store"
)

// InitOptions describe a new home.
type InitOptions struct {
	ChainID    string
	Moniker    string
	MemberName string
	TimeZone   string
	APIListen  string
	RPCListen  string
	P2PListen  string
	// Genesis, when set, is used as the chain's genesis instead of a new single-member one
	// (a node joining an existing network); Peers then lists nodes to connect to.
	Genesis *types.GenesisDoc
	Peers   string
	// VotingPeriod of governance in a new genesis (0: the default week).
	VotingPeriod time.Duration
	// AdjustGenesis, when set, may change a new genesis's application state before it is
	// written (a sandbox adds members whose keys it puts in the home's keyring, or a time
	// scale). It is not called when Genesis is given.
	AdjustGenesis func(home string, g *app.Genesis) error
}

func (o *InitOptions) defaults() {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&o.ChainID, DefaultChainID)
	def(&o.Moniker, "puhui-node")
	def(&o.MemberName, DefaultMemberName)
	def(&o.TimeZone, DefaultTimeZone)
	def(&o.APIListen, DefaultAPIListen)
	def(&o.RPCListen, DefaultRPCListen)
	def(&o.P2PListen, DefaultP2PListen)
}

// validate checks the options a new home is made from, so that a bad one is refused
// before any file is written rather than when the node first starts.
func (o *InitOptions) validate() error {
	if o.Genesis == nil {
		if _, err := time.LoadLocation(o.TimeZone); err != nil || o.TimeZone == "Local" {
			return fmt.Errorf("--time-zone %q: not an IANA time zone (e.g. Asia/Shanghai): %w", o.TimeZone, err)
		}
		if o.VotingPeriod < 0 || (o.VotingPeriod > 0 && o.VotingPeriod < time.Second) || o.VotingPeriod > 366*24*time.Hour {
			return fmt.Errorf("--voting-period %s: 1s .. 366 days", o.VotingPeriod)
		}
	}
	if len(o.ChainID) > 50 || strings.TrimFunc(o.ChainID, func(r rune) bool {
		return r == '-' || r == '_' || r == '.' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
	}) != "" {
		return fmt.Errorf("--chain-id %q: 1..50 of letters, digits, '-', '_' and '.'", o.ChainID)
	}
	for _, a := range []struct{ flag, addr string }{{"--api-listen", o.APIListen}, {"--rpc-listen", o.RPCListen}, {"--p2p-listen", o.P2PListen}} {
		if _, _, err := net.SplitHostPort(strings.TrimPrefix(a.addr, "tcp://")); err != nil {
			return fmt.Errorf("%s %q: want host:port: %w", a.flag, a.addr, err)
		}
	}
	return nil
}

// IsInitialized reports whether home already holds a node.
func IsInitialized(home string) bool {
	_, err := os.Stat(filepath.Join(home, "config", "genesis.json"))
	return err == nil
}

// ErrAlreadyInitialized is returned by Init on an existing home.
var ErrAlreadyInitialized = errors.New("home is already initialised")

// founder is what a prepared home contributes to a genesis: its member and its validator.
type founder struct {
	Name        string
	OperatorPub []byte
	Validator   crypto.PubKey
	Moniker     string
	NodeID      string
}

// Init creates a node home: CometBFT configuration, node and validator keys, an operator
// key in the node keyring, and (unless one is given) a genesis with one founding member, a
// bank, whose key is the operator key and whose node is the only validator.
func Init(home string, o InitOptions) error {
	o.defaults()
	if IsInitialized(home) {
		return ErrAlreadyInitialized
	}
	if err := o.validate(); err != nil {
		return err // before anything is written
	}
	f, err := prepareHome(home, o)
	if err != nil {
		return err
	}
	gen := o.Genesis
	if gen == nil {
		if gen, err = newGenesis(o.ChainID, o.TimeZone, []founder{f}, o.VotingPeriod); err != nil {
			return err
		}
		if o.AdjustGenesis != nil {
			if err := adjustAppState(gen, func(g *app.Genesis) error { return o.AdjustGenesis(home, g) }); err != nil {
				return err
			}
		}
	}
	return gen.SaveAs(filepath.Join(home, "config", "genesis.json"))
}

// prepareHome writes everything of a home but the genesis.
func prepareHome(home string, o InitOptions) (founder, error) {
	c := cometConfig(home, o)
	c.P2P.PersistentPeers = o.Peers
	cfg.EnsureRoot(home)
	writeCometConfig(home, c)
	pv, err := privval.LoadOrGenFilePV(c.PrivValidatorKeyFile(), c.PrivValidatorStateFile(), func() (crypto.PrivKey, error) {
		return ed25519.GenPrivKey(), nil
	})
	if err != nil {
		return founder{}, err
	}
	nodeKey, err := p2p.LoadOrGenNodeKey(c.NodeKeyFile())
	if err != nil {
		return founder{}, err
	}
	passphrase, err := ensureKeyringPassphrase(home)
	if err != nil {
		return founder{}, err
	}
	kr, err := keyring.Open(filepath.Join(home, "keyring"))
	if err != nil {
		return founder{}, err
	}
	operator, err := kr.Add(OperatorKeyName, passphrase)
	if err != nil {
		return founder{}, fmt.Errorf("operator key: %w", err)
	}
	if err := writeAppConfig(home, AppConfig{
		APIListen: o.APIListen, OperatorKey: OperatorKeyName, OperatorToken: randomHex(32), LogFormat: "text", LogLevel: "info",
		ConsensusLogLevel: "error",
		PebbleMemTableMiB: store.DefaultMemTableBytes >> 20, MinFreeDiskMiB: DefaultMinFreeDiskMiB, DiskWarnMiB: DefaultDiskWarnMiB,
	}); err != nil {
		return founder{}, err
	}
	valPub, err := pv.GetPubKey()
	if err != nil {
		return founder{}, err
	}
	return founder{Name: o.MemberName, OperatorPub: operator.PubKey, Validator: valPub, Moniker: o.Moniker, NodeID: string(nodeKey.ID())}, nil
}

// newGenesis makes a genesis in which every founder is a bank member and an equal-power
// validator.
func newGenesis(chainID, timeZone string, founders []founder, votingPeriod time.Duration) (*types.GenesisDoc, error) {
	g := app.Genesis{TimeZone: timeZone}
	if votingPeriod > 0 {
		g.Governance = &app.GovernanceGenesis{VotingPeriodSeconds: int64(votingPeriod / time.Second), ThresholdNumerator: 2, ThresholdDenominator: 3}
	}
	gen := &types.GenesisDoc{
		ChainID:         chainID,
		GenesisTime:     time.Now().UTC().Truncate(time.Second),
		ConsensusParams: types.DefaultConsensusParams(),
	}
	for _, f := range founders {
		g.Members = append(g.Members, app.GenesisMember{Name: f.Name, PubKey: f.OperatorPub, Roles: []string{"bank"}})
		gen.Validators = append(gen.Validators, types.GenesisValidator{Address: f.Validator.Address(), PubKey: f.Validator, Power: 10, Name: f.Moniker})
	}
	state, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		return nil, err
	}
	gen.AppState = state
	return gen, gen.ValidateAndComplete()
}

// adjustAppState rewrites a genesis's application state through f.
func adjustAppState(gen *types.GenesisDoc, f func(*app.Genesis) error) error {
	var g app.Genesis
	if err := json.Unmarshal(gen.AppState, &g); err != nil {
		return err
	}
	if err := f(&g); err != nil {
		return err
	}
	if err := g.Validate(); err != nil {
		return err
	}
	state, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		return err
	}
	gen.AppState = state
	return nil
}

func writeCometConfig(home string, c *cfg.Config) {
	cfg.WriteConfigFile(filepath.Join(home, "config", "config.toml"), c)
}

// cometConfig is CometBFT's configuration for a Puhui node.
func cometConfig(home string, o InitOptions) *cfg.Config {
	c := cfg.DefaultConfig()
	c.SetRoot(home)
	c.Moniker = o.Moniker
	c.DBBackend = "pebbledb"
	c.RPC.ListenAddress = "tcp://" + strings.TrimPrefix(o.RPCListen, "tcp://")
	c.P2P.ListenAddress = "tcp://" + strings.TrimPrefix(o.P2PListen, "tcp://")
	c.P2P.AddrBookStrict = false
	c.P2P.AllowDuplicateIP = true
	// A short commit timeout keeps blocks frequent under load; idle chains still get a block
	// every EmptyBlockInterval because due work runs on block time.
	c.Consensus.TimeoutCommit = 200 * time.Millisecond
	// A peer's vote and block-part gossip sleeps this long when it has nothing to send; at
	// CometBFT's 100 ms a vote waited up to that long per hop. Measured at four validators
	// under load: the precommit step 33-38 ms a height instead of 76-78, prevote 75-107
	// instead of 119-127, with no more CPU per transaction.
	c.Consensus.PeerGossipSleepDuration = 20 * time.Millisecond
	c.Consensus.CreateEmptyBlocks = true
	c.Consensus.CreateEmptyBlocksInterval = EmptyBlockInterval
	// The mempool bounds queueing delay: at ~14k tx/s, 8,000 waiting transactions are about
	// half a second; past that, submitters get "mempool is full" and back off.
	c.Mempool.Size = 8000
	// Puhui keeps its own transaction index, written with each block's state (app/txindex.go):
	// CometBFT's indexer writes after the block commits, asynchronously, so a crash can lose a
	// block from it for good, and it costs a write per event attribute. CometBFT's tx and
	// tx_search RPCs are therefore off; /v1/txs/{hash} and the SDK's Tx answer instead.
	c.TxIndex.Indexer = "null"
	c.Instrumentation.Prometheus = true
	c.Instrumentation.PrometheusListenAddr = "" // /metrics is served by the REST API
	return c
}

// KeyringPassphrase returns the node keyring's passphrase: PUHUI_KEYRING_PASSPHRASE if set,
// else the file config/keyring-passphrase written by init.
func KeyringPassphrase(home string) (string, error) {
	if p := os.Getenv("PUHUI_KEYRING_PASSPHRASE"); p != "" {
		return p, nil
	}
	b, err := os.ReadFile(filepath.Join(home, "config", "keyring-passphrase"))
	if err != nil {
		return "", fmt.Errorf("node keyring passphrase: set PUHUI_KEYRING_PASSPHRASE or restore config/keyring-passphrase: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}

func ensureKeyringPassphrase(home string) (string, error) {
	if p := os.Getenv("PUHUI_KEYRING_PASSPHRASE"); p != "" {
		return p, nil
	}
	p := randomHex(24)
	return p, writeFileAtomic(filepath.Join(home, "config", "keyring-passphrase"), []byte(p+"\n"), 0o600)
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}
