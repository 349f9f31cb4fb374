package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// VNUTimeout bounds one run of the Nu HTML Checker over all files: the
// example's 1,500 pages (the directory's combinations among them) take
// over three minutes on two busy cores, beside the browser.
const VNUTimeout = 5 * time.Minute

// Message is one error of the Nu HTML Checker.
type Message struct {
	File    string // the file as given to VNU
	Line    int    // 1-based; 0 when the checker gives no position
	Col     int
	Type    string // "error", or "non-document-error" when the file could not be read
	Message string
	Extract string // the source around the error
}

// String gives the message as file:line:col: message.
func (m Message) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", m.File, m.Line, m.Col, m.Message)
}

// VNU runs the Nu HTML Checker (vnu.jar from npm, on Debian's java) over
// the HTML files, all in one JVM (it takes seconds to start), and returns
// its errors; warnings and info messages are not reported. The test fails
// if the checker cannot run.
//
// Language detection is off: it only ever gives warnings ("this document
// appears to be written in ...") and costs a third of the time.
func VNU(t testing.TB, files []string) []Message {
	t.Helper()
	msgs, err := RunVNU(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	return msgs
}

// RunVNU is VNU for callers that are not the test's goroutine (it may run
// beside the browser checks): it returns an error instead of failing.
func RunVNU(ctx context.Context, files []string) ([]Message, error) {
	if len(files) == 0 {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, VNUTimeout)
	defer cancel()
	args := []string{
		"-Xss2m", // the checker recurses deeply on deep documents
		"-jar", VNUPath(),
		"--format", "json", "--stdout", "--errors-only", "--exit-zero-always", "--no-langdetect",
	}
	byURL := map[string]string{}
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			return nil, fmt.Errorf("vnu: %w", err)
		}
		args = append(args, abs)
		// The checker names files by file: URL.
		byURL[(&url.URL{Scheme: "file", Path: abs}).String()] = f
		byURL["file:"+abs] = f
	}
	cmd := exec.CommandContext(ctx, "java", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("vnu: no answer within %v for %d files", VNUTimeout, len(files))
		}
		return nil, fmt.Errorf("vnu: %v\n%s", err, stderr.Bytes())
	}
	var out struct {
		Messages []struct {
			Type, URL, Message, Extract string
			LastLine, FirstColumn       int
			FirstLine, LastColumn       int
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return nil, fmt.Errorf("vnu: reading its JSON output: %v\n%s\n%s", err, stdout.Bytes(), stderr.Bytes())
	}
	var msgs []Message
	for _, m := range out.Messages {
		if m.Type != "error" && m.Type != "non-document-error" {
			continue
		}
		file, ok := byURL[m.URL]
		if !ok {
			file = m.URL
		}
		line, col := m.FirstLine, m.FirstColumn
		if line == 0 {
			line = m.LastLine
		}
		if col == 0 {
			col = m.LastColumn
		}
		msgs = append(msgs, Message{File: file, Line: line, Col: col, Type: m.Type, Message: m.Message, Extract: m.Extract})
	}
	return msgs, nil
}
