package console

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/timex"
)

// Console runs console lines against a Backend and keeps the state that
// lines share: the date set by :at, JSON output, the last answers for
// :why. Exec and Complete are what the interactive prompt (Run) calls;
// tests call them directly.
type Console struct {
	// Backend answers the questions: a Local one, or a remote one that
	// goes through the geokg server holding the store.
	Backend Backend
	// Today is the date of "now".
	Today graph.Date
	// Out receives every answer.
	Out io.Writer

	at   graph.Date
	json bool
	last Answers
}

// out is where the answer of the running line goes.
func (c *Console) out() Output { return Output{W: c.Out, JSON: c.json} }

// Commands lists the console's commands, for :help and completion.
var Commands = []struct{ Name, Args, Help string }{
	{":help", "", "this list"},
	{":at", "DATE|now", "set the date later questions use (no argument: show it)"},
	{":facts", "[--subject S] [--predicate P] [--object O] [--at D] [--from D --to D]", "facts by subject, predicate, object and time"},
	{":path", "A B [--max-hops N]", "shortest chains of facts from A to B (facts in force at :at)"},
	{":timeline", "X [--from D] [--to D] [--offset N] [--limit M]", "what happened with X, in time order: the latest 20 facts, or M from N+1 (--limit 0: all)"},
	{":neighbors", "X [--predicate P]", "entities sharing a fact with X"},
	{":entities", "PREFIX", "entities whose name starts with PREFIX"},
	{":why", "N", "the evidence sentences of answer N"},
	{":json", "", "toggle raw JSON output"},
	{":quit", "", "leave (Ctrl-D does too)"},
}

// entitiesLimit is the most entities :entities lists; completeLimit the
// most completions Tab offers.
const (
	entitiesLimit = 50
	completeLimit = 20
)

// errQuit is returned by Exec for :quit.
var errQuit = errors.New("quit")

// At returns the date set by :at (zero when none).
func (c *Console) At() graph.Date { return c.at }

// Exec runs one console line: a :command, a Gizmo query (a line starting
// with "g."), or an English question. Errors about the line (an unknown
// name, a question it cannot read) are written to Out and not returned;
// the returned error is ctx's when the line was cancelled, or io.EOF for
// :quit.
func (c *Console) Exec(ctx context.Context, line string) error {
	line = strings.TrimSpace(line)
	var err error
	switch {
	case line == "":
		return nil
	case strings.HasPrefix(line, ":"):
		err = c.command(ctx, line)
	case strings.HasPrefix(line, "g.") || strings.HasPrefix(line, "graph."):
		err = c.gizmo(ctx, line)
	default:
		err = c.ask(ctx, line)
	}
	switch {
	case errors.Is(err, errQuit):
		return io.EOF
	case ctx.Err() != nil:
		fmt.Fprintln(c.Out, "query cancelled")
		return ctx.Err()
	case err != nil:
		fmt.Fprintln(c.Out, "error:", err)
	}
	return nil
}

// ask answers an English question.
func (c *Console) ask(ctx context.Context, q string) error {
	return c.askQuery(ctx, queries.AskQuery{Question: q})
}

// askQuery asks q, its Today and At the console's.
func (c *Console) askQuery(ctx context.Context, q queries.AskQuery) error {
	q.Today, q.At = c.Today, c.at
	last, err := c.Backend.Ask(ctx, c.out(), q)
	var pe *queries.ParseError
	if errors.As(err, &pe) {
		fmt.Fprintf(c.Out, "I cannot read that as a question. Closest forms:\n")
		for _, s := range pe.Suggestions {
			fmt.Fprintf(c.Out, "  %s\n", s)
		}
		return nil
	}
	if last != nil {
		c.last = last
	}
	return err
}

// gizmo runs a Gizmo query.
func (c *Console) gizmo(ctx context.Context, q string) error {
	return c.Backend.Gizmo(ctx, c.out(), queries.GizmoQuery{Query: q})
}

