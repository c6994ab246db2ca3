package demo

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/keyring"
	"github.com/puhui-chain/puhui/node"
)

// Members the sandbox adds beside the founding bank (the node's operator key), by keyring
// name. Their keys live in the demo home's keyring, sealed with the node's passphrase.
var members = []struct {
	key, name string
	roles     []string
}{
	{"mfi", "Sunrise Microfinance", []string{"mfi"}},
	{"regulator", "Financial Regulator", []string{"regulator"}},
	{"kyc", "TrustID KYC", []string{"kyc_provider"}},
	{"core", "Dragon Motors (core enterprise)", []string{"enterprise"}},
	{"tier1", "Eastern Axle Co. (tier 1)", []string{"enterprise"}},
	{"tier2", "Pearl Bearings (tier 2)", []string{"enterprise"}},
	{"tier3", "Lotus Castings (tier 3)", []string{"enterprise"}},
	{"insurer", "Harvest Mutual Insurance", []string{"insurer"}},
	{"oracle-1", "North Weather Station", []string{"oracle"}},
	{"oracle-2", "Valley Weather Station", []string{"oracle"}},
	{"oracle-3", "Satellite Rainfall Service", []string{"oracle"}},
}

// Genesis returns the node.InitOptions hook that makes a sandbox genesis: the members above
// and a clock on which one business day passes every `day` of block time.
func Genesis(day time.Duration) func(home string, g *app.Genesis) error {
	return func(home string, g *app.Genesis) error {
		scale := int64(24 * time.Hour / day)
		if scale < 1 {
			return fmt.Errorf("a business day of %s is slower than real time", day)
		}
		g.TimeScale = scale
		kr, pass, err := homeKeyring(home)
		if err != nil {
			return err
		}
		for _, m := range members {
			info, err := kr.Add(m.key, pass)
			if err != nil {
				return fmt.Errorf("demo key %s: %w", m.key, err)
			}
			g.Members = append(g.Members, app.GenesisMember{Name: m.name, PubKey: info.PubKey, Roles: m.roles})
		}
		return nil
	}
}

func homeKeyring(home string) (*keyring.Keyring, string, error) {
	pass, err := node.KeyringPassphrase(home)
	if err != nil {
		return nil, "", err
	}
	kr, err := keyring.Open(filepath.Join(home, "keyring"))
	return kr, pass, err
}

// Institutions are the sandbox's member signers.
type Institutions struct {
	Bank, MFI, Regulator, KYC *client.Signer
	Insurer                   *client.Signer
	Oracles                   [3]*client.Signer // the rainfall feed's reporters
}

// LoadInstitutions reads the member keys of a demo home.
func LoadInstitutions(home string) (*Institutions, error) {
	kr, pass, err := homeKeyring(home)
	if err != nil {
		return nil, err
	}
	load := func(name string) (*client.Signer, error) {
		priv, err := kr.Load(name, pass)
		if err != nil {
			return nil, fmt.Errorf("demo key %s: %w", name, err)
		}
		return client.NewSigner(priv), nil
	}
	var in Institutions
	for _, x := range []struct {
		name string
		dst  **client.Signer
	}{{node.OperatorKeyName, &in.Bank}, {"mfi", &in.MFI}, {"regulator", &in.Regulator}, {"kyc", &in.KYC},
		{"insurer", &in.Insurer}, {"oracle-1", &in.Oracles[0]}, {"oracle-2", &in.Oracles[1]}, {"oracle-3", &in.Oracles[2]}} {
		if *x.dst, err = load(x.name); err != nil {
			return nil, err
		}
	}
	return &in, nil
}
