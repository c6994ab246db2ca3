package node

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	cfg "github.com/cometbft/cometbft/config"
	"github.com/cometbft/cometbft/crypto/ed25519"
	cmtlog "github.com/cometbft/cometbft/libs/log"
	nm "github.com/cometbft/cometbft/node"
	"github.com/cometbft/cometbft/p2p"
	"github.com/cometbft/cometbft/privval"
	"github.com/cometbft/cometbft/proxy"
	"github.com/cometbft/cometbft/rpc/client/local"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/spf13/viper"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/keyring"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
)

// Overrides change a home's configuration for one run (command-line flags).
type Overrides struct {
	APIListen string
	RPCListen string
	P2PListen string
	// Metrics registers Prometheus metrics in the default registry; only one node per process
	// may do so.
	Metrics bool
	Log     io.Writer
	// API builds the handler served on the API address once CometBFT runs; nil serves none.
	// The REST API and the SDK are edges above node, so the layer that starts a node plugs
	// them in here (package fullnode) rather than node importing them.
	API func(n *Node, s APIService) (http.Handler, error)
}

// BoundedHandler is an API handler that bounds the server it is served by: it sets the
// server's timeouts and wraps the listener so that connections beyond its caps are refused.
type BoundedHandler interface {
	http.Handler
	Bound(srv *http.Server, ln net.Listener) net.Listener
}

// APIService is what node hands the API builder: the operator key (it signs operator API
// requests) and the configuration the API needs.
type APIService struct {
	Operator      ed25519.PrivKey
	OperatorToken string
	Metrics       bool
	Log           *slog.Logger
}

// Node is a running Puhui node.
type Node struct {
	Home    string
	ChainID string
	Comet   *nm.Node
	App     *app.App
	Client  *local.Local
	API     *http.Server
	APIAddr string
	RPCAddr string
	P2PAddr string
	// Operator is the address of the operator key that signs operator API requests.
	Operator string

	db  *store.DB
	log *slog.Logger
	// localSharePercent is mempool_local_share_percent: how full the mempool may be for
	// CheckTx to admit a local submission while the node has peers (localMempoolLimit).
	localSharePercent int
	disk              *diskWatch
	stopOnce          sync.Once
	stopErr           error
	operator          ed25519.PrivKey

	failOnce sync.Once
	failed   chan struct{}
	failErr  error
}

// OperatorKey is the node's operator key (a founding member's key on a fresh chain), loaded
// when the node serves an API.
func (n *Node) OperatorKey() (ed25519.PrivKey, error) {
	if n.operator == nil {
		return nil, errors.New("node has no operator key")
	}
	return n.operator, nil
}

// LoadCometConfig reads home/config/config.toml over CometBFT's defaults.
func LoadCometConfig(home string) (*cfg.Config, error) {
	c := cfg.DefaultConfig()
	v := viper.New()
	v.SetConfigFile(filepath.Join(home, "config", "config.toml"))
	if err := v.ReadInConfig(); err != nil {
		return nil, fmt.Errorf("read config.toml: %w", err)
	}
	if err := v.Unmarshal(c); err != nil {
		return nil, fmt.Errorf("parse config.toml: %w", err)
	}
	c.SetRoot(home)
	return c, c.ValidateBasic()
}

func stateDBDir(c *cfg.Config) string { return filepath.Join(c.DBDir(), "puhui-state.db") }

// Start runs the node in home until Stop. Everything that can be checked is checked before
// consensus starts: every configuration value, the free disk space, and the listen
// addresses (the API's is bound and kept; CometBFT's are bound and let go).
func Start(ctx context.Context, home string, o Overrides) (*Node, error) {
	c, ac, err := loadConfigs(home, o)
	if err != nil {
		return nil, err
	}
	logOut := o.Log
	if logOut == nil {
		logOut = os.Stderr
	}
	log := newSlog(logOut, ac)
	if err := checkFreeSpace(c.DBDir(), ac.minFreeDiskBytes()); err != nil {
		return nil, err
	}
	var apiLn net.Listener
	if o.API != nil {
		if apiLn, err = net.Listen("tcp", ac.APIListen); err != nil {
			return nil, fmt.Errorf("api_listen %s: %w", ac.APIListen, err)
		}
	}
	n, err := start(ctx, c, ac, o, log, logOut, apiLn)
	if err != nil && apiLn != nil {
		apiLn.Close()
	}
	return n, err
}