// command runs a :command.
func (c *Console) command(ctx context.Context, line string) error {
	args, err := splitArgs(line)
	if err != nil {
		return err
	}
	name, args := args[0], args[1:]
	switch name {
	case ":help", ":h", ":?":
		for _, cmd := range Commands {
			fmt.Fprintf(c.Out, "  %-10s %s\n             %s\n", cmd.Name, cmd.Args, cmd.Help)
		}
		fmt.Fprintln(c.Out, "  g.V(...)   a Gizmo query against the store")
		fmt.Fprintln(c.Out, "  anything else is a question, e.g. who led NATO on 1 June 2024?")
		return nil
	case ":quit", ":q", ":exit":
		return errQuit
	case ":json":
		c.json = !c.json
		fmt.Fprintf(c.Out, "JSON output %s\n", map[bool]string{true: "on", false: "off"}[c.json])
		return nil
	case ":at":
		return c.setAt(args)
	case ":why":
		return c.why(ctx, args)
	case ":facts":
		return c.facts(ctx, args)
	case ":path":
		return c.path(ctx, args)
	case ":timeline":
		return c.timeline(ctx, args)
	case ":neighbors", ":neighbours":
		return c.neighbors(ctx, args)
	case ":entities":
		if len(args) == 0 {
			return errors.New("usage: :entities PREFIX")
		}
		return c.Backend.Entities(ctx, c.out(), strings.Join(args, " "), entitiesLimit)
	}
	return fmt.Errorf("unknown command %s (try :help)", name)
}

// setAt handles :at.
func (c *Console) setAt(args []string) error {
	if len(args) == 0 {
		if c.at.IsZero() {
			fmt.Fprintf(c.Out, "questions use today (%s)\n", c.Today)
		} else {
			fmt.Fprintf(c.Out, "questions use %s\n", c.at)
		}
		return nil
	}
	phrase := strings.Join(args, " ")
	switch strings.ToLower(phrase) {
	case "now", "today", "off", "none":
		c.at = graph.Date{}
		fmt.Fprintf(c.Out, "questions now use today (%s)\n", c.Today)
		return nil
	}
	d, err := timex.ParseOption(":at", phrase, c.Today)
	if err != nil {
		return fmt.Errorf("%w (want a date such as 2024-06-01, 1 June 2024 or June 2024)", err)
	}
	c.at = d
	fmt.Fprintf(c.Out, "questions now use %s\n", d)
	return nil
}

// why handles :why N.
func (c *Console) why(ctx context.Context, args []string) error {
	if len(args) != 1 {
		return errors.New("usage: :why N (N is an answer number of the last question)")
	}
	count := 0
	if c.last != nil {
		count = c.last.Len()
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 1 || n > count {
		return fmt.Errorf(":why %s: the last question has %d answers", args[0], count)
	}
	return c.last.WriteEvidence(ctx, c.Out, n)
}

// flags parses a command's flags, returning its positional arguments.
func flags(name string, args []string, def func(*pflag.FlagSet)) ([]string, error) {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	def(fs)
	if err := fs.Parse(args); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return fs.Args(), nil
}

// facts handles :facts.
func (c *Console) facts(ctx context.Context, args []string) error {
	var s, p, o, at, from, to string
	if _, err := flags(":facts", args, func(fs *pflag.FlagSet) {
		fs.StringVar(&s, "subject", "", "")
		fs.StringVar(&p, "predicate", "", "")
		fs.StringVar(&o, "object", "", "")
		fs.StringVar(&at, "at", "", "")
		fs.StringVar(&from, "from", "", "")
		fs.StringVar(&to, "to", "", "")
	}); err != nil {
		return err
	}
	q := queries.FactsQuery{Subject: s, Predicate: p, Object: o}
	var err error
	if q.At, err = timex.ParseOption("--at", at, c.Today); err != nil {
		return err
	}
	if q.From, err = timex.ParseOption("--from", from, c.Today); err != nil {
		return err
	}
	if q.To, err = timex.ParseOption("--to", to, c.Today); err != nil {
		return err
	}
	if q.At.IsZero() && q.From.IsZero() && q.To.IsZero() {
		q.At = c.at
	}
	return c.answered(c.Backend.Facts(ctx, c.out(), q))
}

// answered keeps the answers of a line that answered, for :why.
func (c *Console) answered(last Answers, err error) error {
	if err == nil {
		c.last = last
	}
	return err
}

// path handles :path A B.
func (c *Console) path(ctx context.Context, args []string) error {
	hops := 0
	pos, err := flags(":path", args, func(fs *pflag.FlagSet) { fs.IntVar(&hops, "max-hops", 0, "") })
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return errors.New(`usage: :path A B (quote names with spaces: :path "Mark Rutte" Waltz)`)
	}
	return c.answered(c.Backend.Path(ctx, c.out(), queries.PathQuery{From: pos[0], To: pos[1], At: c.at, MaxHops: hops}))
}

