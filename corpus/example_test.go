package corpus_test

import (
	"fmt"
	"os"

	"spur/corpus"
)

// A repository as a region has it after some years: units visited again,
// and the action plans followed up as of 2026-01-01.
func ExampleGenerateWith() {
	dir, err := os.MkdirTemp("", "corpus")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	paths, err := corpus.GenerateWith(dir, 50, 1, corpus.Options{Revisits: true, FollowUps: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(paths), "inspections")
	// Output: 50 inspections
}