// loadConfigs reads and validates both configuration files with the overrides applied.
func loadConfigs(home string, o Overrides) (*cfg.Config, AppConfig, error) {
	c, err := LoadCometConfig(home)
	if err != nil {
		return nil, AppConfig{}, err
	}
	ac, err := LoadAppConfig(home)
	if err != nil {
		return nil, ac, err
	}
	applyOverrides(c, &ac, o)
	if err := errors.Join(ac.Validate(), validateComet(c)); err != nil {
		return nil, ac, fmt.Errorf("configuration of %s:\n%w", home, err)
	}
	addrs := map[string]string{"rpc.laddr": strings.TrimPrefix(c.RPC.ListenAddress, "tcp://"),
		"p2p.laddr": strings.TrimPrefix(c.P2P.ListenAddress, "tcp://")}
	if err := probeListen(addrs); err != nil {
		return nil, ac, err
	}
	return c, ac, nil
}

func start(ctx context.Context, c *cfg.Config, ac AppConfig, o Overrides, log *slog.Logger, logOut io.Writer, apiLn net.Listener) (*Node, error) {
	gen, err := nm.DefaultGenesisDocProviderFunc(c)()
	if err != nil {
		return nil, fmt.Errorf("genesis: %w", err)
	}
	db, err := store.Open(stateDBDir(c), ac.StoreOptions())
	if err != nil {
		return nil, err
	}
	if err := catchUpIndex(c, db, log); err != nil {
		db.Close()
		return nil, fmt.Errorf("transaction index: %w", err)
	}
	n := &Node{Home: c.RootDir, ChainID: gen.GenesisDoc.ChainID, db: db, log: log, failed: make(chan struct{})}
	n.App = app.New(db, gen.GenesisDoc.ChainID, log.With("module", "app"))
	// Credit reports live outside state, beside it (app.PrivateStore).
	n.App.UsePrivateStore(app.DirStore{Dir: filepath.Join(c.DBDir(), "puhui-private")})
	if ac.MaxPendingPerSigner > 0 {
		n.App.SetMaxPendingPerSigner(ac.MaxPendingPerSigner)
	}
	n.localSharePercent = ac.MempoolLocalSharePercent
	var reg prometheus.Registerer
	if o.Metrics {
		reg = prometheus.DefaultRegisterer
		if err := n.App.Metrics().Register(reg); err != nil {
			db.Close()
			return nil, err
		}
	} else {
		c.Instrumentation.Prometheus = false
	}
	if n.disk, err = newDiskWatch(c.DBDir(), ac.diskWarnBytes(), log, reg); err != nil {
		db.Close()
		return nil, err
	}
	if err := waitForTree(ctx, db, log); err != nil {
		n.disk.Stop()
		db.Close()
		return nil, err
	}
	if err := n.startComet(ctx, c, logOut, ac.ConsensusLogLevel); err != nil {
		n.disk.Stop()
		db.Close()
		return nil, err
	}
	if apiLn != nil {
		if err := n.startAPI(ac, o, apiLn); err != nil {
			n.Stop()
			return nil, err
		}
	}
	return n, nil
}

// waitForTree waits for the state store to load the committed tree into memory before
// consensus starts: blocks run during the load read the tree from disk and took seconds each
// at a million loans. The wait is logged and reported in the store's Stats (WarmTook, the
// puhui_tree_warm_seconds metric); a new node's empty store has nothing to load.
func waitForTree(ctx context.Context, db *store.DB, log *slog.Logger) error {
	if !db.Stats().Warming {
		return nil
	}
	log.Info("loading the state tree into memory before starting consensus")
	if err := db.WaitWarm(ctx); err != nil {
		return fmt.Errorf("loading the state tree: %w", err)
	}
	st := db.Stats()
	log.Info("state tree loaded", "nodes", st.WarmedNodes, "took", st.WarmTook.Round(time.Millisecond))
	return nil
}

func applyOverrides(c *cfg.Config, ac *AppConfig, o Overrides) {
	if o.APIListen != "" {
		ac.APIListen = o.APIListen
	}
	if o.RPCListen != "" {
		c.RPC.ListenAddress = "tcp://" + strings.TrimPrefix(o.RPCListen, "tcp://")
	}
	if o.P2PListen != "" {
		c.P2P.ListenAddress = "tcp://" + strings.TrimPrefix(o.P2PListen, "tcp://")
	}
}

// logLevels are the accepted log_level values: the levels that both slog and CometBFT's
// logger know.
var logLevels = map[string]slog.Level{"debug": slog.LevelDebug, "info": slog.LevelInfo, "error": slog.LevelError}

