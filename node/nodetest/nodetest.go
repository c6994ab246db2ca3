package nodetest

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/fullnode"
	"github.com/puhui-chain/puhui/keyring"
	"github.com/puhui-chain/puhui/node"
)

// Node is a started node with what tests need to drive it.
type Node struct {
	*node.Node
	Client   *client.Client
	Operator *client.Signer
	Token    string
	APIURL   string
}

// Start initialises a home in t.TempDir and starts a single-validator node on loopback.
func Start(t testing.TB) *Node { return StartWith(t, nil) }

// AddMembers is a StartWith adjustment: more founding members.
func AddMembers(members ...app.GenesisMember) func(string, *app.Genesis) error {
	return func(_ string, g *app.Genesis) error {
		g.Members = append(g.Members, members...)
		return nil
	}
}

// StartWith starts a node whose genesis adjust may change (more members, say).
func StartWith(t testing.TB, adjust func(home string, g *app.Genesis) error) *Node {
	t.Helper()
	return start(t, node.InitOptions{APIListen: "127.0.0.1:0", RPCListen: "127.0.0.1:0", P2PListen: "127.0.0.1:0", AdjustGenesis: adjust})
}

// StartOn starts a node listening on the given loopback addresses (from node.FreePorts): a
// test that dials its CometBFT RPC as an external client needs to know the port, and a node
// told port 0 cannot say which one it got.
func StartOn(t testing.TB, api, rpc, p2p string) *Node {
	t.Helper()
	return start(t, node.InitOptions{APIListen: api, RPCListen: rpc, P2PListen: p2p})
}

func start(t testing.TB, o node.InitOptions) *Node {
	t.Helper()
	keyring.KDFParams = keyring.Argon2Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1} // fast keys in tests
	home := filepath.Join(t.TempDir(), "home")
	o.ChainID = "puhui-test"
	err := node.Init(home, o)
	if err != nil {
		t.Fatal(err)
	}
	var logs io.Writer = io.Discard
	if os.Getenv("PUHUI_TEST_LOGS") != "" {
		logs = os.Stderr
	}
	n, err := fullnode.Start(context.Background(), home, node.Overrides{Log: logs})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := n.Stop(); err != nil {
			t.Errorf("stop: %v", err)
		}
	})
	ac, err := node.LoadAppConfig(home)
	if err != nil {
		t.Fatal(err)
	}
	op, err := fullnode.OperatorSigner(n)
	if err != nil {
		t.Fatal(err)
	}
	out := &Node{Node: n, Client: client.New(n.Client, n.ChainID), Operator: op, Token: ac.OperatorToken, APIURL: "http://" + n.APIAddr}
	out.WaitHeight(t, 1)
	return out
}

// WaitHeight waits until the chain has committed height h.
func (n *Node) WaitHeight(t testing.TB, h int64) {
	t.Helper()
	if err := n.Client.WaitHeight(context.Background(), h, 30*time.Second); err != nil {
		t.Fatal(err)
	}
}
