package fullnode

import (
	"context"
	"net/http"
	"path/filepath"

	"github.com/puhui-chain/puhui/api"
	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/docstore"
	"github.com/puhui-chain/puhui/node"
)

// Start runs the node in home, serving the REST API on its API address, until Stop.
func Start(ctx context.Context, home string, o node.Overrides) (*node.Node, error) {
	o.API = serveAPI
	return node.Start(ctx, home, o)
}

// DocumentsDir is where a node keeps the ciphertexts of private documents, under its home.
func DocumentsDir(home string) string { return filepath.Join(home, "data", "documents") }

func serveAPI(n *node.Node, s node.APIService) (http.Handler, error) {
	documents, err := docstore.OpenStore(DocumentsDir(n.Home))
	if err != nil {
		return nil, err
	}
	return api.New(api.Config{
		Client:        client.New(n.Client, n.ChainID),
		Documents:     documents,
		Operator:      client.NewSigner(s.Operator),
		OperatorToken: s.OperatorToken,
		Metrics:       s.Metrics,
		Log:           s.Log,
		Health:        n.Health,
		CheckTx:       n.CheckTx,
		PreVerify:     n.App.PreVerify,
		Room:          n.Room,
	}), nil
}

// OperatorSigner is the node's operator key as an SDK signer.
func OperatorSigner(n *node.Node) (*client.Signer, error) {
	priv, err := n.OperatorKey()
	if err != nil {
		return nil, err
	}
	return client.NewSigner(priv), nil
}
