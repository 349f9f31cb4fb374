// Package repocheck holds tests of the repository as a whole, not of one
// package: which modules the shipped commands link, that imports point
// one way (the layers of ARCHITECTURE.md), and that tests and commands
// name no absolute path of one machine. It has no code of its own.
package repocheck
