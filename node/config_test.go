package node

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/store"
)

// The store's memory and history settings reach the store from app.toml; a fresh home's
// zeros mean the store's defaults, and nonsense is refused.
func TestAppConfigStoreOptions(t *testing.T) {
	home := t.TempDir()
	base := AppConfig{APIListen: DefaultAPIListen, OperatorKey: OperatorKeyName, OperatorToken: "t", LogFormat: "text", LogLevel: "info"}
	require.NoError(t, writeAppConfig(home, base))
	c, err := LoadAppConfig(home)
	require.NoError(t, err)
	require.Equal(t, store.Options{}, c.StoreOptions(), "zeros: the store's defaults")

	withCache := base
	withCache.TreeCacheMiB, withCache.KeepRecentHeights = 512, 50
	require.NoError(t, writeAppConfig(home, withCache))
	c, err = LoadAppConfig(home)
	require.NoError(t, err)
	require.Equal(t, store.Options{NodeCacheBytes: 512 << 20, KeepRecent: 50}, c.StoreOptions())

	data, err := os.ReadFile(appConfigPath(home))
	require.NoError(t, err)
	bad := strings.Replace(string(data), "tree_cache_mib = 512", "tree_cache_mib = -1", 1)
	require.NoError(t, os.WriteFile(appConfigPath(home), []byte(bad), 0o600))
	_, err = LoadAppConfig(home)
	require.ErrorContains(t, err, "tree_cache_mib")
}

// The per-signer bound on waiting transactions comes from app.toml; 0 is the application's
// default and a negative bound is refused.
func TestAppConfigMaxPendingPerSigner(t *testing.T) {
	home := t.TempDir()
	c := AppConfig{APIListen: DefaultAPIListen, OperatorKey: OperatorKeyName, OperatorToken: "t", LogFormat: "text", LogLevel: "info",
		MaxPendingPerSigner: 25}
	require.NoError(t, writeAppConfig(home, c))
	got, err := LoadAppConfig(home)
	require.NoError(t, err)
	require.Equal(t, 25, got.MaxPendingPerSigner)

	data, err := os.ReadFile(appConfigPath(home))
	require.NoError(t, err)
	bad := strings.Replace(string(data), "max_pending_per_signer = 25", "max_pending_per_signer = -1", 1)
	require.NoError(t, os.WriteFile(appConfigPath(home), []byte(bad), 0o600))
	_, err = LoadAppConfig(home)
	require.ErrorContains(t, err, "max_pending_per_signer")
}