// timeline handles :timeline X.
func (c *Console) timeline(ctx context.Context, args []string) error {
	var from, to string
	offset, limit := 0, -1 // -1: not given
	pos, err := flags(":timeline", args, func(fs *pflag.FlagSet) {
		fs.StringVar(&from, "from", "", "")
		fs.StringVar(&to, "to", "", "")
		fs.IntVar(&offset, "offset", 0, "")
		fs.IntVar(&limit, "limit", -1, "")
	})
	if err != nil {
		return err
	}
	if len(pos) == 0 || offset < 0 || limit < -1 {
		return errors.New("usage: :timeline X [--from D] [--to D] [--offset N] [--limit M]")
	}
	aq := queries.AskQuery{TimelineOffset: offset, TimelineLimit: max(limit, 0), TimelineAll: limit == 0}
	if offset > 0 && limit < 0 {
		aq.TimelineLimit = queries.DefaultTimelineLimit
	}
	q := "what happened with " + strings.Join(pos, " ")
	switch {
	case from != "" && to != "":
		q += " between " + from + " and " + to
	case from != "":
		q += " since " + from
	case to != "":
		q += " until " + to
	}
	aq.Question = q
	return c.askQuery(ctx, aq)
}

// neighbors handles :neighbors X.
func (c *Console) neighbors(ctx context.Context, args []string) error {
	var pred string
	pos, err := flags(":neighbors", args, func(fs *pflag.FlagSet) { fs.StringVar(&pred, "predicate", "", "") })
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errors.New("usage: :neighbors X [--predicate P]")
	}
	q := queries.NeighborsQuery{Entity: strings.Join(pos, " "), At: c.at, Predicate: pred}
	return c.answered(c.Backend.Neighbors(ctx, c.out(), q))
}

// splitArgs splits a command line into words, honouring "double" and
// 'single' quotes.
func splitArgs(line string) ([]string, error) {
	var out []string
	var cur strings.Builder
	var quote rune
	inWord := false
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				out = append(out, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, errors.New("unclosed quote")
	}
	if inWord {
		out = append(out, cur.String())
	}
	return out, nil
}

// Complete returns the completions of line for the Tab key: command names
// after ":", and entity names (or aliases) for the words before the cursor.
func (c *Console) Complete(line string) []string {
	if strings.HasPrefix(line, ":") && !strings.ContainsAny(line, " \t") {
		var out []string
		for _, cmd := range Commands {
			if strings.HasPrefix(cmd.Name, line) {
				out = append(out, cmd.Name+" ")
			}
		}
		return out
	}
	if strings.HasPrefix(line, "g.") || strings.HasSuffix(line, " ") {
		return nil
	}
	words := strings.Fields(line)
	for n := min(4, len(words)); n >= 1; n-- {
		start := len(words) - n
		if start == 0 && strings.HasPrefix(words[0], ":") {
			continue
		}
		part := strings.TrimLeft(strings.Join(words[start:], " "), `"'`)
		if len(part) < 2 {
			continue
		}
		cands := c.Backend.Complete(context.Background(), part, completeLimit)
		if len(cands) == 0 {
			continue
		}
		head := strings.TrimSuffix(line, strings.Join(words[start:], " "))
		quote := ""
		if strings.HasPrefix(words[0], ":") && strings.HasPrefix(words[start], `"`) {
			quote = `"`
		}
		sort.Strings(cands)
		out := make([]string, 0, len(cands))
		for _, cand := range cands {
			out = append(out, head+quote+cand+quote)
		}
		return out
	}
	return nil
}