func newSlog(w io.Writer, ac AppConfig) *slog.Logger {
	opts := &slog.HandlerOptions{Level: logLevels[ac.LogLevel]}
	if ac.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func (n *Node) startComet(ctx context.Context, c *cfg.Config, w io.Writer, level string) error {
	cmt, nodeID, err := runComet(ctx, c, proxy.NewConsensusSyncLocalClientCreator(n.App), w, level, n.fail,
		verifyRelayed(n.App.PreVerify))
	if err != nil {
		return err
	}
	n.Comet = cmt
	n.Client = local.New(cmt)
	n.RPCAddr = strings.TrimPrefix(c.RPC.ListenAddress, "tcp://")
	n.P2PAddr = fmt.Sprintf("%s@%s", nodeID, strings.TrimPrefix(c.P2P.ListenAddress, "tcp://"))
	return nil
}

// runComet creates and starts a CometBFT node for a home's configuration over an ABCI
// application.
// fail, when set, is called on a consensus failure; options adjust the node before it starts.
func runComet(ctx context.Context, c *cfg.Config, app proxy.ClientCreator, w io.Writer, level string, fail func(string),
	options ...nm.Option) (*nm.Node, p2p.ID, error) {
	pv := privval.LoadFilePV(c.PrivValidatorKeyFile(), c.PrivValidatorStateFile())
	nodeKey, err := p2p.LoadNodeKey(c.NodeKeyFile())
	if err != nil {
		return nil, "", err
	}
	logger := cmtlog.NewTMLogger(cmtlog.NewSyncWriter(w))
	if level == "" {
		level = "error"
	}
	opt, err := cmtlog.AllowLevel(level)
	if err != nil {
		opt = cmtlog.AllowInfo()
	}
	logger = cmtlog.NewFilter(logger, opt)
	if fail != nil {
		logger = failWatch{Logger: logger, fail: fail}
	}
	cmt, err := nm.NewNode(ctx, c, pv, nodeKey, app, nm.DefaultGenesisDocProviderFunc(c), cfg.DefaultDBProvider,
		nm.DefaultMetricsProvider(c.Instrumentation), logger, options...)
	if err != nil {
		return nil, "", fmt.Errorf("create CometBFT node: %w", err)
	}
	if err := cmt.Start(); err != nil {
		return nil, "", fmt.Errorf("start CometBFT node: %w", err)
	}
	return cmt, nodeKey.ID(), nil
}

func (n *Node) startAPI(ac AppConfig, o Overrides, ln net.Listener) error {
	priv, err := n.loadOperatorKey(ac)
	if err != nil {
		return err
	}
	handler, err := o.API(n, APIService{Operator: priv, OperatorToken: ac.OperatorToken, Metrics: o.Metrics,
		Log: n.log.With("module", "api")})
	if err != nil {
		return err
	}
	n.operator = priv
	n.Operator = tx.AddressOf(priv.PubKey().Bytes())
	n.APIAddr = ln.Addr().String()
	// Requests derive from a context that shutdown cancels, so that event streams end and
	// Shutdown does not wait on them.
	base, cancel := context.WithCancel(context.Background())
	n.API = &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return base }}
	if b, ok := handler.(BoundedHandler); ok {
		ln = b.Bound(n.API, ln) // the API's own timeouts and connection caps
	}
	n.API.RegisterOnShutdown(cancel)
	go func() {
		if err := n.API.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			n.log.Error("api server stopped", "err", err)
		}
	}()
	return nil
}

func (n *Node) loadOperatorKey(ac AppConfig) (ed25519.PrivKey, error) {
	pass, err := KeyringPassphrase(n.Home)
	if err != nil {
		return nil, err
	}
	kr, err := keyring.Open(filepath.Join(n.Home, "keyring"))
	if err != nil {
		return nil, err
	}
	priv, err := kr.Load(ac.OperatorKey, pass)
	if err != nil {
		return nil, fmt.Errorf("operator key %q: %w", ac.OperatorKey, err)
	}
	return priv, nil
}

// Stop shuts the node down: the API first (no new requests), then CometBFT (waiting for every
// reactor), and only then the state database.
func (n *Node) Stop() error {
	n.stopOnce.Do(func() { n.stopErr = n.stop() })
	return n.stopErr
}

func (n *Node) stop() error {
	var errs []error
	if n.API != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		errs = append(errs, n.API.Shutdown(ctx))
		cancel()
	}
	if n.Comet != nil && n.Comet.IsRunning() {
		errs = append(errs, n.Comet.Stop())
		n.Comet.Wait()
	}
	if n.disk != nil {
		n.disk.Stop()
	}
	errs = append(errs, n.db.Close())
	return errors.Join(errs...)
}
