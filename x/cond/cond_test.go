package cond

import (
	"strings"
	"testing"
)

func testEnv() *Env { return &Env{Facts: []string{"a", "b"}, MaxBytes: 64, MaxCost: 50} }

func TestCompileRefusesWhatIsNotABoundedBool(t *testing.T) {
	e := testEnv()
	for src, want := range map[string]string{
		"a +":                      "does not compile",
		"a + b":                    "must be a bool",
		"c > 1":                    "does not compile", // an unknown fact
		strings.Repeat("a", 65):    "bytes, limit 64",
		"[1,2,3].all(x, x > a)":    "", // small and bounded: accepted
		"a > 1 && b < 2 || a == b": "",
	} {
		_, err := e.Compile(src)
		if want == "" {
			if err != nil {
				t.Errorf("%q: %v", src, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", src, err, want)
		}
	}
}

func TestCostAboveTheBoundIsRefused(t *testing.T) {
	e := &Env{Facts: []string{"a"}, MaxBytes: 512, MaxCost: 3}
	if _, err := e.Compile("a > 1 && a < 5 && a != 3 && a != 4"); err == nil || !strings.Contains(err.Error(), "estimated cost") {
		t.Fatalf("got %v", err)
	}
}

func TestProgramIsCompiledOnceAndEvaluates(t *testing.T) {
	e := testEnv()
	p1, err := e.Program("a / b > 1")
	if err != nil {
		t.Fatal(err)
	}
	p2, _ := e.Program("a / b > 1")
	if p1 != p2 {
		t.Fatal("the second Program compiled again")
	}
	if ok, err := Eval(p1, map[string]any{"a": int64(10), "b": int64(2)}); err != nil || !ok {
		t.Fatalf("10/2 > 1: %v %v", ok, err)
	}
	if ok, err := Eval(p1, map[string]any{"a": int64(1), "b": int64(2)}); err != nil || ok {
		t.Fatalf("1/2 > 1: %v %v", ok, err)
	}
	// A run-time error does not decide: it is an error, never a false.
	if _, err := Eval(p1, map[string]any{"a": int64(1), "b": int64(0)}); err == nil || !strings.Contains(err.Error(), "could not decide") {
		t.Fatalf("division by zero: %v", err)
	}
	if _, err := e.Program("a +"); err == nil {
		t.Fatal("a bad source was cached")
	}
}
