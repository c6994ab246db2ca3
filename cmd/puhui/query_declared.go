package main

import (
	"context"
	"reflect"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
)

// textView renders one declared view for people; v is a pointer to the declaration's view
// type. A view without one is shown by viewText.
type textView func(v any, sc scales) string

// textOf adapts a typed renderer.
func textOf[V any](f func(V, scales) string) textView {
	return func(v any, sc scales) string { return f(*v.(*V), sc) }
}

// groupShorts describes the CLI groups of declared queries; a new module's group without
// one gets a plain description.
var groupShorts = map[string]string{
	"credit": "Scorecards, a borrower's consents and the reports given on it",
	"docs":   "Private documents' on-chain records, grants and members' encryption keys",
}

// addDeclaredQueries offers every declared query as `puhui query [GROUP] NAME [ARG...]`: the
// arguments (required ones positional, in order; an optional one, a page's --after, a flag),
// their checks, the summary and the JSON form come from the declaration; the text
// form from textViews, or the generic viewText. A command already made by hand (account,
// with its --prove flag) is kept.
func addDeclaredQueries(root *cobra.Command, textViews map[string]textView) {
	for _, in := range query.All() {
		parent := root
		if in.Group != "" {
			parent = subcommand(root, in.Group)
		}
		if findSubcommand(parent, in.Name) != nil {
			continue
		}
		parent.AddCommand(declaredQuery(in, textViews[in.Path]))
	}
}

func declaredQuery(in query.Info, text textView) *cobra.Command {
	use, positional, docs := in.Name, 0, []string{}
	for _, a := range in.Args {
		if !a.Optional {
			use += " " + strings.ToUpper(a.Name)
			positional++
		}
		docs = append(docs, strings.ToUpper(a.Name)+": "+a.Doc+".")
	}
	cmd := queryCommand(use, in.Summary, cobra.ExactArgs(positional),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) (any, func() string, error) {
			values := slices.Clone(args)
			for _, a := range in.Args[positional:] {
				v, _ := cmd.Flags().GetString(a.Name)
				values = append(values, v)
			}
			arg, err := query.Compose(in.Args, values...)
			if err != nil {
				return nil, nil, err
			}
			v := reflect.New(in.View).Interface()
			if _, err := c.Query(ctx, in.Path, arg, false, v); err != nil {
				return nil, nil, err
			}
			sc := newScales(ctx, c)
			if text != nil {
				return v, func() string { return text(v, sc) }, nil
			}
			return v, func() string { return viewText(reflect.ValueOf(v).Elem(), sc) }, nil
		})
	// Only the last arguments are optional (query.Declare holds it): they are flags.
	for _, a := range in.Args[positional:] {
		cmd.Flags().String(a.Name, "", a.Doc)
	}
	if len(docs) > 0 {
		cmd.Long = in.Summary + ".\n\n" + strings.Join(docs, "\n")
	}
	return cmd
}

func subcommand(root *cobra.Command, name string) *cobra.Command {
	if c := findSubcommand(root, name); c != nil {
		return c
	}
	short := groupShorts[name]
	if short == "" {
		short = "The " + name + " module's views"
	}
	c := &cobra.Command{Use: name, Short: short}
	root.AddCommand(c)
	return c
}

func findSubcommand(parent *cobra.Command, name string) *cobra.Command {
	for _, c := range parent.Commands() {
		if c.Name() == name {
			return c
		}
	}
	return nil
}
