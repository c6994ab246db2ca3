package main

import (
	"bufio"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/puhui-chain/puhui/keyring"
)

const flagKeyringDir = "keyring-dir"

func openKeyring(cmd *cobra.Command) (*keyring.Keyring, error) {
	dir, _ := cmd.Flags().GetString(flagKeyringDir)
	if dir == "" {
		dir = filepath.Join(homeOf(cmd), "keyring")
	}
	return keyring.Open(dir)
}

// passphrase reads a passphrase from the environment variable env, else from the terminal.
// Scripts set the variable; people type it.
func passphrase(cmd *cobra.Command, env, prompt string, confirm bool) (string, error) {
	if p := os.Getenv(env); p != "" {
		return p, nil
	}
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		line, err := bufio.NewReader(cmd.InOrStdin()).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", err
		}
		if p := strings.TrimRight(line, "\r\n"); p != "" {
			return p, nil
		}
		return "", fmt.Errorf("no passphrase: set %s or type it on a terminal", env)
	}
	fmt.Fprint(cmd.ErrOrStderr(), prompt+": ")
	p, err := term.ReadPassword(fd)
	fmt.Fprintln(cmd.ErrOrStderr())
	if err != nil {
		return "", err
	}
	if confirm {
		fmt.Fprint(cmd.ErrOrStderr(), "repeat: ")
		again, err := term.ReadPassword(fd)
		fmt.Fprintln(cmd.ErrOrStderr())
		if err != nil {
			return "", err
		}
		if string(again) != string(p) {
			return "", errors.New("passphrases differ")
		}
	}
	return string(p), nil
}

type keyView struct {
	Name    string `json:"name"`
	Address string `json:"address"`
	PubKey  string `json:"pub_key"` // hex
}

func viewOf(i keyring.Info) keyView {
	return keyView{Name: i.Name, Address: i.Address, PubKey: hex.EncodeToString(i.PubKey)}
}

func (k keyView) text() string {
	return fmt.Sprintf("%-16s %s  pub_key %s", k.Name, k.Address, k.PubKey)
}

func newKeysCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "keys", Short: "Manage the encrypted keyring (passphrase: PUHUI_PASSPHRASE or prompt)"}
	cmd.PersistentFlags().String(flagKeyringDir, "", "keyring directory (default HOME/keyring)")
	withOut := func(c *cobra.Command) *cobra.Command { addOutputFlag(c); return c }
	cmd.AddCommand(
		withOut(&cobra.Command{Use: "add NAME", Short: "Create a new key", Args: cobra.ExactArgs(1), RunE: runKeysAdd}),
		withOut(&cobra.Command{Use: "list", Short: "List keys", Args: cobra.NoArgs, RunE: runKeysList}),
		keysShowCmd(withOut),
		&cobra.Command{Use: "export NAME", Short: "Print a key as armored text encrypted under an export passphrase (PUHUI_EXPORT_PASSPHRASE)",
			Args: cobra.ExactArgs(1), RunE: runKeysExport},
		withOut(&cobra.Command{Use: "import NAME FILE", Short: "Import an armored key (FILE or - for stdin)", Args: cobra.ExactArgs(2), RunE: runKeysImport}),
		&cobra.Command{Use: "delete NAME", Short: "Delete a key", Args: cobra.ExactArgs(1), RunE: runKeysDelete},
	)
	return cmd
}

func keysShowCmd(withOut func(*cobra.Command) *cobra.Command) *cobra.Command {
	cmd := withOut(&cobra.Command{Use: "show NAME", Short: "Show a key's address and public key (hex)", Args: cobra.ExactArgs(1), RunE: runKeysShow})
	cmd.Flags().BoolP("address", "a", false, "print the address alone (for scripts: ALICE=$(puhui keys show alice -a))")
	cmd.Flags().Bool("pubkey", false, "print the public key alone, in hex")
	return cmd
}

func runKeysAdd(cmd *cobra.Command, args []string) error {
	kr, err := openKeyring(cmd)
	if err != nil {
		return err
	}
	pass, err := passphrase(cmd, "PUHUI_PASSPHRASE", "passphrase for "+args[0], true)
	if err != nil {
		return err
	}
	info, err := kr.Add(args[0], pass)
	if err != nil {
		return err
	}
	v := viewOf(info)
	return printOut(cmd, v, v.text)
}

func runKeysList(cmd *cobra.Command, _ []string) error {
	kr, err := openKeyring(cmd)
	if err != nil {
		return err
	}
	infos, err := kr.List()
	if err != nil {
		return err
	}
	views := make([]keyView, 0, len(infos))
	lines := make([]string, 0, len(infos))
	for _, i := range infos {
		views = append(views, viewOf(i))
		lines = append(lines, viewOf(i).text())
	}
	return printOut(cmd, views, func() string { return strings.Join(lines, "\n") })
}

func runKeysShow(cmd *cobra.Command, args []string) error {
	kr, err := openKeyring(cmd)
	if err != nil {
		return err
	}
	info, err := kr.Show(args[0])
	if err != nil {
		return err
	}
	v := viewOf(info)
	if only, _ := cmd.Flags().GetBool("address"); only {
		_, err = fmt.Fprintln(cmd.OutOrStdout(), v.Address)
		return err
	}
	if only, _ := cmd.Flags().GetBool("pubkey"); only {
		_, err = fmt.Fprintln(cmd.OutOrStdout(), v.PubKey)
		return err
	}
	return printOut(cmd, v, v.text)
}

func runKeysExport(cmd *cobra.Command, args []string) error {
	kr, err := openKeyring(cmd)
	if err != nil {
		return err
	}
	pass, err := passphrase(cmd, "PUHUI_PASSPHRASE", "passphrase of "+args[0], false)
	if err != nil {
		return err
	}
	exportPass, err := passphrase(cmd, "PUHUI_EXPORT_PASSPHRASE", "export passphrase", true)
	if err != nil {
		return err
	}
	armored, err := kr.Export(args[0], pass, exportPass)
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(cmd.OutOrStdout(), armored)
	return err
}

func runKeysImport(cmd *cobra.Command, args []string) error {
	kr, err := openKeyring(cmd)
	if err != nil {
		return err
	}
	var data []byte
	if args[1] == "-" {
		data, err = io.ReadAll(cmd.InOrStdin())
	} else {
		data, err = os.ReadFile(args[1])
	}
	if err != nil {
		return err
	}
	exportPass, err := passphrase(cmd, "PUHUI_EXPORT_PASSPHRASE", "export passphrase", false)
	if err != nil {
		return err
	}
	pass, err := passphrase(cmd, "PUHUI_PASSPHRASE", "new passphrase for "+args[0], true)
	if err != nil {
		return err
	}
	info, err := kr.ImportArmored(args[0], string(data), exportPass, pass)
	if err != nil {
		return err
	}
	v := viewOf(info)
	return printOut(cmd, v, v.text)
}

func runKeysDelete(cmd *cobra.Command, args []string) error {
	kr, err := openKeyring(cmd)
	if err != nil {
		return err
	}
	if err := kr.Delete(args[0]); err != nil {
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), "deleted %s\n", args[0])
	return nil
}
