package node

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"

	cfg "github.com/cometbft/cometbft/config"

	"github.com/puhui-chain/puhui/store"
)

// Validate checks every value of app.toml and returns one line per bad value, so that a
// node never starts with a setting it would ignore or fail on later.
func (c AppConfig) Validate() error {
	var errs []error
	bad := func(key string, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", key, fmt.Sprintf(format, args...)))
	}
	if err := checkHostPort(c.APIListen); err != nil {
		bad("api_listen", "%v", err)
	}
	if c.OperatorKey == "" {
		bad("operator_key", "empty: name the key in the node keyring that signs operator requests")
	}
	if c.OperatorToken == "" {
		bad("operator_token", "operator_token is empty")
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		bad("log_format", "%q: must be text or json", c.LogFormat)
	}
	if _, ok := logLevels[c.LogLevel]; !ok {
		bad("log_level", "%q: must be debug, info or error", c.LogLevel)
	}
	if _, ok := logLevels[c.ConsensusLogLevel]; !ok && c.ConsensusLogLevel != "" {
		bad("consensus_log_level", "%q: must be debug, info or error", c.ConsensusLogLevel)
	}
	if c.TreeCacheMiB < 0 || c.TreeCacheMiB > 1<<20 {
		bad("tree_cache_mib", "%d: must be 0..1048576", c.TreeCacheMiB)
	}
	if c.MaxPendingPerSigner < 0 {
		bad("max_pending_per_signer", "%d: must be 0 (the default) or more", c.MaxPendingPerSigner)
	}
	if c.MempoolLocalSharePercent < 0 || c.MempoolLocalSharePercent > 100 {
		bad("mempool_local_share_percent", "%d: must be 0 (the default) up to 100", c.MempoolLocalSharePercent)
	}
	if c.KeepRecentHeights < 0 {
		bad("keep_recent_heights", "%d: must be 0 or more", c.KeepRecentHeights)
	}
	if m := c.PebbleMemTableMiB; m != 0 && (m < store.MinMemTableBytes>>20 || m > store.MaxMemTableBytes>>20) {
		bad("pebble_memtable_mib", "%d: must be 0 (the default) or %d..%d", m, store.MinMemTableBytes>>20, store.MaxMemTableBytes>>20)
	}
	if c.MinFreeDiskMiB < 0 || c.MinFreeDiskMiB > 1<<24 {
		bad("min_free_disk_mib", "%d: must be 0..16777216", c.MinFreeDiskMiB)
	}
	if c.DiskWarnMiB < 0 || c.DiskWarnMiB > 1<<24 {
		bad("disk_warn_mib", "%d: must be 0..16777216", c.DiskWarnMiB)
	} else if c.diskWarnBytes() < c.minFreeDiskBytes() {
		bad("disk_warn_mib", "%d MiB is below min_free_disk_mib (%d MiB): the warning would come after the refusal",
			c.diskWarnBytes()>>20, c.minFreeDiskBytes()>>20)
	}
	return errors.Join(errs...)
}

// checkHostPort accepts host:port with a numeric port (the host may be empty: all
// interfaces).
func checkHostPort(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%q: want host:port (%v)", addr, err)
	}
	if p, err := strconv.ParseUint(port, 10, 16); err != nil || (p == 0 && port != "0") {
		return fmt.Errorf("%q: port must be 0..65535", addr)
	}
	if strings.ContainsAny(host, " /") {
		return fmt.Errorf("%q: bad host", addr)
	}
	return nil
}

// validateComet checks the CometBFT settings a Puhui node depends on, after overrides.
func validateComet(c *cfg.Config) error {
	var errs []error
	if err := c.ValidateBasic(); err != nil {
		errs = append(errs, fmt.Errorf("config.toml: %w", err))
	}
	for _, l := range []struct{ key, addr string }{{"rpc.laddr", c.RPC.ListenAddress}, {"p2p.laddr", c.P2P.ListenAddress}} {
		if err := checkHostPort(strings.TrimPrefix(l.addr, "tcp://")); err != nil || !strings.HasPrefix(l.addr, "tcp://") {
			errs = append(errs, fmt.Errorf("config.toml %s: %q: want tcp://host:port", l.key, l.addr))
		}
	}
	return errors.Join(errs...)
}

// probeListen binds each address and lets it go, so that an address in use or not local
// fails the start before consensus runs (CometBFT binds these itself once started).
func probeListen(addrs map[string]string) error {
	var errs []error
	for _, key := range []string{"rpc.laddr", "p2p.laddr"} {
		addr, ok := addrs[key]
		if !ok {
			continue
		}
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s %s: %w", key, addr, err))
			continue
		}
		ln.Close()
	}
	return errors.Join(errs...)
}
