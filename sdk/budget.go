package sdk

import (
	"context"
	"math"
	"sync"
)

// budget is one spending limit: the client's (WithBudget given to
// NewClient) or one call's (WithBudget given to a method or an iterator).
type budget struct {
	scope    string  // "client" or "call", for the error
	limit    float64 // USD
	counted  float64 // known costs, plus the ceilings counted for unknown ones
	reserved float64 // the estimates of the calls in flight under it
	inFlight int     // the calls in flight under it
	blocked  int     // calls whose cost could not be read and was not counted
}

// costSlack is how far sums of float costs may drift from the decimal
// sums they stand for (a nanodollar): a budget admits a call that fits it
// to within costSlack, so that a budget of 0.2 takes twenty calls of 0.01
// whatever order their costs were added in (0.01 added nineteen times is
// 0.19000000000000003).
const costSlack = 1e-9

// fits reports whether total is within limit, to within costSlack.
func fits(total, limit float64) bool { return total <= limit+costSlack }

// ledger is a client's spending, shared by all its goroutines: what it
// spent, what each budget counts, and the cost estimate of each endpoint.
type ledger struct {
	mu      sync.Mutex
	changed chan struct{} // closed (and replaced) whenever a call ends
	known   float64       // the sum of the costs the responses reported
	unknown int           // calls whose cost could not be read
	client  *budget       // nil without a client budget
	ceiling float64       // WithCostCeiling, per task; 0 if unset
	perTask map[string]float64
	probes  map[string]int // calls in flight to an endpoint without an estimate
	// unfree are the endpoints the docs give as free (Call.Free) whose
	// answer had a cost, or a cost that could not be read: no longer
	// taken as free.
	unfree map[string]bool
}

func newLedger(limit, ceiling float64) *ledger {
	l := &ledger{changed: make(chan struct{}), ceiling: ceiling, perTask: map[string]float64{}, probes: map[string]int{}, unfree: map[string]bool{}}
	if !math.IsInf(limit, 1) {
		l.client = &budget{scope: "client", limit: limit}
	}
	return l
}

// reservation is an admitted call's claim on its budgets.
type reservation struct {
	endpoint string
	tasks    int
	estimate float64
	probe    bool
	free     bool // admitted as free (Call.Free): no budget refused or waited for it
	budgets  []*budget
}

// estimate returns the expected cost of a call of tasks tasks to endpoint:
// the highest cost per task a successful task of it has had, times tasks;
// else the cost ceiling times tasks; else 0 and probe true.
func (l *ledger) estimate(endpoint string, tasks int) (float64, bool) {
	if c, ok := l.perTask[endpoint]; ok {
		return c * float64(tasks), false
	}
	if l.ceiling > 0 {
		return l.ceiling * float64(tasks), false
	}
	return 0, true
}

// admit waits until the budgets (the client's and call, either may be nil)
// admit a call, and reserves its estimate; see Client for the rule. It
// returns a *BudgetError when a budget cannot admit the call, and the
// context's error when ctx ends while the call waits for calls in flight.
//
// A free call (Call.Free, and the endpoint's answers have not shown a
// cost) is admitted whatever the budgets have left or could not read:
// one at a time until an answer of the endpoint showed a cost of 0.
func (l *ledger) admit(ctx context.Context, endpoint string, tasks int, call *budget, free bool) (*reservation, error) {
	for {
		l.mu.Lock()
		var budgets []*budget
		for _, b := range []*budget{l.client, call} {
			if b != nil {
				budgets = append(budgets, b)
			}
		}
		r := &reservation{endpoint: endpoint, tasks: tasks, budgets: budgets}
		if len(budgets) == 0 {
			l.mu.Unlock()
			return r, nil
		}
		r.estimate, r.probe = l.estimate(endpoint, tasks)
		if c, known := l.perTask[endpoint]; free && !l.unfree[endpoint] && (!known || c == 0) {
			r.free, r.estimate, r.probe = true, 0, !known
		}
		wait := r.probe && l.probes[endpoint] > 0
		for _, b := range budgets {
			if r.free {
				break // no budget refuses or holds back a free call
			}
			if err := b.refuse(r.estimate); err != nil {
				l.mu.Unlock()
				return nil, err
			}
			if b.inFlight > 0 && (!fits(b.counted+b.reserved+r.estimate, b.limit) || fits(b.limit, b.counted+b.reserved)) {
				wait = true
			}
		}
		if !wait {
			for _, b := range budgets {
				b.reserved += r.estimate
				b.inFlight++
			}
			if r.probe {
				l.probes[endpoint]++
			}
			l.mu.Unlock()
			return r, nil
		}
		changed := l.changed
		l.mu.Unlock()
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-changed:
		}
	}
}

// refuse returns the *BudgetError that refuses a call estimated at est, or
// nil when b could admit it once the calls in flight under it end.
func (b *budget) refuse(est float64) error {
	e := &BudgetError{Scope: b.scope, Budget: b.limit, Spent: b.counted, Estimate: est, Unknown: b.blocked}
	switch {
	case b.blocked > 0:
		e.Reason = "the cost of an earlier call could not be read (set WithCostCeiling, or Client.SettleUnknownCosts)"
	case fits(b.limit, b.counted):
		e.Reason = "the budget is spent"
	case !fits(b.counted+est, b.limit):
		e.Reason = "the call's estimated cost exceeds what is left"
	default:
		return nil
	}
	return e
}

// finish ends a reservation with the call's cost: known, or not (the
// response did not say, or could not be read). perTask is the highest
// cost of a successful task of the call, -1 when none succeeded.
func (l *ledger) finish(r *reservation, cost float64, known bool, perTask float64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, b := range r.budgets {
		b.inFlight--
		b.reserved -= r.estimate
		if b.inFlight == 0 {
			b.reserved = 0 // no drift from float sums
		}
	}
	if r.probe {
		l.probes[r.endpoint]--
	}
	if r.free && (!known || cost > 0) {
		l.unfree[r.endpoint] = true
	}
	switch {
	case known:
		l.known += cost
		for _, b := range r.budgets {
			b.counted += cost
		}
		if perTask >= 0 && perTask >= l.perTask[r.endpoint] {
			l.perTask[r.endpoint] = perTask
		}
	default:
		l.unknown++
		for _, b := range r.budgets {
			if l.ceiling > 0 {
				b.counted += l.ceiling * float64(r.tasks)
			} else {
				b.blocked++
			}
		}
	}
	close(l.changed)
	l.changed = make(chan struct{})
}

// settle counts usd for the calls whose cost could not be read, and
// unblocks the client's budget.
func (l *ledger) settle(usd float64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.known += usd
	if l.client != nil {
		l.client.counted += usd
		l.client.blocked = 0
	}
	l.unknown = 0
	close(l.changed)
	l.changed = make(chan struct{})
}

func (l *ledger) spent() (float64, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.known, l.unknown
}
