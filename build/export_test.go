package build

// BetweenPasses sets a function to run after a build's first pass, for
// the tests of what the second pass does with an input edited in between.
func BetweenPasses(f func()) (restore func()) {
	betweenPasses = f
	return func() { betweenPasses = nil }
}
